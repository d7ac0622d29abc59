import { disableRecord } from '../core/billing-run.js';
import { PaymentKind } from '../core/payment.js';
import { isAcceptedCode } from '../core/result-codes.js';
import { applyEnrolment, ENROLMENT_DELAY_MS, SMARTBILL_CAUSE, isSmartBillContract, newSmartBillCard, type SmartBillCard } from '../core/smartbill.js';
import type { EventDraft } from '../core/transaction-state.js';
import { disableWallet, type Wallet, type WalletCard } from '../core/wallet.js';
import type { SmartBillNetwork } from '../connectors/smartbill-network.js';
import { findContract, type Merchant } from '../merchants/merchant.js';
import type { Job } from '../store/store.js';
import type { CardInput } from './card-input.js';
import { retryOnConflict, stampEvents } from './commit.js';
import type { ServiceDeps } from './deps.js';
import type { PaymentsService } from './payments-service.js';
import { paymentRecordFrom, paymentRecordWrite, PAYMENT_RECORD_KIND, recordIndex, walletFrom, walletWrite, WALLET_KIND } from './wallet-records.js';

/**
 * Amex Recurring (SmartBill) registration and enrolment (seed 001 "Étape 1"): a card saved on an
 * AMEX-REC BILLING contract starts WR with its alias, the web pages first check it with a 1 EUR
 * authorization, and the enrolment batch asks the network 24 hours later. EA enrols the card; ER
 * disables the wallet, its payment records and their billing records, in the same commit as the
 * card's new status and its events. Later network updates: smartbill-updates.ts.
 */
export const SMARTBILL_ENROLMENT_JOB = 'smartbill.enrolment';

/** The 1 EUR authorization of the web pages (seed 001 "Enrôlement d'une carte AMEX depuis les pages de paiement"). */
export const VERIFICATION_AMOUNT = 100;

/** What a card's status change says in `wallet.card_status_changed` (webhooks, server notification, emails). */
export function cardStatusEvent(wallet: Wallet, card: WalletCard, next: SmartBillCard, previous: SmartBillCard, extra: EventDraft['data'] = {}): EventDraft {
  return {
    type: 'wallet.card_status_changed',
    data: {
      walletId: wallet.walletId,
      cardInd: card.cardInd,
      contractNumber: card.contractNumber,
      alias: next.alias,
      cardStatus: next.cardStatus,
      previousCardStatus: previous.cardStatus,
      ...extra,
    },
  };
}

/** The wallet events a SmartBill change causes (wallet.disabled, payment_record.disabled), marked as its (notify/wallet-notification-cases.ts). */
export function causedBySmartBill(events: readonly EventDraft[]): EventDraft[] {
  return events.map((event) => ({ ...event, data: { ...event.data, cause: SMARTBILL_CAUSE } }));
}

/** The card's SmartBill state, if it has one. */
export function smartBillOf(card: WalletCard): SmartBillCard | undefined {
  return card.smartBill as SmartBillCard | undefined;
}

export class SmartBillService {
  constructor(
    private readonly deps: ServiceDeps & { network: SmartBillNetwork },
    private readonly payments: PaymentsService,
  ) {}

  /**
   * The wallets service's hook for a card saved (created, added, or given a new PAN): on an
   * AMEX-REC BILLING contract it starts WR with its alias, and its enrolment job comes due in
   * 24 hours, committed with the wallet. Other contracts: unchanged, no job.
   */
  onNewCard(merchant: Merchant, wallet: Wallet, cardInd: number, now: number): { wallet: Wallet; jobs: Job[] } {
    const card = wallet.cards.find((c) => c.cardInd === cardInd);
    const contract = card && findContract(merchant, card.contractNumber);
    if (!card || !contract || !isSmartBillContract(contract)) return { wallet, jobs: [] };
    const smartBill = newSmartBillCard(wallet.walletId, cardInd, now);
    const next: Wallet = { ...wallet, cards: wallet.cards.map((c) => (c.cardInd === cardInd ? { ...c, smartBill } : c)) };
    const job: Job = {
      id: `${SMARTBILL_ENROLMENT_JOB}:${wallet.walletId}:${cardInd}`,
      type: SMARTBILL_ENROLMENT_JOB,
      at: now + ENROLMENT_DELAY_MS,
      merchantId: merchant.merchantId,
      ref: `${cardInd}:${wallet.walletId}`,
    };
    return { wallet: next, jobs: [job] };
  }

  /**
   * The web pages' check before an Amex Recurring card is saved: a 1 EUR authorization (100,
   * action 100) on the contract, which shows the card is not blocked and belongs to an American
   * Express account. Its refusal code refuses the registration. Other contracts: nothing to
   * check (no transactionId). It is the web-wallet pages' CardRegistrationCheck.
   */
  async verifyCard(merchant: Merchant, input: { walletId: string; contractNumber: string; card: CardInput }): Promise<{ ok: true; transactionId?: string } | { ok: false; code: string; message: string }> {
    const contract = findContract(merchant, input.contractNumber);
    if (!contract || !isSmartBillContract(contract)) return { ok: true };
    const outcome = await this.payments.createWithCard({
      merchant,
      kind: PaymentKind.AUTHORIZATION,
      terms: { amount: VERIFICATION_AMOUNT, currency: contract.currency, action: 100, mode: 'CPT', contractNumber: contract.contractNumber },
      card: input.card,
      // Each check its own order: never taken for a duplicate of an earlier one.
      orderRef: `SMARTBILL-${input.walletId}-${this.deps.ids.transactionId()}`,
      order: { ref: `SMARTBILL-${input.walletId}`, amount: VERIFICATION_AMOUNT, currency: contract.currency },
    });
    if (!outcome.payment || !isAcceptedCode(outcome.code)) return { ok: false, code: outcome.code, message: outcome.message ?? `the 1 EUR authorization was refused (${outcome.code})` };
    return { ok: true, transactionId: outcome.payment.id };
  }

  /** The enrolment batch for one card (job ref `cardInd:walletId`): asks the network, commits EA or ER. */
  async runEnrolment(merchant: Merchant, job: Job): Promise<void> {
    const { deps } = this;
    const split = job.ref.indexOf(':');
    const cardInd = Number(job.ref.slice(0, split));
    const walletId = job.ref.slice(split + 1);
    await retryOnConflict<void>(async () => {
      const record = await deps.store.getRecord(WALLET_KIND, merchant.merchantId, walletId);
      const stored = record && walletFrom(record);
      const card = stored?.value.cards.find((c) => c.cardInd === cardInd);
      const smartBill = card && smartBillOf(card);
      // Removed, replaced or already answered: nothing left to ask.
      if (!stored || !card || !smartBill || smartBill.cardStatus !== 'WR') {
        await deps.store.commit({ doneJobs: [job] });
        return { retry: false, value: undefined };
      }
      const answer = await deps.network.enrol({ merchantId: merchant.merchantId, alias: smartBill.alias, pan: deps.vault.decryptPan(card.card.panCipher), expirationDate: card.card.expirationDate });
      const now = deps.clock.now();
      const next = applyEnrolment(smartBill, answer, now)!;
      let wallet: Wallet = { ...stored.value, updatedAt: now, cards: stored.value.cards.map((c) => (c.cardInd === cardInd ? { ...c, smartBill: next } : c)) };
      const events: EventDraft[] = [
        cardStatusEvent(wallet, card, next, smartBill, { resultCode: answer.code, ...(answer.accepted ? {} : { resultDescription: answer.description }) }),
      ];
      const records = [];
      if (!answer.accepted) {
        // Seed 001: "Ce portefeuille ainsi que ses dossiers de paiement et ses échéances ont été désactivés."
        const disabled = wallet.isDisabled ? undefined : disableWallet(wallet, { contractNumber: card.contractNumber, now });
        if (disabled?.ok) {
          wallet = disabled.wallet;
          events.push(...causedBySmartBill(disabled.events));
        }
        const paymentRecords = await deps.store.listRecords({ kind: PAYMENT_RECORD_KIND, scope: merchant.merchantId, index: recordIndex.wallet(walletId) });
        for (const stored of paymentRecords.map(paymentRecordFrom).filter((r) => !r.value.isDisabled)) {
          const off = disableRecord(stored.value, now, `SmartBill enrolment refused (${answer.code})`);
          records.push(paymentRecordWrite(off.record, stored.version));
          events.push(...causedBySmartBill(off.events));
        }
      }
      const committed = await deps.store.commit({
        records: [walletWrite(wallet, stored.version), ...records],
        events: stampEvents(deps, merchant.merchantId, events, now),
        doneJobs: [job],
      });
      return committed.ok ? { retry: false, value: undefined } : { retry: true };
    });
  }
}
