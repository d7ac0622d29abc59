import { disableRecord, settleBilling, type BillingAttempt } from '../core/billing-run.js';
import { pendingBillings, type PaymentRecord } from '../core/payment-record.js';
import { CODES } from '../core/result-codes.js';
import type { EventDraft } from '../core/transaction-state.js';
import { usableCard } from '../core/wallet.js';
import type { Merchant } from '../merchants/merchant.js';
import type { Job, JobRef } from '../store/store.js';
import { stampEvents } from './commit.js';
import type { ServiceDeps } from './deps.js';
import { scheduleNext, type PaymentRecordsService } from './payment-records-service.js';
import type { PaymentSideEffects } from './payments-service.js';
import { paymentRecordWrite, type Versioned } from './wallet-records.js';
import type { WalletsService } from './wallets-service.js';

/**
 * The `billing.due` job: pays a payment record's due date from its wallet card and commits the
 * payment, the record's new state, its events and its next job in one step (billing-run.ts says
 * what an answer does). Run by the job runner when the date comes, the test clock included.
 */
export class BillingRunner {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly wallets: WalletsService,
    private readonly records: PaymentRecordsService,
  ) {}

  async run(merchant: Merchant, job: Job): Promise<void> {
    const { deps } = this;
    const stored = await this.records.get(merchant, job.ref);
    // A job the record no longer names (rescheduled, disabled) has nothing to do.
    if (!stored || stored.value.jobId !== job.id) {
      await deps.store.commit({ doneJobs: [job] });
      return;
    }
    const record = stored.value;
    const now = deps.clock.now();
    const billing = pendingBillings(record)
      .filter((b) => b.dueAt <= now)
      .sort((a, b) => a.dueAt - b.dueAt || a.rank - b.rank)[0];
    if (!billing) {
      await this.#reschedule(stored, job);
      return;
    }
    const effects = (attempt: BillingAttempt): Promise<PaymentSideEffects> => this.#effects(merchant, record.paymentRecordId, billing.rank, attempt, job);

    const wallet = await this.wallets.get(merchant, record.walletId);
    const usable = wallet ? usableCard(wallet.value, record.cardInd) : { ok: false as const, code: CODES.WALLET_NOT_FOUND, message: `wallet ${record.walletId} does not exist` };
    if (!usable.ok) {
      await this.#commit(await effects({ code: usable.code, now }), now, merchant);
      return;
    }
    const outcome = await this.wallets.payFromWallet(merchant, {
      merchant,
      walletId: record.walletId,
      cardInd: record.cardInd,
      terms: { amount: billing.amount, currency: record.currency, action: record.action, mode: 'CPT', contractNumber: record.contractNumber, ...(record.softDescriptor ? { softDescriptor: record.softDescriptor } : {}) },
      orderRef: record.orderRef,
      order: record.order,
      ...(record.privateDataList !== undefined ? { privateDataList: record.privateDataList } : {}),
      dueDateOf: record.paymentRecordId,
      ...(record.mode === 'SCH' ? { eventData: { walletId: record.walletId, cardInd: record.cardInd, paymentRecordId: record.paymentRecordId } } : { recurringMode: record.mode }),
      commitWith: (payment) => effects({ code: payment.resultCode, transactionId: payment.id, ...(payment.authorizationNumber ? { authorizationNumber: payment.authorizationNumber } : {}), now: payment.createdAt }),
    });
    // Refused before any payment was made (the contract or the terms no longer hold): recorded all the same.
    if (!outcome.payment) await this.#commit(await effects({ code: outcome.code, now }), now, merchant);
  }

  /**
   * The record settled, its next job, and on 01133 the card's other records disabled: read at
   * commit time (again if the record moved meanwhile), so a payment made is always recorded.
   */
  async #effects(merchant: Merchant, paymentRecordId: string, rank: number, attempt: BillingAttempt, job: Job): Promise<PaymentSideEffects> {
    const stored = await this.records.get(merchant, paymentRecordId);
    if (!stored) return { doneJobs: [job] };
    const settled = settleBilling(stored.value, rank, attempt, this.deps.settings.timeZone);
    const planned = scheduleNext(settled.record);
    const records = [paymentRecordWrite(planned.record, stored.version)];
    const events: EventDraft[] = [...settled.events];
    const doneJobs: JobRef[] = [job, ...(stored.value.jobId && stored.value.jobId !== job.id ? [{ merchantId: merchant.merchantId, id: stored.value.jobId }] : [])];
    if (settled.revokesCard) {
      const sameCard = await this.records.ofWallet(merchant, stored.value.walletId, stored.value.cardInd);
      for (const other of sameCard.filter((r) => r.value.paymentRecordId !== paymentRecordId && !r.value.isDisabled)) {
        const disabled = disableRecord(other.value, attempt.now, `the bank revoked every payment of this card (${attempt.code})`);
        records.push(paymentRecordWrite(disabled.record, other.version));
        events.push(...disabled.events);
        if (other.value.jobId) doneJobs.push({ merchantId: merchant.merchantId, id: other.value.jobId });
      }
    }
    return { records, events, jobs: planned.jobs, doneJobs };
  }

  async #commit(effects: PaymentSideEffects, now: number, merchant: Merchant): Promise<void> {
    const committed = await this.deps.store.commit({
      ...(effects.records ? { records: effects.records } : {}),
      jobs: effects.jobs ?? [],
      doneJobs: effects.doneJobs ?? [],
      events: stampEvents(this.deps, merchant.merchantId, effects.events ?? [], now),
    });
    // Another request changed the record meanwhile: the job stays leased and runs again.
    if (!committed.ok) throw new Error(`billing run not committed: ${committed.conflict} conflict on ${committed.key}`);
  }

  /** Nothing was due after all: the record's next job is set again, this one done. */
  async #reschedule(stored: Versioned<PaymentRecord>, job: Job): Promise<void> {
    const planned = scheduleNext(stored.value);
    await this.deps.store.commit({ records: [paymentRecordWrite(planned.record, stored.version)], jobs: planned.jobs, doneJobs: [job] });
  }
}
