import { NS } from './namespaces.js';
import { attributeOf, type XmlElement } from './xml-reader.js';

/**
 * Turns a request element's children into the plain object the JSON face would have parsed, so
 * one validator reads both: an element with child elements is an object, any other its text
 * (a string; `<x/>` or whitespace alone is '', which the validator treats as absent); a name
 * repeated among siblings is an array; `xsi:nil="true"` is absent. Fields are matched by local name, in any
 * order and namespace (clients differ in how they qualify children); attributes other than
 * xsi:nil are ignored. The schema then decides what is a list (`{privateData: …}` or an array).
 */
export function elementToObject(element: XmlElement): Record<string, unknown> {
  // No prototype: `<__proto__>` or `<constructor>` are plain names here.
  const out: Record<string, unknown> = Object.create(null);
  for (const child of element.children) {
    if (isNil(child)) continue;
    const value = child.children.length > 0 ? elementToObject(child) : textOf(child);
    const previous = out[child.local];
    // Values are strings or objects, so an array here can only be earlier siblings.
    if (previous === undefined) out[child.local] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else out[child.local] = [previous, value];
  }
  return out;
}

/** `xsi:nil="true"` (or `1`): the element stands for no value. */
export function isNil(element: XmlElement): boolean {
  const nil = attributeOf(element, NS.xsi, 'nil');
  return nil === 'true' || nil === '1';
}

/** A leaf's text; whitespace alone is layout (a pretty-printed empty object), not a value. */
function textOf(element: XmlElement): string {
  return element.text.trim() === '' ? '' : element.text;
}
