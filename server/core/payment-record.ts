import type { JsonValue } from './payment.js';
import { CODES } from './result-codes.js';

/**
 * Payment records (payline-api.md §3.7, §9.3): a wallet payment due later. `SCH` is one
 * scheduled payment (doScheduledWalletPayment), `NX` an instalment plan and `REC` a subscription
 * (doRecurrentWalletPayment, doWebPayment NX/REC). Each due date is a billing record, held inside
 * the payment record so that both change in one write.
 */

/** §9.3 billingRecord.status. */
export const BillingStatus = {
  FUTURE: 0,
  ACCEPTED: 1,
  REFUSED: 2,
  /** Refused, a retry is scheduled. */
  CURRENT: 3,
  /** Will not run: the record was disabled, or the bank revoked it (01132, 01133). */
  DISABLED: 4,
} as const;
export type BillingStatus = (typeof BillingStatus)[keyof typeof BillingStatus];

export type PaymentRecordMode = 'SCH' | 'NX' | 'REC';

/** A calendar day (no time zone): the billing dates are days, run from their first instant in the merchant's zone. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** The `recurring` object as the record keeps it (dates `dd/mm/yyyy`, amounts in minor units). */
export interface Recurring {
  firstAmount?: number;
  amount: number;
  billingCycle: number;
  /** NX: the number of due dates; REC: an optional limit. */
  billingLeft?: number;
  /** 1–31, clamped to the month's last day; monthly cycles and longer only. */
  billingDay?: number;
  /** dd/mm/yyyy: the first due date. */
  startDate: string;
  /** dd/mm/yyyy: no due date after this day (REC). */
  endDate?: string;
  /** From `amountModificationDate` on, due dates are `newAmount`. */
  newAmount?: number;
  amountModificationDate?: string;
}

export interface BillingRecord {
  /** The payment record's id and the rank on three digits. */
  billingRecordId: string;
  /** 1, 2, 3… */
  rank: number;
  /** dd/mm/yyyy. */
  date: string;
  /** ms since the epoch of the next attempt: the date's first instant, or a retry's time. */
  dueAt: number;
  amount: number;
  status: BillingStatus;
  /** Attempts made so far. */
  nbTry: number;
  /** The last attempt's Payline code. */
  result?: string;
  transactionId?: string;
  authorizationNumber?: string;
}

export interface PaymentRecord {
  /** N12. */
  paymentRecordId: string;
  merchantId: string;
  walletId: string;
  /** The card the due dates are paid with, fixed when the record is made. */
  cardInd: number;
  contractNumber: string;
  mode: PaymentRecordMode;
  /** The payment terms of each due date. */
  currency: number;
  action: number;
  /** The whole amount asked (NX: the total; REC and SCH: one due date). */
  amount: number;
  recurring?: Recurring;
  orderRef: string;
  order: { [key: string]: JsonValue };
  privateDataList?: JsonValue;
  softDescriptor?: string;
  /** A web payment whose first due date the shopper paid in the widget. */
  token?: string;
  isDisabled: boolean;
  disableDate?: number;
  createdAt: number;
  billingRecords: BillingRecord[];
  /** The job that runs the next due date, if one is scheduled. */
  jobId?: string;
}

/** The id of the billing record of `rank`. */
export function billingRecordId(paymentRecordId: string, rank: number): string {
  return `${paymentRecordId}${String(rank).padStart(3, '0')}`;
}

/** payline-api.md §4.4: payment.amount = firstAmount + (billingLeft − 1) × amount. */
export function nxTotal(recurring: Pick<Recurring, 'firstAmount' | 'amount' | 'billingLeft'>): number {
  return (recurring.firstAmount ?? recurring.amount) + ((recurring.billingLeft ?? 1) - 1) * recurring.amount;
}

export type RecurringCheck = { ok: true } | { ok: false; code: string; message: string };

const invalid = (message: string): RecurringCheck => ({ ok: false, code: CODES.INVALID_RECURRING, message });

/**
 * The recurring options of a new NX or REC record (02509 naming the field): NX needs billingLeft
 * ≥ 2 and the §4.4 amounts; REC needs an amount; the start date is today or later, the end date
 * after it. `today` and the dates are days in the merchant's zone.
 */
export function checkRecurring(mode: 'NX' | 'REC', paymentAmount: number, recurring: Recurring, start: Day, today: Day, end?: Day): RecurringCheck {
  if (recurring.amount <= 0) return invalid('recurring.amount must be greater than 0');
  if (compareDays(start, today) < 0) return invalid(`recurring.startDate ${recurring.startDate} is in the past`);
  if (end && compareDays(end, start) < 0) return invalid(`recurring.endDate ${recurring.endDate} is before the start date`);
  if (mode === 'NX') {
    if (recurring.billingLeft === undefined || recurring.billingLeft < 2) return invalid('recurring.billingLeft must be 2 or more for payment.mode NX');
    const total = nxTotal(recurring);
    if (total !== paymentAmount) {
      return invalid(`payment.amount must equal recurring.firstAmount + (recurring.billingLeft - 1) * recurring.amount = ${total}, not ${paymentAmount}`);
    }
  }
  return { ok: true };
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The due dates still to run (future or retrying), lowest rank first. */
export function pendingBillings(record: PaymentRecord): BillingRecord[] {
  return record.billingRecords.filter((b) => b.status === BillingStatus.FUTURE || b.status === BillingStatus.CURRENT);
}

/** When the next due date (or retry) runs, if any. */
export function nextDueAt(record: PaymentRecord): number | undefined {
  if (record.isDisabled) return undefined;
  const times = pendingBillings(record).map((b) => b.dueAt);
  return times.length > 0 ? Math.min(...times) : undefined;
}
