import { lastRank, plannedBilling } from './billing-schedule.js';
import { BillingStatus, type BillingRecord, type PaymentRecord } from './payment-record.js';
import { CODES, isAcceptedCode } from './result-codes.js';
import type { EventDraft } from './transaction-state.js';

/**
 * What a due date's attempt does to its payment record (payline-api.md §9.3): accepted → status 1;
 * refused → status 3 and a retry after 1, 2 then 4 days, status 2 after the last; 01132 (this
 * payment revoked) and 01133 (every payment of the card revoked) stop at once: the due date is
 * status 4 and the record disabled. Pure: the service commits the record and the events.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Delay before the 2nd, 3rd and 4th attempts; a 4th refusal is final. */
export const BILLING_RETRY_DELAYS_MS: readonly number[] = [DAY_MS, 2 * DAY_MS, 4 * DAY_MS];
export const MAX_BILLING_TRIES = BILLING_RETRY_DELAYS_MS.length + 1;

export interface BillingAttempt {
  code: string;
  /** Absent when no payment was made (wallet or card disabled). */
  transactionId?: string;
  authorizationNumber?: string;
  now: number;
}

export interface Settlement {
  record: PaymentRecord;
  events: EventDraft[];
  /** 01133: every other record paid with the same card must be disabled too. */
  revokesCard: boolean;
}

/** Data of billing.* events: the BILL notification's parameters (§7.2, §7.3) and more. */
export function billingEventData(record: PaymentRecord, billing: BillingRecord): EventDraft['data'] {
  return {
    paymentRecordId: record.paymentRecordId,
    walletId: record.walletId,
    ...(billing.transactionId ? { transactionId: billing.transactionId, paymentId: billing.transactionId } : {}),
    billingRecordDate: compactDate(billing.date),
    orderRef: record.orderRef,
    contractNumber: record.contractNumber,
    paymentMode: record.mode,
    billingRecordId: billing.billingRecordId,
    rank: billing.rank,
    amount: billing.amount,
    currency: record.currency,
    status: billing.status,
    nbTry: billing.nbTry,
    ...(billing.result ? { code: billing.result } : {}),
  };
}

/** §7.3: the BILL notification's billingRecordDate is `yyyymmdd`; the record's date is `dd/mm/yyyy`. */
function compactDate(date: string): string {
  return `${date.slice(6, 10)}${date.slice(3, 5)}${date.slice(0, 2)}`;
}

/** Disables a record: every due date still to run becomes status 4, nothing is scheduled any more. */
export function disableRecord(record: PaymentRecord, now: number, reason: string): { record: PaymentRecord; events: EventDraft[] } {
  const { jobId: _dropped, ...rest } = record;
  const next: PaymentRecord = {
    ...rest,
    isDisabled: true,
    disableDate: now,
    billingRecords: record.billingRecords.map((b) =>
      b.status === BillingStatus.FUTURE || b.status === BillingStatus.CURRENT ? { ...b, status: BillingStatus.DISABLED } : b,
    ),
  };
  const data = { paymentRecordId: record.paymentRecordId, walletId: record.walletId, contractNumber: record.contractNumber, orderRef: record.orderRef, reason };
  return { record: next, events: [{ type: 'payment_record.disabled', data }] };
}

/** Applies the attempt on the billing record of `rank`. */
export function settleBilling(record: PaymentRecord, rank: number, attempt: BillingAttempt, timeZone: string): Settlement {
  const billing = record.billingRecords.find((b) => b.rank === rank);
  if (!billing) throw new RangeError(`no billing record of rank ${rank} in ${record.paymentRecordId}`);
  const accepted = isAcceptedCode(attempt.code);
  const revoked = attempt.code === CODES.RECURRING_REVOKED || attempt.code === CODES.CARD_REVOKED;
  const nbTry = billing.nbTry + 1;
  const retry = !accepted && !revoked && nbTry < MAX_BILLING_TRIES;
  const settled: BillingRecord = {
    ...billing,
    nbTry,
    result: attempt.code,
    status: accepted ? BillingStatus.ACCEPTED : revoked ? BillingStatus.DISABLED : retry ? BillingStatus.CURRENT : BillingStatus.REFUSED,
    dueAt: retry ? attempt.now + BILLING_RETRY_DELAYS_MS[nbTry - 1]! : billing.dueAt,
    ...(attempt.transactionId ? { transactionId: attempt.transactionId } : {}),
    ...(accepted && attempt.authorizationNumber ? { authorizationNumber: attempt.authorizationNumber } : {}),
  };
  let billingRecords = record.billingRecords.map((b) => (b.rank === rank ? settled : b));
  // A subscription without end keeps its next due date listed once the last listed one was tried.
  const highest = Math.max(...billingRecords.map((b) => b.rank));
  if (record.recurring && record.mode === 'REC' && rank === highest && lastRank(record.mode, record.recurring) === undefined && !revoked) {
    billingRecords = [...billingRecords, plannedBilling(record.paymentRecordId, record.recurring, highest + 1, timeZone)];
  }
  let next: PaymentRecord = { ...record, billingRecords };
  const events: EventDraft[] = [];
  if (record.mode !== 'SCH') {
    events.push({ type: accepted ? 'billing.succeeded' : 'billing.failed', data: { ...billingEventData(next, settled), ...(retry ? { retryAt: settled.dueAt } : {}) } });
  }
  if (revoked) {
    const disabled = disableRecord(next, attempt.now, `the bank answered ${attempt.code}`);
    next = disabled.record;
    events.push(...disabled.events);
  }
  return { record: next, events, revokesCard: attempt.code === CODES.CARD_REVOKED };
}
