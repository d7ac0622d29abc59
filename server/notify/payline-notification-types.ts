import { notificationSubject } from '../service/details-fetched.js';
import type { OutboxEvent } from '../store/store.js';
import { smartBillNotificationParams } from './wallet-notification-cases.js';

/**
 * Payline server notifications, pure (payline-api.md §7.2): which notificationType an event
 * causes, with which query parameters, and the URL the gateway then GETs. Later features name
 * their events so the table picks them up: `wallet.*` (WALLET, or WEBWALLET with a token) and
 * `billing.*` (BILL); a payment event with a walletId is TRSWALLET.
 */
export const NotificationType = {
  WEBTRS: 'WEBTRS',
  TRS: 'TRS',
  TRSWALLET: 'TRSWALLET',
  WALLET: 'WALLET',
  WEBWALLET: 'WEBWALLET',
  BILL: 'BILL',
  /** The SmartBill cases (seed 001): notificationType=Wallet, parameters per case (wallet-notification-cases.ts). */
  SMARTBILL: 'Wallet',
} as const;
export type NotificationType = (typeof NotificationType)[keyof typeof NotificationType];

/** The query parameters of each type, in Payline's order. */
export const NOTIFICATION_PARAMETERS: Record<NotificationType, readonly string[]> = {
  WEBTRS: ['token'],
  TRS: ['transactionId'],
  TRSWALLET: ['transactionId', 'walletId'],
  WALLET: ['walletId', 'contractNumber'],
  WEBWALLET: ['token'],
  BILL: ['paymentRecordId', 'walletId', 'transactionId', 'billingRecordDate', 'orderRef'],
  Wallet: ['walletId', 'type', 'result', 'resultCode', 'CancellationCode'],
};

/** What the merchant fetches after each type; fetching it stops the retries (the stop-mark subject). */
const SUBJECT: Record<NotificationType, (params: Record<string, string>) => string> = {
  WEBTRS: (p) => notificationSubject.token(p.token!),
  WEBWALLET: (p) => notificationSubject.token(p.token!),
  TRS: (p) => notificationSubject.transaction(p.transactionId!),
  TRSWALLET: (p) => notificationSubject.transaction(p.transactionId!),
  WALLET: (p) => notificationSubject.wallet(p.walletId!),
  BILL: (p) => notificationSubject.paymentRecord(p.paymentRecordId!),
  // Not the wallet's subject: a getWallet made before the card's news must not stop them.
  Wallet: (p) => `smartbill:${p.walletId!}:${p.type!}`,
};

/** Events that end a web payment session: the shopper's outcome, cancellation, expiry. */
const SESSION_EVENTS = new Set(['payment.accepted', 'payment.refused', 'payment.cancelled', 'session.expired']);
/** Changes made afterwards to a transaction (a capture, a refund, a reset): Payline's TRS. */
const TRANSACTION_EVENTS = new Set(['payment.captured', 'payment.refunded', 'payment.reset']);

export interface PaylineNotification {
  type: NotificationType;
  params: Record<string, string>;
  subject: string;
}

/**
 * The notification an event causes, if any. Direct payments (doAuthorization…) cause none: the
 * merchant has the answer in hand; their later captures, refunds and resets cause TRS.
 */
export function paylineNotificationFor(event: OutboxEvent): PaylineNotification | undefined {
  const smartBill = smartBillNotificationParams(event);
  if (smartBill === null) return undefined;
  if (smartBill) return { type: NotificationType.SMARTBILL, params: smartBill, subject: SUBJECT.Wallet(smartBill) };
  const has = (field: string): boolean => typeof event.data[field] === 'string' || typeof event.data[field] === 'number';
  let type: NotificationType | undefined;
  if (event.type.startsWith('wallet.')) type = has('token') ? 'WEBWALLET' : 'WALLET';
  else if (event.type.startsWith('billing.')) type = 'BILL';
  else if (TRANSACTION_EVENTS.has(event.type)) type = has('walletId') ? 'TRSWALLET' : 'TRS';
  else if (SESSION_EVENTS.has(event.type)) type = has('token') ? 'WEBTRS' : has('walletId') ? 'TRSWALLET' : undefined;
  if (!type) return undefined;
  const names = NOTIFICATION_PARAMETERS[type];
  if (!names.every(has)) return undefined;
  const params = Object.fromEntries(names.map((name) => [name, String(event.data[name])]));
  return { type, params, subject: SUBJECT[type](params) };
}

/** The URL to GET: the merchant's URL, its own query kept, plus `notificationType` and the parameters (in their order). */
export function notificationRequestUrl(base: string, notification: PaylineNotification): string {
  const url = new URL(base);
  url.searchParams.set('notificationType', notification.type);
  for (const [name, value] of Object.entries(notification.params)) url.searchParams.set(name, value);
  return url.toString();
}
