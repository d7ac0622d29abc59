import { parseDate } from './payline-date.js';
import { billingRecordId, BillingStatus, compareDays, type BillingRecord, type Day, type PaymentRecordMode, type Recurring } from './payment-record.js';

/**
 * The due dates of a recurring payment (payline-api.md §4.3): rank 1 on the start date, then one
 * per billing cycle. Monthly cycles and longer land on `billingDay` (clamped to the month's last
 * day) when given, else on the start date's day; shorter cycles count days.
 */

/** §4.3: each cycle as a step of days or of months. */
const CYCLE_STEP: Readonly<Record<number, { days: number } | { months: number }>> = {
  10: { days: 1 },
  20: { days: 7 },
  30: { days: 14 },
  40: { months: 1 },
  50: { months: 2 },
  60: { months: 3 },
  70: { months: 6 },
  80: { months: 12 },
  90: { months: 24 },
};

/** A REC record without billingLeft lists due dates up to its end date, this many at most; an open one lists the next only. */
export const MAX_PLANNED = 999;

const DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `dd/mm/yyyy` (the time part of `dd/mm/yyyy HH:mm` ignored) as a day, or undefined if no calendar has it. */
export function parseDay(text: string): Day | undefined {
  const m = DATE.exec(text.slice(0, 10));
  if (!m) return undefined;
  const day = { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  if (day.month < 1 || day.month > 12 || day.day < 1 || day.day > daysInMonth(day.year, day.month)) return undefined;
  return day;
}

export function formatDay(day: Day): string {
  return `${String(day.day).padStart(2, '0')}/${String(day.month).padStart(2, '0')}/${String(day.year).padStart(4, '0')}`;
}

/** The day of rank `rank` (1-based). */
export function dueDay(recurring: Pick<Recurring, 'billingCycle' | 'billingDay' | 'startDate'>, rank: number): Day {
  const start = parseDay(recurring.startDate);
  if (!start) throw new RangeError(`not a start date: ${recurring.startDate}`);
  if (rank === 1) return start;
  const step = CYCLE_STEP[recurring.billingCycle];
  if (!step) throw new RangeError(`not a billing cycle: ${recurring.billingCycle}`);
  if ('days' in step) {
    const date = new Date(Date.UTC(start.year, start.month - 1, start.day + step.days * (rank - 1)));
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  const months = start.month - 1 + step.months * (rank - 1);
  const year = start.year + Math.floor(months / 12);
  const month = (months % 12) + 1;
  return { year, month, day: Math.min(recurring.billingDay ?? start.day, daysInMonth(year, month)) };
}

/** The amount of a due date: firstAmount for rank 1, newAmount from its modification date on. */
export function dueAmount(recurring: Recurring, rank: number, day: Day): number {
  const changedFrom = recurring.amountModificationDate ? parseDay(recurring.amountModificationDate) : undefined;
  if (recurring.newAmount !== undefined && changedFrom && compareDays(day, changedFrom) >= 0) return recurring.newAmount;
  return rank === 1 ? (recurring.firstAmount ?? recurring.amount) : recurring.amount;
}

/** What the first due date charges: what a web payment in NX or REC mode takes from the shopper now. */
export function firstDueAmount(recurring: Recurring): number {
  return dueAmount(recurring, 1, dueDay(recurring, 1));
}

/** The last rank the record may reach, or undefined for a subscription without end. */
export function lastRank(mode: PaymentRecordMode, recurring: Recurring): number | undefined {
  if (mode === 'SCH') return 1;
  if (recurring.billingLeft !== undefined) return recurring.billingLeft;
  const end = recurring.endDate ? parseDay(recurring.endDate) : undefined;
  if (!end) return undefined;
  let rank = 1;
  while (rank < MAX_PLANNED && compareDays(dueDay(recurring, rank + 1), end) <= 0) rank++;
  return rank;
}

/** The first instant of `day` in the merchant's zone: when its due date runs. */
export function dayStart(day: Day, timeZone: string): number {
  return parseDate(formatDay(day), timeZone)!;
}

/** A future billing record of `rank`. */
export function plannedBilling(paymentRecordId: string, recurring: Recurring, rank: number, timeZone: string): BillingRecord {
  const day = dueDay(recurring, rank);
  return {
    billingRecordId: billingRecordId(paymentRecordId, rank),
    rank,
    date: formatDay(day),
    dueAt: dayStart(day, timeZone),
    amount: dueAmount(recurring, rank, day),
    status: BillingStatus.FUTURE,
    nbTry: 0,
  };
}

/** Ranks `from`…`to` (the next one only when the record has no end). */
export function planBillings(paymentRecordId: string, mode: PaymentRecordMode, recurring: Recurring, from: number, timeZone: string): BillingRecord[] {
  const to = Math.min(lastRank(mode, recurring) ?? from, from + MAX_PLANNED - 1);
  const planned: BillingRecord[] = [];
  for (let rank = from; rank <= to; rank++) planned.push(plannedBilling(paymentRecordId, recurring, rank, timeZone));
  return planned;
}
