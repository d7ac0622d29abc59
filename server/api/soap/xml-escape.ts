/**
 * Text and attribute values for the XML Guichet writes. Characters XML 1.0 cannot carry (C0
 * controls but tab, CR and LF; lone surrogates; U+FFFE/U+FFFF), which a JSON client could have
 * stored, become U+FFFD so the document always parses.
 */

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"\r]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

/** Escapes `value` for element text or a double-quoted attribute. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(SPECIAL, (c) => ENTITY[c]!);
}
