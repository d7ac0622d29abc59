/**
 * Pure text handling of the card inputs: keep the digits, cap them, lay them out per brand
 * (Amex 4-6-5, others 4-4-4-4; expiry `MM / YY`) and keep the caret after the same digit, so
 * typing, deleting in the middle and pasting `4111-1111 1111 1111` all land where expected.
 */
import { BRAND_RULES, detectBrand, formatPan } from '../../server/core/card-brand.js';

/** An input's text and caret position. */
export interface Edit {
  value: string;
  caret: number;
}

/** The digits of `text`, in order. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** The most digits a PAN starting with `digits` may have: its brand's longest length, else 19. */
export function maxPanLength(digits: string): number {
  const brand = detectBrand(digits);
  return brand ? Math.max(...BRAND_RULES[brand].lengths) : 19;
}

/**
 * `edit.value` reduced to `digits` (already extracted and capped) and laid out by `layout`; the
 * caret stays after the same count of digits, or at the end when it was at the end.
 */
export function relayout(edit: Edit, digits: string, layout: (digits: string) => string): Edit {
  const value = layout(digits);
  if (edit.caret >= edit.value.length) return { value, caret: value.length };
  const before = Math.min(digitsOf(edit.value.slice(0, edit.caret)).length, digits.length);
  let caret = 0;
  for (let seen = 0; caret < value.length && seen < before; caret++) {
    if (/\d/.test(value[caret]!)) seen++;
  }
  return { value, caret };
}

/** A card number as typed or pasted, laid out for its brand. */
export function editNumber(edit: Edit): Edit {
  const all = digitsOf(edit.value);
  const digits = all.slice(0, maxPanLength(all));
  return relayout(edit, digits, (d) => formatPan(d));
}

/** `MMYY` digits shown as `MM / YY` once the year starts. */
export function formatExpiry(digits: string): string {
  return digits.length > 2 ? `${digits.slice(0, 2)} / ${digits.slice(2)}` : digits;
}

const MONTH_AND_YEAR = /^\s*(\d{1,2})\s*[/.\- ]\s*(\d{0,4})\s*$/;

/**
 * The `MMYY` digits of an expiry as typed, pasted or autofilled: `4` → `04`, `1/30` → `0130`,
 * `12/2030` and `122030` → `1230`.
 */
export function expiryDigits(text: string): string {
  const parts = MONTH_AND_YEAR.exec(text);
  let month: string;
  let year: string;
  if (parts) {
    month = parts[1]!.padStart(2, '0');
    year = parts[2]!;
  } else {
    const digits = digitsOf(text);
    month = digits.slice(0, 2);
    year = digits.length === 6 ? digits.slice(2) : digits.slice(2, 4);
  }
  if (year.length === 4) year = year.slice(2);
  const digits = /^[2-9]/.test(month) ? `0${month}${year}` : month + year;
  return digits.slice(0, 4);
}

/** An expiry as typed or pasted, laid out `MM / YY`. */
export function editExpiry(edit: Edit): Edit {
  return relayout(edit, expiryDigits(edit.value), formatExpiry);
}

/** A security code as typed: digits only, at most `length`. */
export function editCvx(edit: Edit, length: number): Edit {
  return relayout(edit, digitsOf(edit.value).slice(0, length), (d) => d);
}

/**
 * Backspace right after a separator (`4111 |`) deletes the digit before it rather than the space,
 * which the layout would put back: the edit to apply instead, or undefined for a normal delete.
 */
export function deleteAcrossSeparator(value: string, caret: number): Edit | undefined {
  if (caret === 0 || /\d/.test(value[caret - 1]!)) return undefined;
  let index = caret - 1;
  while (index >= 0 && !/\d/.test(value[index]!)) index--;
  if (index < 0) return undefined;
  return { value: value.slice(0, index) + value.slice(index + 1), caret: index };
}
