import type { Payment } from '../core/payment.js';
import type { Clock } from '../core/clock.js';
import { CODES } from '../core/result-codes.js';
import type { WebSession } from '../core/web-session-types.js';
import { sessionResultCode } from '../core/web-session.js';
import type { Store } from '../store/store.js';

/**
 * Payline's stop rule (payline-api.md §7.4): once the merchant has fetched the details a server
 * notification points to, its pending retries stop. The details operations call this; the
 * notification channel reads the marks through `Store.isNotificationStopped`.
 */

/** What a notification is about, as a stop mark names it. */
export const notificationSubject = {
  token: (token: string) => `token:${token}`,
  transaction: (transactionId: string) => `transaction:${transactionId}`,
  wallet: (walletId: string) => `wallet:${walletId}`,
  paymentRecord: (paymentRecordId: string) => `paymentRecord:${paymentRecordId}`,
} as const;

/** A mark outlives the longest notification schedule (two hours) with room to spare. */
export const STOP_MARK_TTL_MS = 3 * 60 * 60 * 1000;

export class DetailsFetched {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  /**
   * getWebPaymentDetails answered the session. Only a final answer stops the notifications: a
   * merchant who saw "in progress" still has to learn the outcome.
   */
  async webPayment(session: WebSession): Promise<void> {
    if (sessionResultCode(session, this.deps.clock.now()) === CODES.SESSION_IN_PROGRESS) return;
    await this.#mark(session.merchantId, [notificationSubject.token(session.token)]);
  }

  /** getTransactionDetails answered the payment: every transaction it listed has been seen. */
  async transaction(payment: Payment): Promise<void> {
    await this.#mark(payment.merchantId, payment.operations.map((operation) => notificationSubject.transaction(operation.id)));
  }

  /** getWallet or getCards answered the wallet (WALLET notifications). */
  async wallet(merchantId: string, walletId: string): Promise<void> {
    await this.#mark(merchantId, [notificationSubject.wallet(walletId)]);
  }

  /** getPaymentRecord answered the record (BILL notifications). */
  async paymentRecord(merchantId: string, paymentRecordId: string): Promise<void> {
    await this.#mark(merchantId, [notificationSubject.paymentRecord(paymentRecordId)]);
  }

  async #mark(merchantId: string, subjects: string[]): Promise<void> {
    const expiresAt = this.deps.clock.now() + STOP_MARK_TTL_MS;
    await this.deps.store.commit({ notificationStops: subjects.map((subject) => ({ merchantId, subject, expiresAt })) });
  }
}
