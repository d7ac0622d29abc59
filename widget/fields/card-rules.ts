/**
 * Pure rules of the card form: which error each field has (a Translation key), when a field is
 * complete enough to move on, and which Payline card.type to send, with the CB co-badging choice.
 */
import {
  BRAND_RULES,
  CardBrand,
  candidateBrands,
  cardTypeAcceptsBrand,
  detectBrand,
  isCbCoBadged,
} from '../../server/core/card-brand.js';
import { isLuhnValid } from '../../server/core/luhn.js';
import { isExpired, parseExpiry } from '../../server/core/card-expiry.js';

/** The card as the form holds it: digits only for number, expiry (MMYY) and cvx. */
export interface CardValues {
  number: string;
  expiry: string;
  cvx: string;
  cardholder: string;
}

/** Expiry dates further ahead are typos; test cards use 12/55 (docs/test-cards.md), so not less. */
const MAX_YEARS_AHEAD = 50;

/** Whether `brand` can be paid with one of `accepted` (Payline card types); no list accepts all. */
export function isBrandAccepted(brand: CardBrand, accepted: readonly string[]): boolean {
  return accepted.length === 0 || accepted.some((type) => cardTypeAcceptsBrand(type, brand));
}

/**
 * The networks the shopper may pick for a co-badged card, CB first (['CB', 'VISA']), or [] when
 * there is no choice: not a CB BIN, or the shop takes only one of the two networks.
 */
export function networkChoices(number: string, accepted: readonly string[]): string[] {
  const brand = detectBrand(number);
  if (!isCbCoBadged(number) || (brand !== CardBrand.VISA && brand !== CardBrand.MASTERCARD)) return [];
  const choices = ['CB', brand].filter((type) => accepted.length === 0 || accepted.includes(type));
  return choices.length === 2 ? choices : [];
}

/**
 * The card.type to send: the shopper's network choice, else CB for a CB card the shop takes
 * as CB, else the accepted type named like the brand, else the first accepted type carrying it.
 */
export function cardTypeFor(number: string, accepted: readonly string[], choice?: string): string | undefined {
  const brand = detectBrand(number);
  if (!brand) return undefined;
  const choices = networkChoices(number, accepted);
  if (choice && choices.includes(choice)) return choice;
  if (isCbCoBadged(number) && accepted.includes('CB') && cardTypeAcceptsBrand('CB', brand)) return 'CB';
  if (accepted.includes(brand)) return brand;
  return accepted.find((type) => cardTypeAcceptsBrand(type, brand));
}

/** The security code's length for the number typed: Amex's CID has 4 digits, the others 3. */
export function cvxLength(number: string): 3 | 4 {
  const brand = detectBrand(number);
  return brand ? BRAND_RULES[brand].cvvLength : 3;
}

/** The usual length of a brand's numbers, at which focus moves on: Amex 15, 36-Diners 14, else 16. */
function usualLength(number: string, brand: CardBrand): number {
  if (brand === CardBrand.AMEX) return 15;
  if (brand === CardBrand.DINERS && number.startsWith('36')) return 14;
  return Math.min(16, Math.max(...BRAND_RULES[brand].lengths));
}

/** Whether the number is whole and right: focus may move on to the expiry. */
export function isNumberComplete(number: string): boolean {
  const brand = detectBrand(number);
  if (!brand || !isLuhnValid(number)) return false;
  const lengths: readonly number[] = BRAND_RULES[brand].lengths;
  return number.length === usualLength(number, brand) || number.length === Math.max(...lengths);
}

/**
 * The number's error key. `typing` is true while the shopper is still in the field: only errors
 * that more digits cannot fix show then (unknown or refused brand), and a wrong number once it
 * has its brand's usual length.
 */
export function numberError(number: string, accepted: readonly string[], typing: boolean): string | undefined {
  if (number === '') return typing ? undefined : 'numberRequired';
  if (candidateBrands(number).length === 0) return 'numberUnknown';
  const brand = detectBrand(number);
  if (brand && !isBrandAccepted(brand, accepted)) return 'numberNotAccepted';
  if (typing && (!brand || number.length < usualLength(number, brand))) return undefined;
  if (!brand) return 'numberIncomplete';
  const lengths: readonly number[] = BRAND_RULES[brand].lengths;
  if (number.length < Math.min(...lengths)) return 'numberIncomplete';
  if (!lengths.includes(number.length) || !isLuhnValid(number)) return 'numberInvalid';
  return undefined;
}

/** The expiry's error key (`expiry`: MMYY digits) at `now` (ms). */
export function expiryError(expiry: string, now: number, typing: boolean): string | undefined {
  if (expiry === '') return typing ? undefined : 'expiryRequired';
  if (expiry.length < 4) {
    const month = Number(expiry.slice(0, 2));
    if (expiry.length === 2 && (month < 1 || month > 12)) return 'expiryInvalid';
    return typing ? undefined : 'expiryInvalid';
  }
  const parsed = parseExpiry(expiry);
  if (!parsed || parsed.year > new Date(now).getUTCFullYear() + MAX_YEARS_AHEAD) return 'expiryInvalid';
  return isExpired(expiry, now) ? 'expiryPast' : undefined;
}

/** The security code's error key for a card `number`. */
export function cvxError(cvx: string, number: string, typing: boolean): string | undefined {
  if (cvx === '') return typing ? undefined : 'cvxRequired';
  return cvx.length === cvxLength(number) || typing ? undefined : 'cvxIncomplete';
}

/** The cardholder name's error key. */
export function cardholderError(name: string, typing: boolean): string | undefined {
  return name.trim() === '' && !typing ? 'cardholderRequired' : undefined;
}
