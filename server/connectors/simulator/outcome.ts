/**
 * The simulator's decision, pure and deterministic: a request's card, amount and date → a
 * Payline code. The rules are Payline's homologation simulators (payline-api.md §8) plus the
 * test-card table (test-cards.ts); docs/test-cards.md explains them to merchants.
 */
import { brandOfPan } from '../../core/card-brand.js';
import { isExpired } from '../../core/card-expiry.js';
import { isLuhnValid } from '../../core/luhn.js';
import { CODES, isKnownCode } from '../../core/result-codes.js';
import { findTestCard } from './test-cards.js';

/** What the outcome depends on: nothing else (no state, no clock, no randomness). */
export interface OutcomeRequest {
  pan: string;
  /** MMYY. */
  expirationDate: string;
  /** Minor units. */
  amount: number;
  /** ISO 4217 numeric. */
  currency: number;
  /** ms since the epoch: the card's expiry is judged against it. */
  now: number;
}

const EUR = 978;

/** payline-api.md §8.1: EUR amounts in minor units → code; both 01201 amounts (the docs disagree). */
const AMOUNT_CODES: ReadonlyMap<number, string> = new Map([
  [33300, '00000'], [33308, '00000'], [33305, '01100'], [33360, '01103'], [33302, '01108'],
  [33303, '01109'], [33313, '01110'], [33314, '01111'], [33351, '01116'], [33355, '01117'],
  [33356, '01118'], [33357, '01119'], [33358, '01120'], [33361, '01121'], [33363, '01122'],
  [33316, '01131'], [33331, '01199'], [33304, '01200'], [33333, '01201'], [33354, '01201'],
  [33334, '01202'], [33338, '01206'], [33307, '01207'], [33341, '01208'], [33343, '01209'],
  [33312, '01902'], [33330, '01904'], [33391, '01907'], [33396, '01909'], [33315, '01912'],
  [33394, '01913'],
]);

/**
 * payline-api.md §8.2: a 16-digit CB/Visa/Mastercard PAN with `9` as 10th digit and a known
 * 01xxx code as digits 11–15 is answered with that code; any other five digits do nothing.
 */
function cardNumberCode(pan: string): string | undefined {
  if (pan.length !== 16 || pan[9] !== '9') return undefined;
  const brand = brandOfPan(pan);
  if (brand !== 'VISA' && brand !== 'MASTERCARD') return undefined;
  const code = pan.slice(10, 15);
  return code.startsWith('01') && isKnownCode(code) ? code : undefined;
}

/**
 * The card's own verdict, whatever the amount, first rule that applies: not Luhn-valid or of
 * no known brand → 01111; expired at `now` → 01101; a test card → its code; the card-number
 * simulator; else 00000. Credits stop here (a credit is not an authorization).
 */
export function cardOutcome(request: Pick<OutcomeRequest, 'pan' | 'expirationDate' | 'now'>): string {
  const { pan, expirationDate, now } = request;
  if (!isLuhnValid(pan) || brandOfPan(pan) === undefined) return CODES.INVALID_CARD_NUMBER;
  if (isExpired(expirationDate, now)) return CODES.CARD_EXPIRED;
  return findTestCard(pan)?.code ?? cardNumberCode(pan) ?? CODES.ACCEPTED;
}

/**
 * An authorization's code: the card's verdict when it refuses, else the amount simulator
 * (§8.1, EUR only; 333.xx amounts outside its table, and all others, give 00000).
 * Accepted test cards go through the amount simulator too, as Payline's own test card does.
 */
export function simulateOutcome(request: OutcomeRequest): string {
  const card = cardOutcome(request);
  if (card !== CODES.ACCEPTED) return card;
  return (request.currency === EUR ? AMOUNT_CODES.get(request.amount) : undefined) ?? CODES.ACCEPTED;
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A 6-character authorization number (digits and capitals) derived from the transaction id (FNV-1a). */
export function authorizationNumber(transactionId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < transactionId.length; i++) {
    hash = Math.imul(hash ^ transactionId.charCodeAt(i), 0x01000193) >>> 0;
  }
  let number = '';
  for (let i = 0; i < 6; i++, hash = Math.floor(hash / 36)) number = ALPHABET[hash % 36] + number;
  return number;
}
