import type { Recurring } from './payment-record.js';
import type { JsonValue } from './payment.js';

/**
 * A doWebPayment session: what the merchant asked for and where the shopper stands.
 * Plain, JSON-serialisable data kept by the store under its token.
 */
export const SessionStatus = {
  /** Waiting for the shopper (02306). */
  WAITING: 'WAITING',
  /** A payment attempt is at the acquirer; a second one is refused (02002). */
  PROCESSING: 'PROCESSING',
  /** The attempt waits for the shopper to answer a 3-D Secure challenge; a second one is refused (02002). */
  AUTHENTICATING: 'AUTHENTICATING',
  ACCEPTED: 'ACCEPTED',
  /** Refused and no attempt left. */
  REFUSED: 'REFUSED',
  /** The shopper cancelled (02319). */
  CANCELLED: 'CANCELLED',
  /** Nobody paid before expiresAt (02324). */
  EXPIRED: 'EXPIRED',
} as const;
export type SessionStatus = (typeof SessionStatus)[keyof typeof SessionStatus];

/**
 * The attempt held while the shopper answers a 3-D Secure challenge (status AUTHENTICATING).
 * The card waits sealed by the card vault, CVV included: PCI DSS allows keeping it, protected,
 * until the authorization; the session drops it as soon as the attempt ends, however it ends.
 */
export interface PendingChallenge {
  /** The 3-D Secure transaction id. */
  id: string;
  /** The ACS challenge page to show the shopper. */
  url: string;
  contractNumber: string;
  card: { type: string; expirationDate: string; cardholder?: string; panCipher: string };
}

export interface WebSession {
  token: string;
  merchantId: string;
  version: number;
  status: SessionStatus;
  /** ms since the epoch. */
  createdAt: number;
  expiresAt: number;
  /** Payment attempts made so far, refused ones included. */
  attempts: number;
  /** When the attempt in PROCESSING started (ms). */
  attemptStartedAt?: number;
  /** The attempt waiting for a 3-D Secure challenge: present in AUTHENTICATING only. */
  pendingChallenge?: PendingChallenge;
  maxAttempts: number;
  /** Result code of the last attempt, or of the session's end. */
  lastResultCode?: string;
  /** Ids of the payments made through this session, oldest first. */
  paymentIds: string[];
  /** payment object of doWebPayment (amount, currency, action, mode, contractNumber…). */
  payment: {
    amount: number;
    currency: number;
    action: number;
    /** NX and REC: the first due date is paid here, the others from the wallet (see `recurring`). */
    mode: 'CPT' | 'DIF' | 'NX' | 'REC';
    contractNumber: string;
    differedActionDate?: string;
  };
  orderRef: string;
  order: { [key: string]: JsonValue };
  /** Contracts offered to the shopper (selectedContractList, else payment.contractNumber). */
  selectedContracts: string[];
  returnURL: string;
  cancelURL: string;
  notificationURL?: string;
  languageCode?: string;
  buyer?: { [key: string]: JsonValue };
  privateDataList?: JsonValue;
  /** doWebPayment in NX or REC mode: the recurring options, checked, with the first due day. */
  recurring?: Recurring;
  /** The wallet the card is saved in for the due dates to come (buyer.walletId). */
  walletId?: string;
}
