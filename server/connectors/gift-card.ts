/**
 * The gift-card processor seam (Carte Cadeau Carrefour, seed 004): what the gateway asks of a
 * gift-card processor. A reservation holds an amount of a card's balance until it is captured
 * (the order is paid) or released (the shopper removed the card, cancelled, or the payment
 * failed); it lapses on its own at `expiresAt`, so a gateway that stops in between never keeps a
 * shopper's balance. Each call is atomic at the processor. The simulator implements it.
 */

/** The contract's settings the processor receives, without control by the gateway. */
export interface GiftCardProcessorContract {
  processorContractNumber: string;
  contractType: 'food' | 'non-food';
  acceptsDiscounted: boolean;
}

/** Why the processor refuses a card (the widget protocol's `reason`, all 02998). */
export type GiftCardRefusalReason = 'unknown-card' | 'wrong-code' | 'expired' | 'blocked' | 'empty' | 'discounted-not-accepted';

export interface GiftCardCredentials {
  /** Digits only. */
  number: string;
  /** The secret code printed under the scratch panel. */
  code: string;
}

export interface ReserveRequest {
  contract: GiftCardProcessorContract;
  card: GiftCardCredentials;
  /** ISO 4217 numeric. */
  currency: number;
  /** Reserve at most this much (minor units): less when the balance is smaller. */
  upTo: number;
  /** Chosen by the gateway; a second reserve with the same id changes nothing. */
  reservationId: string;
  /** ms: the reservation lapses then unless captured. */
  expiresAt: number;
  now: number;
}

export type ReserveAnswer =
  /** `balance`: the card's available balance before this reservation; `amount` reserved (≤ upTo, ≤ balance). */
  | { ok: true; amount: number; balance: number }
  | { ok: false; reason: GiftCardRefusalReason };

export type BalanceAnswer = { ok: true; balance: number } | { ok: false; reason: GiftCardRefusalReason };

/** A reservation, by the card it holds. */
export interface ReservationRef {
  number: string;
  reservationId: string;
  now: number;
}

/** `balance`: what the card holds after the capture. Capturing twice answers the same. */
export type CaptureAnswer = { ok: true; amount: number; balance: number } | { ok: false; reason: 'unknown-reservation' };

export interface GiftCardProcessor {
  readonly name: string;
  /** A card's available balance (live reservations deducted). */
  balance(request: { contract: GiftCardProcessorContract; card: GiftCardCredentials; currency: number; now: number }): Promise<BalanceAnswer>;
  reserve(request: ReserveRequest): Promise<ReserveAnswer>;
  /** Debits the reserved amount for good. A lapsed or released reservation cannot be captured. */
  capture(request: ReservationRef): Promise<CaptureAnswer>;
  /** Gives the reserved amount back; releasing an unknown or lapsed reservation is not an error. */
  release(request: ReservationRef): Promise<void>;
}
