import { CODES } from './result-codes.js';
import type { WebSession } from './web-session-types.js';

/**
 * Gift cards in a web-payment session (Carte Cadeau Carrefour, seed 004), pure: what a session's
 * gift cards cover, what is left for the complementary card payment, and whether one more gift
 * card may be entered and for how much. The service reserves and commits.
 */

/** Payline card.type of the gift card. */
export const GIFT_CARD_TYPE = 'CADEAU_CARREFOUR';

/** Default per-basket maximum of gift cards: 1000.00 EUR (seed 004). */
export const DEFAULT_GIFT_CARD_MAX_AMOUNT = 100_000;

/** How many gift cards one basket may hold. */
export const MAX_GIFT_CARDS = 5;

/** A gift card's number and secret code as the shopper types them: digits only. */
export const GIFT_CARD_NUMBER = /^\d{16,19}$/;
export const GIFT_CARD_CODE = /^\d{4,8}$/;

/** One gift card entered in a session, its amount reserved at the processor. */
export interface GiftCardEntry {
  /** `gc` and a number, unique within the session. */
  id: string;
  /** Every digit but the last 4 replaced by X. */
  maskedNumber: string;
  /** The number sealed by the card vault (needed to capture or release the reservation). */
  numberCipher: string;
  /** Keyed hash of the number: the same card twice is refused. */
  numberHash: string;
  reservationId: string;
  /** The card's available balance when it was entered, minor units. */
  initialBalance: number;
  /** What it pays (reserved), minor units. */
  amount: number;
  /** True when the per-basket maximum capped it below what its balance could pay. */
  capped?: boolean;
}

/** The gift-card part of a session, present when a gift card was entered at least once. */
export interface SessionGiftCards {
  contractNumber: string;
  entries: GiftCardEntry[];
}

/** One gift card of a paid order (partnerAdditionalData). */
export interface GiftCardPart {
  maskedNumber: string;
  initialBalance: number;
  finalBalance: number;
  paymentAmount: number;
}

/** `6035…1234` → `XXXXXXXXXXXXXXX1234`: only the last 4 digits are shown. */
export function maskGiftCardNumber(number: string): string {
  return 'X'.repeat(Math.max(number.length - 4, 0)) + number.slice(-4);
}

export function coveredAmount(session: WebSession): number {
  return (session.giftCards?.entries ?? []).reduce((sum, e) => sum + e.amount, 0);
}

/** What the complementary card pays: the session's amount less the gift cards'. */
export function amountLeft(session: WebSession): number {
  return session.payment.amount - coveredAmount(session);
}

export function hasGiftCards(session: WebSession): boolean {
  return (session.giftCards?.entries.length ?? 0) > 0;
}

/** Why one more gift card is refused before the processor is asked: a code and the protocol's reason. */
export type GiftCardRefusal = { code: string; reason: string; message: string };

/**
 * Whether the gift card `numberHash` may be entered in `session`, and up to which amount:
 * what is left to pay, never beyond the per-basket maximum.
 */
export function giftCardAllowance(session: WebSession, numberHash: string, maxAmount: number): { ok: true; upTo: number; capped: boolean } | ({ ok: false } & GiftCardRefusal) {
  const entries = session.giftCards?.entries ?? [];
  if (entries.some((e) => e.numberHash === numberHash)) return { ok: false, code: CODES.INVALID_FIELD, reason: 'already-entered', message: 'number: this gift card is already entered' };
  const left = amountLeft(session);
  if (left <= 0) return { ok: false, code: CODES.INVALID_FIELD, reason: 'nothing-left', message: 'the gift cards entered already pay the whole amount' };
  const covered = coveredAmount(session);
  if (covered >= maxAmount) return { ok: false, code: CODES.MAX_AMOUNT_EXCEEDED, reason: 'max-amount', message: 'The max amount is exceeded' };
  if (entries.length >= MAX_GIFT_CARDS) return { ok: false, code: CODES.MAX_AMOUNT_EXCEEDED, reason: 'max-cards', message: `The max amount is exceeded: at most ${MAX_GIFT_CARDS} gift cards` };
  const room = maxAmount - covered;
  return { ok: true, upTo: Math.min(left, room), capped: room < left };
}

/** The session with one more gift card. */
export function withGiftCard(session: WebSession, contractNumber: string, entry: GiftCardEntry): WebSession {
  const entries = [...(session.giftCards?.entries ?? []), entry];
  return { ...session, giftCards: { contractNumber, entries }, version: session.version + 1 };
}

/** The session without the gift card `id`. */
export function withoutGiftCard(session: WebSession, id: string): WebSession {
  const giftCards = session.giftCards;
  if (!giftCards) return session;
  return { ...session, giftCards: { ...giftCards, entries: giftCards.entries.filter((e) => e.id !== id) }, version: session.version + 1 };
}

/** partnerAdditionalData (seed 004): a JSON array, one object per gift card, amounts as strings in minor units. */
export function partnerAdditionalData(parts: readonly GiftCardPart[]): string {
  return JSON.stringify(
    parts.map((p) => ({ PAN: p.maskedNumber, initialBalance: String(p.initialBalance), finalBalance: String(p.finalBalance), paymentAmount: String(p.paymentAmount) })),
  );
}
