/**
 * HTML for the pages the gateway serves: a tagged template that escapes every interpolated
 * value unless it is already HTML, so no text from a merchant or a shopper can become markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
}

/** Escapes text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Interpolated = SafeHtml | string | number | readonly SafeHtml[] | undefined;

function render(value: Interpolated): string {
  if (value === undefined) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((v: SafeHtml) => v.value).join('');
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\``: strings and numbers are escaped, SafeHtml (and lists of it) kept. */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));
}
