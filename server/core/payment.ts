import type { GiftCardPart } from './gift-card.js';

/**
 * The payment aggregate: one authorization (or debit, or credit) and every transaction that
 * followed it (captures, resets, refunds). Each Payline transaction has its own id; they all
 * point to the payment through `Payment.id`, which is the first transaction's id.
 * Plain, JSON-serialisable data: the store keeps it as it is.
 */

/** What started the payment. */
export const PaymentKind = {
  AUTHORIZATION: 'AUTHORIZATION',
  DEBIT: 'DEBIT',
  CREDIT: 'CREDIT',
} as const;
export type PaymentKind = (typeof PaymentKind)[keyof typeof PaymentKind];

/** One Payline transaction inside a payment. */
export const OperationType = {
  AUTHORIZATION: 'AUTHORIZATION',
  AUTHORIZATION_CAPTURE: 'AUTHORIZATION_CAPTURE',
  CAPTURE: 'CAPTURE',
  RESET: 'RESET',
  REFUND: 'REFUND',
  DEBIT: 'DEBIT',
  CREDIT: 'CREDIT',
} as const;
export type OperationType = (typeof OperationType)[keyof typeof OperationType];

/** Where the payment stands. Expiry and remittance are derived from time, not stored. */
export const PaymentStatus = {
  REFUSED: 'REFUSED',
  AUTHORIZED: 'AUTHORIZED',
  RESET: 'RESET',
  CREDITED: 'CREDITED',
} as const;
export type PaymentStatus = (typeof PaymentStatus)[keyof typeof PaymentStatus];

/** CPT and DIF as asked; NX and REC for the due dates of a payment record (payline-api.md §4.2). */
export type PaymentMode = 'CPT' | 'DIF' | 'NX' | 'REC';

/** A card as kept at rest: never the clear PAN, never the CVV. */
export interface StoredCard {
  /** First 6 and last 4 digits, `X` between (payline-api.md §3.4 cardOut). */
  maskedNumber: string;
  /** Payline card.type as requested (CB, VISA, MASTERCARD, AMEX…). */
  type: string;
  /** MMYY. */
  expirationDate: string;
  cardholder?: string;
  /** HMAC-SHA256 of the PAN, hex: for duplicate detection, wallets and grey lists. */
  panHash: string;
  /** AES-256-GCM ciphertext of the PAN (see server/crypto/card-vault.ts). */
  panCipher: string;
}

export interface Operation {
  id: string;
  type: OperationType;
  /** Minor units. */
  amount: number;
  /** ms since the epoch. */
  date: number;
  /** Payline result code of this operation. */
  resultCode: string;
  comment?: string;
  /** A capture undone by a reset before the remittance: it no longer counts. */
  voided?: boolean;
}

/** A JSON value as received from a merchant (order, buyer, privateDataList…), kept for the details operations. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface Payment {
  /** The id of the payment's first transaction. */
  id: string;
  merchantId: string;
  contractNumber: string;
  /** Incremented by every committed change; the store refuses a change made on an older version. */
  version: number;
  kind: PaymentKind;
  status: PaymentStatus;
  /** payment.action of the first transaction (100, 101, 204, 422). */
  action: number;
  mode: PaymentMode;
  /** dd/mm/yy, DIF only. */
  differedActionDate?: string;
  /** ISO 4217 numeric. */
  currency: number;
  /** payment.amount requested, minor units. */
  amount: number;
  /** What the authorization grants (0 when refused). */
  authorizedAmount: number;
  capturedAmount: number;
  refundedAmount: number;
  /** Result code of the first transaction. */
  resultCode: string;
  authorizationNumber?: string;
  /** ms since the epoch. */
  createdAt: number;
  orderRef: string;
  card: StoredCard;
  isDuplicated: boolean;
  isPossibleFraud: boolean;
  threeDSecure: 'Y' | 'N' | 'D';
  /** The web-payment token that produced this payment, if any. */
  token?: string;
  /** The payment this one renews (doReAuthorization). */
  originPaymentId?: string;
  operations: Operation[];
  /** The validated request objects, echoed by the details operations. */
  order: { [key: string]: JsonValue };
  buyer?: { [key: string]: JsonValue };
  privateDataList?: JsonValue;
  /** A gift-card transaction (seed 004): the gift cards it captured, one part each. */
  giftCards?: GiftCardPart[];
  /** On a gift-card transaction: the complementary card payment of the same order, if any. */
  complementPaymentId?: string;
  /** On a complementary card payment: the gift-card transaction of its order. */
  giftCardPaymentId?: string;
  /** payment.softDescriptor as asked: what the cardholder's statement shows (transaction.softDescriptor). */
  softDescriptor?: string;
}
