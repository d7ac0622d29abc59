import { dayStart, formatDay, lastRank, parseDay, planBillings, plannedBilling } from '../core/billing-schedule.js';
import { disableRecord } from '../core/billing-run.js';
import { formatDate } from '../core/payline-date.js';
import type { JsonValue } from '../core/payment.js';
import {
  billingRecordId,
  BillingStatus,
  checkRecurring,
  compareDays,
  nextDueAt,
  type BillingRecord,
  type Day,
  type PaymentRecord,
  type Recurring,
} from '../core/payment-record.js';
import { CODES } from '../core/result-codes.js';
import { usableCard } from '../core/wallet.js';
import type { Merchant } from '../merchants/merchant.js';
import type { Job } from '../store/store.js';
import { retryOnConflict, stampEvents } from './commit.js';
import type { ServiceDeps } from './deps.js';
import { checkPaymentTerms, type PaymentTerms } from './payment-terms.js';
import { paymentRecordFrom, paymentRecordWrite, PAYMENT_RECORD_KIND, recordIndex, type Versioned } from './wallet-records.js';
import type { WalletsService } from './wallets-service.js';

/**
 * Payment records (payline-api.md §2.5, §9.3): doScheduledWalletPayment (SCH),
 * doRecurrentWalletPayment (NX, REC) and their maintenance operations. Each record commits with
 * the job of its next due date; the billing runner (billing-runner.ts) pays the due dates.
 */

export const BILLING_JOB = 'billing.due';

export type RecordOutcome = { code: string; message?: string; record?: PaymentRecord; billing?: BillingRecord };

/** What a new record is made of, once the operation has validated its request. */
export interface NewRecordRequest {
  walletId: string;
  cardInd?: number;
  terms: PaymentTerms;
  orderRef: string;
  order: { [key: string]: JsonValue };
  privateDataList?: JsonValue;
  softDescriptor?: string;
  /** SCH: `dd/mm/yyyy`, the day the payment runs. NX/REC: the first due date when recurring.startDate is absent. */
  scheduledDate?: string;
  /** NX and REC: the recurring object (startDate optional: today by default). */
  recurring?: Omit<Recurring, 'startDate'> & { startDate?: string };
  /** doWebPayment NX/REC: the first due date was paid in the widget by this transaction. */
  firstPaid?: { transactionId: string; authorizationNumber?: string; code: string; token: string };
}

export interface RecurringUpdate {
  billingLeft?: number;
  billingDay?: number;
  endDate?: string;
  newAmount?: number;
  amountModificationDate?: string;
}

export interface BillingUpdate {
  date?: string;
  amount?: number;
  status?: number;
  executionDate?: string;
}

const refuse = (code: string, message: string): RecordOutcome => ({ code, message });

/** The job that runs a record's next due date, and the record naming it (a stale job is ignored). */
export function scheduleNext(record: PaymentRecord): { record: PaymentRecord; jobs: Job[] } {
  const at = nextDueAt(record);
  const { jobId: _old, ...rest } = record;
  if (at === undefined) return { record: rest, jobs: [] };
  const id = `${BILLING_JOB}:${record.merchantId}:${record.paymentRecordId}:${at}`;
  return { record: { ...rest, jobId: id }, jobs: [{ id, type: BILLING_JOB, at, merchantId: record.merchantId, ref: record.paymentRecordId }] };
}

/** A new record, its billing records planned (the first one already paid for a web payment), with the job of its next due date. */
export function newRecord(
  input: Omit<NewRecordRequest, 'scheduledDate' | 'recurring' | 'cardInd'> & {
    paymentRecordId: string;
    merchantId: string;
    cardInd: number;
    mode: PaymentRecord['mode'];
    start: Day;
    recurring?: Recurring;
    now: number;
  },
  timeZone: string,
): { record: PaymentRecord; jobs: Job[] } {
  const { paymentRecordId, recurring, terms } = input;
  const billingRecords: BillingRecord[] = recurring
    ? planBillings(paymentRecordId, input.mode, recurring, 1, timeZone)
    : [{ billingRecordId: billingRecordId(paymentRecordId, 1), rank: 1, date: formatDay(input.start), dueAt: dayStart(input.start, timeZone), amount: terms.amount, status: BillingStatus.FUTURE, nbTry: 0 }];
  if (input.firstPaid) {
    const { transactionId, authorizationNumber, code } = input.firstPaid;
    billingRecords[0] = { ...billingRecords[0]!, status: BillingStatus.ACCEPTED, nbTry: 1, result: code, transactionId, ...(authorizationNumber ? { authorizationNumber } : {}) };
    // A subscription without end lists its next due date once the last listed one was paid.
    if (recurring && billingRecords.length === 1 && lastRank(input.mode, recurring) === undefined) billingRecords.push(plannedBilling(paymentRecordId, recurring, 2, timeZone));
  }
  return scheduleNext({
    paymentRecordId,
    merchantId: input.merchantId,
    walletId: input.walletId,
    cardInd: input.cardInd,
    contractNumber: terms.contractNumber,
    mode: input.mode,
    currency: terms.currency,
    action: terms.action,
    amount: terms.amount,
    ...(recurring ? { recurring } : {}),
    orderRef: input.orderRef,
    order: input.order,
    ...(input.privateDataList !== undefined ? { privateDataList: input.privateDataList } : {}),
    ...(input.softDescriptor ? { softDescriptor: input.softDescriptor } : {}),
    ...(input.firstPaid ? { token: input.firstPaid.token } : {}),
    isDisabled: false,
    createdAt: input.now,
    billingRecords,
  });
}

/** A payment record id: N12 (payline-api.md §9.3), from the transaction id source's digits. */
export function newRecordId(transactionId: string): string {
  return transactionId.slice(-12);
}

export class PaymentRecordsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly wallets: WalletsService,
  ) {}

  async get(merchant: Merchant, paymentRecordId: string): Promise<Versioned<PaymentRecord> | undefined> {
    const stored = await this.deps.store.getRecord(PAYMENT_RECORD_KIND, merchant.merchantId, paymentRecordId);
    return stored && paymentRecordFrom(stored);
  }

  /** The records paid with a wallet (or one of its cards), oldest first. */
  async ofWallet(merchant: Merchant, walletId: string, cardInd?: number): Promise<Versioned<PaymentRecord>[]> {
    const index = cardInd === undefined ? recordIndex.wallet(walletId) : recordIndex.card(walletId, cardInd);
    const stored = await this.deps.store.listRecords({ kind: PAYMENT_RECORD_KIND, scope: merchant.merchantId, index });
    return stored.map(paymentRecordFrom);
  }

  /** The record a web payment in NX or REC mode opened, if it did. */
  async ofToken(merchant: Merchant, token: string): Promise<PaymentRecord | undefined> {
    const [stored] = await this.deps.store.listRecords({ kind: PAYMENT_RECORD_KIND, scope: merchant.merchantId, index: recordIndex.token(token), limit: 1 });
    return stored && paymentRecordFrom(stored).value;
  }

  /**
   * doScheduledWalletPayment (SCH) and doRecurrentWalletPayment (NX, REC): checks the wallet card
   * (02503, 02505, 02518), the terms, the dates and the recurring options (02506, 02509), then
   * commits the record with its billing records and the job of its first due date.
   */
  async create(merchant: Merchant, request: NewRecordRequest): Promise<RecordOutcome> {
    const { deps } = this;
    const now = deps.clock.now();
    const timeZone = deps.settings.timeZone;
    const mode = request.terms.mode === 'NX' || request.terms.mode === 'REC' ? request.terms.mode : 'SCH';
    const wallet = await this.wallets.get(merchant, request.walletId);
    if (!wallet) return refuse(CODES.WALLET_NOT_FOUND, `wallet ${request.walletId} does not exist`);
    const usable = usableCard(wallet.value, request.cardInd);
    if (!usable.ok) return refuse(usable.code, usable.message);
    const terms = checkPaymentTerms(merchant, { ...request.terms, mode: 'CPT' }, usable.card.card.type, now, timeZone);
    if (!terms.ok) return refuse(terms.code, terms.message);

    const dated = this.recurringTerms(mode, request.terms.amount, request, now);
    if ('code' in dated) return dated;
    return retryOnConflict<RecordOutcome>(async () => {
      const { recurring: _asked, scheduledDate: _day, ...rest } = request;
      const planned = newRecord(
        { ...rest, paymentRecordId: newRecordId(deps.ids.transactionId()), merchantId: merchant.merchantId, cardInd: usable.card.cardInd, mode, start: dated.start, ...(dated.recurring ? { recurring: dated.recurring } : {}), now },
        timeZone,
      );
      const committed = await deps.store.commit({ records: [paymentRecordWrite(planned.record, null)], jobs: planned.jobs });
      // The 12 digits drawn are another record's: draw again.
      if (!committed.ok) return { retry: true };
      return { retry: false, value: { code: CODES.OPERATION_SUCCESSFUL, record: planned.record } };
    });
  }

  /**
   * The first due day and the recurring options of a new record, checked (02305, 02306, 02509):
   * doScheduledWalletPayment, doRecurrentWalletPayment and doWebPayment in NX or REC.
   */
  recurringTerms(
    mode: PaymentRecord['mode'],
    paymentAmount: number,
    request: Pick<NewRecordRequest, 'scheduledDate' | 'recurring'>,
    now: number,
  ): { start: Day; recurring?: Recurring } | RecordOutcome {
    const today = parseDay(formatDate(now, this.deps.settings.timeZone))!;
    const dated = this.#startDay(request, mode, today);
    if ('code' in dated) return dated;
    if (mode === 'SCH') return dated;
    if (!request.recurring) return refuse(CODES.INVALID_RECURRING, `recurring is required when payment.mode is ${mode}`);
    const recurring: Recurring = { ...request.recurring, startDate: formatDay(dated.start) };
    const end = recurring.endDate ? parseDay(recurring.endDate) : undefined;
    if (recurring.endDate && !end) return refuse(CODES.INVALID_FIELD, 'recurring.endDate must be a real date dd/mm/yyyy');
    if (recurring.amountModificationDate && !parseDay(recurring.amountModificationDate)) {
      return refuse(CODES.INVALID_FIELD, 'recurring.amountModificationDate must be a real date dd/mm/yyyy');
    }
    const checked = checkRecurring(mode, paymentAmount, recurring, dated.start, today, end);
    if (!checked.ok) return refuse(checked.code, checked.message);
    return { start: dated.start, recurring };
  }

  /** The first due day: SCH's scheduledDate; NX/REC's startDate, else scheduledDate, else today. Never in the past. */
  #startDay(request: Pick<NewRecordRequest, 'scheduledDate' | 'recurring'>, mode: PaymentRecord['mode'], today: Day): { start: Day } | RecordOutcome {
    if (mode === 'SCH') {
      if (!request.scheduledDate) return refuse(CODES.INVALID_FIELD, 'scheduledDate is required');
      const day = parseDay(request.scheduledDate);
      if (!day) return refuse(CODES.INVALID_FIELD, 'scheduledDate must be a real date dd/mm/yyyy');
      if (compareDays(day, today) < 0) return refuse(CODES.WALLET_CANNOT_OPERATE_ON_DATE, `scheduledDate ${request.scheduledDate} is in the past`);
      return { start: day };
    }
    const field = request.recurring?.startDate ? 'recurring.startDate' : 'scheduledDate';
    const text = request.recurring?.startDate ?? request.scheduledDate;
    if (!text) return { start: today };
    const day = parseDay(text);
    if (!day) return refuse(CODES.INVALID_FIELD, `${field} must be a real date dd/mm/yyyy`);
    return { start: day };
  }

  /** disablePaymentRecord: its due dates to come become status 4; 02507 unknown, 02508 already disabled. */
  async disable(merchant: Merchant, paymentRecordId: string, reason = 'disabled by the merchant'): Promise<RecordOutcome> {
    return this.#change(merchant, paymentRecordId, (record, now) => {
      const disabled = disableRecord(record, now, reason);
      return { record: disabled.record, events: disabled.events };
    });
  }

  /**
   * Disables every active record of a wallet (or of one of its cards) in one step: SmartBill's
   * refused enrolment, a card revoked. Answers how many were disabled.
   */
  async disableAllOf(merchant: Merchant, walletId: string, reason: string, cardInd?: number): Promise<number> {
    const { deps } = this;
    return retryOnConflict<number>(async () => {
      const now = deps.clock.now();
      const active = (await this.ofWallet(merchant, walletId, cardInd)).filter((r) => !r.value.isDisabled);
      if (active.length === 0) return { retry: false, value: 0 };
      const changes = active.map((r) => ({ before: r, after: disableRecord(r.value, now, reason) }));
      const committed = await deps.store.commit({
        records: changes.map((c) => paymentRecordWrite(c.after.record, c.before.version)),
        doneJobs: changes.flatMap((c) => (c.before.value.jobId ? [c.before.value.jobId] : [])),
        events: stampEvents(deps, merchant.merchantId, changes.flatMap((c) => c.after.events), now),
      });
      return committed.ok ? { retry: false, value: active.length } : { retry: true };
    });
  }

  /**
   * updatePaymentRecord (recurringForUpdate): billingLeft (due dates still to come), billingDay,
   * endDate, newAmount from amountModificationDate. The due dates not yet tried are planned again.
   */
  async update(merchant: Merchant, paymentRecordId: string, update: RecurringUpdate): Promise<RecordOutcome> {
    if (Object.values(update).every((v) => v === undefined)) return refuse(CODES.NOTHING_TO_UPDATE, 'recurring must give billingLeft, billingDay, endDate, newAmount or amountModificationDate');
    if ((update.newAmount === undefined) !== (update.amountModificationDate === undefined)) {
      return refuse(CODES.INVALID_RECURRING, 'recurring.newAmount and recurring.amountModificationDate go together');
    }
    for (const field of ['endDate', 'amountModificationDate'] as const) {
      const value = update[field];
      if (value !== undefined && !parseDay(value)) return refuse(CODES.INVALID_FIELD, `recurring.${field} must be a real date dd/mm/yyyy`);
    }
    const timeZone = this.deps.settings.timeZone;
    return this.#change(merchant, paymentRecordId, (record) => {
      if (!record.recurring) return refuse(CODES.INVALID_RECURRING, `payment record ${paymentRecordId} is a scheduled payment: it has no recurring options`);
      const tried = record.billingRecords.filter((b) => b.status !== BillingStatus.FUTURE);
      const { billingLeft, ...rest } = update;
      const recurring: Recurring = { ...record.recurring, ...rest, ...(billingLeft !== undefined ? { billingLeft: tried.length + billingLeft } : {}) };
      if (recurring.newAmount === 0) return refuse(CODES.INVALID_RECURRING, 'recurring.newAmount must be greater than 0');
      const from = tried.length === 0 ? 1 : Math.max(...tried.map((b) => b.rank)) + 1;
      const future = billingLeft === 0 ? [] : planBillings(record.paymentRecordId, record.mode, recurring, from, timeZone);
      return { record: { ...record, recurring, billingRecords: [...tried, ...future] }, events: [] };
    });
  }

  /** getBillingRecord: the record and one of its due dates (02510 when it has no such one). */
  async billing(merchant: Merchant, paymentRecordId: string, id: string): Promise<RecordOutcome> {
    const stored = await this.get(merchant, paymentRecordId);
    if (!stored) return refuse(CODES.PAYMENT_RECORD_NOT_FOUND, `payment record ${paymentRecordId} does not exist`);
    const billing = stored.value.billingRecords.find((b) => b.billingRecordId === id);
    if (!billing) return { ...refuse(CODES.BILLING_RECORD_NOT_FOUND, `billing record ${id} is not one of payment record ${paymentRecordId}`), record: stored.value };
    return { code: CODES.OPERATION_SUCCESSFUL, record: stored.value, billing };
  }

  /**
   * updateBillingRecord (billingRecordForUpdate) of a due date still to come: its date (today or
   * later), its amount, status 4 to skip it (or 0 to keep it), executionDate to run it another day.
   */
  async updateBilling(merchant: Merchant, paymentRecordId: string, id: string, update: BillingUpdate): Promise<RecordOutcome> {
    if (Object.values(update).every((v) => v === undefined)) return refuse(CODES.NOTHING_TO_UPDATE, 'billingRecordForUpdate must give date, amount, status or executionDate');
    if (update.status !== undefined && update.status !== BillingStatus.FUTURE && update.status !== BillingStatus.DISABLED) {
      return refuse(CODES.INVALID_FIELD, 'billingRecordForUpdate.status must be 0 (to run) or 4 (skipped)');
    }
    if (update.amount === 0) return refuse(CODES.INVALID_FIELD, 'billingRecordForUpdate.amount must be greater than 0');
    const timeZone = this.deps.settings.timeZone;
    const today = parseDay(formatDate(this.deps.clock.now(), timeZone))!;
    const days: Record<'date' | 'executionDate', Day | undefined> = { date: undefined, executionDate: undefined };
    for (const field of ['date', 'executionDate'] as const) {
      const value = update[field];
      if (value === undefined) continue;
      const day = parseDay(value);
      if (!day) return refuse(CODES.INVALID_FIELD, `billingRecordForUpdate.${field} must be a real date dd/mm/yyyy`);
      if (compareDays(day, today) < 0) return refuse(CODES.INVALID_RECURRING, `billingRecordForUpdate.${field} ${value} is in the past`);
      days[field] = day;
    }
    let found: BillingRecord | undefined;
    const outcome = await this.#change(merchant, paymentRecordId, (record) => {
      const billing = record.billingRecords.find((b) => b.billingRecordId === id);
      if (!billing) return refuse(CODES.BILLING_RECORD_NOT_FOUND, `billing record ${id} is not one of payment record ${paymentRecordId}`);
      if (billing.status !== BillingStatus.FUTURE && billing.status !== BillingStatus.CURRENT) {
        return refuse(CODES.INVALID_RECURRING, `billing record ${id} has already run (status ${billing.status}): only due dates to come change`);
      }
      const run = days.executionDate ?? days.date;
      found = {
        ...billing,
        ...(days.date ? { date: formatDay(days.date) } : {}),
        ...(run ? { dueAt: dayStart(run, timeZone) } : {}),
        ...(update.amount !== undefined ? { amount: update.amount } : {}),
        ...(update.status !== undefined ? { status: update.status as BillingRecord['status'] } : {}),
      };
      return { record: { ...record, billingRecords: record.billingRecords.map((b) => (b.billingRecordId === id ? found! : b)) }, events: [] };
    });
    return found && outcome.code === CODES.OPERATION_SUCCESSFUL ? { ...outcome, billing: found } : outcome;
  }

  /** Read, check it is active (02507, 02508), decide, commit with its next job; again on a version conflict. */
  async #change(
    merchant: Merchant,
    paymentRecordId: string,
    decide: (record: PaymentRecord, now: number) => { record: PaymentRecord; events: { type: string; data: Record<string, string | number | boolean> }[] } | RecordOutcome,
  ): Promise<RecordOutcome> {
    const { deps } = this;
    return retryOnConflict<RecordOutcome>(async () => {
      const stored = await this.get(merchant, paymentRecordId);
      if (!stored) return { retry: false, value: refuse(CODES.PAYMENT_RECORD_NOT_FOUND, `payment record ${paymentRecordId} does not exist`) };
      if (stored.value.isDisabled) return { retry: false, value: { ...refuse(CODES.PAYMENT_RECORD_DISABLED, `payment record ${paymentRecordId} is disabled`), record: stored.value } };
      const now = deps.clock.now();
      const decision = decide(stored.value, now);
      if ('code' in decision) return { retry: false, value: { ...decision, record: stored.value } };
      const planned = scheduleNext(decision.record);
      const committed = await deps.store.commit({
        records: [paymentRecordWrite(planned.record, stored.version)],
        // The same job is left alone: setting it again would end the lease of a run in progress.
        ...(planned.record.jobId !== stored.value.jobId ? { jobs: planned.jobs, doneJobs: stored.value.jobId ? [stored.value.jobId] : [] } : {}),
        events: stampEvents(deps, merchant.merchantId, decision.events, now),
      });
      if (!committed.ok) return { retry: true };
      return { retry: false, value: { code: CODES.OPERATION_SUCCESSFUL, record: planned.record } };
    });
  }
}
