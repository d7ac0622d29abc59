import { formatDay, parseDay } from '../core/billing-schedule.js';
import { formatDate } from '../core/payline-date.js';
import type { JsonValue, Payment } from '../core/payment.js';
import type { Recurring } from '../core/payment-record.js';
import { CODES, isAcceptedCode } from '../core/result-codes.js';
import type { WebSession } from '../core/web-session-types.js';
import { addCard, createWallet, type WalletDecision, type WalletOwner } from '../core/wallet.js';
import type { Merchant } from '../merchants/merchant.js';
import type { ServiceDeps } from './deps.js';
import { newRecord, newRecordId, type PaymentRecordsService } from './payment-records-service.js';
import type { PaymentSideEffects } from './payments-service.js';
import { paymentRecordWrite, walletWrite } from './wallet-records.js';
import type { WalletsService } from './wallets-service.js';

/**
 * doWebPayment in NX or REC mode (payline-api.md §9.3, seed 003): the shopper pays the first due
 * date in the widget; the card is saved in the wallet `buyer.walletId` (created if it does not
 * exist) and the payment record of the due dates to come opens, in the same commit as that payment.
 */
export class RecurringWebPayments {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly wallets: WalletsService,
    private readonly records: PaymentRecordsService,
  ) {}

  /** doWebPayment's checks: the recurring options (02509…), a wallet that is not disabled (02505). */
  async check(
    merchant: Merchant,
    mode: 'NX' | 'REC',
    amount: number,
    recurring: Omit<Recurring, 'startDate'> & { startDate?: string },
    walletId: string,
  ): Promise<{ ok: true; recurring: Recurring } | { ok: false; code: string; message: string }> {
    const now = this.deps.clock.now();
    const today = formatDate(now, this.deps.settings.timeZone);
    if (recurring.startDate !== undefined && recurring.startDate !== today) {
      return { ok: false, code: CODES.INVALID_RECURRING, message: `recurring.startDate must be today (${today}): the first due date is paid in the web payment` };
    }
    const wallet = await this.wallets.get(merchant, walletId);
    if (wallet?.value.isDisabled) return { ok: false, code: CODES.WALLET_DISABLED, message: `wallet ${walletId} is disabled` };
    const terms = this.records.recurringTerms(mode, amount, { recurring }, now);
    if ('code' in terms) return { ok: false, code: terms.code, message: terms.message ?? terms.code };
    return { ok: true, recurring: terms.recurring! };
  }

  /**
   * What to commit with the payment of the first due date, read before it is made: the wallet
   * with the card (added when new), the record with rank 1 paid. A refused payment commits
   * nothing more; a wallet disabled meanwhile keeps the payment on its own.
   */
  async sideEffects(merchant: Merchant, session: WebSession): Promise<(payment: Payment) => PaymentSideEffects> {
    const { deps } = this;
    const walletId = session.walletId!;
    const stored = await this.wallets.get(merchant, walletId);
    const paymentRecordId = newRecordId(deps.ids.transactionId());
    return (payment) => {
      if (!isAcceptedCode(payment.resultCode)) return {};
      const now = payment.createdAt;
      const decision = this.#saveCard(merchant, session, payment, stored?.value);
      if (!decision.ok) return {};
      const start = parseDay(formatDate(now, deps.settings.timeZone))!;
      const planned = newRecord(
        {
          paymentRecordId,
          merchantId: merchant.merchantId,
          walletId,
          cardInd: decision.cardInd!,
          mode: session.payment.mode === 'NX' ? 'NX' : 'REC',
          start,
          recurring: { ...session.recurring!, startDate: formatDay(start) },
          terms: { ...session.payment, contractNumber: payment.contractNumber },
          orderRef: session.orderRef,
          order: session.order,
          ...(session.privateDataList !== undefined ? { privateDataList: session.privateDataList } : {}),
          firstPaid: { transactionId: payment.id, code: payment.resultCode, token: session.token, ...(payment.authorizationNumber ? { authorizationNumber: payment.authorizationNumber } : {}) },
          now,
        },
        deps.settings.timeZone,
      );
      const walletChanged = !stored || decision.events.length > 0;
      return {
        records: [...(walletChanged ? [walletWrite(decision.wallet, stored?.version ?? null)] : []), paymentRecordWrite(planned.record, null)],
        jobs: planned.jobs,
        events: decision.events,
      };
    };
  }

  /** The wallet holding the payment's card: created, or the card added, or found there already. */
  #saveCard(merchant: Merchant, session: WebSession, payment: Payment, wallet: Parameters<typeof addCard>[0] | undefined): WalletDecision {
    const now = payment.createdAt;
    const card = { card: payment.card, contractNumber: payment.contractNumber };
    if (!wallet) return createWallet({ walletId: session.walletId!, merchantId: merchant.merchantId, owner: ownerOf(session.buyer), card, now });
    const held = wallet.cards.find((c) => !c.isDisabled && c.card.panHash === payment.card.panHash);
    if (held) return { ok: true, wallet, events: [], cardInd: held.cardInd };
    return addCard(wallet, { ...card, now });
  }
}

/** The wallet owner from doWebPayment's buyer. */
function ownerOf(buyer: { [key: string]: JsonValue } | undefined): WalletOwner {
  const text = (key: string) => (typeof buyer?.[key] === 'string' ? { [key]: buyer[key] as string } : {});
  return { ...text('lastName'), ...text('firstName'), ...text('email') };
}
