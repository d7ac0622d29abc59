import { applyNetworkUpdate, type NetworkUpdate } from '../core/smartbill.js';
import { parseUpdateFile, type LineError, type ParsedLine } from '../core/smartbill-update-file.js';
import type { EventDraft } from '../core/transaction-state.js';
import { CardStatus, disableWallet, type Wallet, type WalletCard } from '../core/wallet.js';
import type { Merchant } from '../merchants/merchant.js';
import { retryOnConflict, stampEvents } from './commit.js';
import type { ServiceDeps } from './deps.js';
import { causedBySmartBill, cardStatusEvent, smartBillOf } from './smartbill-service.js';
import { walletFrom, walletWrite, WALLET_KIND, type Versioned } from './wallet-records.js';

/**
 * The network's card updates (seed 001 "Étape 3: Suivre les mises à jour de vos cartes"): EDU
 * gives the card its new expiry, PU its new product, CC cancels it and disables the card (a
 * server notification smartBillCanceledCard follows). Each line is applied on its own, in one
 * commit with its events; a line that cannot be applied is reported, never half-applied.
 */
export interface UpdateOutcome {
  line: number;
  alias: string;
  status: 'applied' | 'unchanged' | 'refused';
  message?: string;
}

/** What a file (or a request) did: counts, the lines refused by the wallets, the lines that could not be read. */
export interface UpdateReport {
  applied: number;
  unchanged: number;
  refused: { line: number; alias: string; message: string }[];
  errors: LineError[];
}

/** A cardInd is AN2 (payline-api.md §9.2): the alias ends with one or two digits of it. */
const MAX_CARD_IND_DIGITS = 2;

export class SmartBillUpdates {
  constructor(private readonly deps: ServiceDeps) {}

  /** Parses a file's text (core/smartbill-update-file.ts) and applies its good lines. */
  async applyText(merchant: Merchant, text: string): Promise<UpdateReport> {
    const { updates, errors } = parseUpdateFile(text);
    const outcomes = await this.apply(merchant, updates);
    return {
      applied: outcomes.filter((o) => o.status === 'applied').length,
      unchanged: outcomes.filter((o) => o.status === 'unchanged').length,
      refused: outcomes.filter((o) => o.status === 'refused').map((o) => ({ line: o.line, alias: o.alias, message: o.message ?? '' })),
      errors,
    };
  }

  /** Applies the lines in order; answers what each did. */
  async apply(merchant: Merchant, lines: readonly ParsedLine[]): Promise<UpdateOutcome[]> {
    const outcomes: UpdateOutcome[] = [];
    for (const { line, update } of lines) {
      const done = await this.#applyOne(merchant, update);
      outcomes.push({ line, alias: update.alias, ...done });
    }
    return outcomes;
  }

  async #applyOne(merchant: Merchant, update: NetworkUpdate): Promise<Omit<UpdateOutcome, 'line' | 'alias'>> {
    const { deps } = this;
    return retryOnConflict<Omit<UpdateOutcome, 'line' | 'alias'>>(async () => {
      const found = await this.#resolveAlias(merchant, update.alias);
      if ('problem' in found) return { retry: false, value: { status: 'refused', message: found.problem } };
      const { stored, card } = found;
      const smartBill = smartBillOf(card)!;
      const now = deps.clock.now();
      const decision = applyNetworkUpdate(smartBill, card.card.expirationDate, update, now);
      if (!decision.ok) return { retry: false, value: { status: 'refused', message: decision.reason } };
      if (!decision.changed) return { retry: false, value: { status: 'unchanged' } };
      const updated: WalletCard = {
        ...card,
        smartBill: decision.card,
        ...(decision.expirationDate ? { card: { ...card.card, expirationDate: decision.expirationDate } } : {}),
      };
      let wallet: Wallet = { ...stored.value, updatedAt: now, cards: stored.value.cards.map((c) => (c.cardInd === card.cardInd ? updated : c)) };
      const extra: EventDraft['data'] =
        update.status === 'EDU' ? { expirationDate: update.expirationDate } : update.status === 'PU' ? { product: update.product } : { cancellationCode: update.cancellationCode };
      const events: EventDraft[] = [cardStatusEvent(wallet, card, decision.card, smartBill, extra)];
      // A cancelled card can no longer be paid with: disabled by an internal rule (INT, §9.1).
      if (decision.disableCard && !card.isDisabled) {
        const disabled = disableWallet(wallet, { contractNumber: card.contractNumber, cardInd: card.cardInd, cardStatus: CardStatus.INT, now });
        if (disabled.ok) {
          wallet = disabled.wallet;
          events.push(...causedBySmartBill(disabled.events));
        }
      }
      const committed = await deps.store.commit({ records: [walletWrite(wallet, stored.version)], events: stampEvents(deps, merchant.merchantId, events, now) });
      return committed.ok ? { retry: false, value: { status: 'applied' } } : { retry: true };
    });
  }

  /**
   * The wallet card an alias names. walletId + cardInd is read back by trying the last one and
   * two characters as the index; the card must hold that very alias. Two matches (W1 + 12 and
   * W11 + 2) are refused as ambiguous rather than guessed.
   */
  async #resolveAlias(merchant: Merchant, alias: string): Promise<{ stored: Versioned<Wallet>; card: WalletCard } | { problem: string }> {
    const matches: { stored: Versioned<Wallet>; card: WalletCard }[] = [];
    for (let digits = 1; digits <= MAX_CARD_IND_DIGITS && digits < alias.length; digits++) {
      const suffix = alias.slice(-digits);
      if (!/^[1-9]\d*$/.test(suffix)) continue;
      const record = await this.deps.store.getRecord(WALLET_KIND, merchant.merchantId, alias.slice(0, -digits));
      const stored = record && walletFrom(record);
      const card = stored?.value.cards.find((c) => c.cardInd === Number(suffix));
      if (stored && card && smartBillOf(card)?.alias === alias) matches.push({ stored, card });
    }
    if (matches.length === 0) return { problem: `alias ${alias} is not an Amex Recurring card of this merchant` };
    if (matches.length > 1) return { problem: `alias ${alias} is ambiguous (${matches.map((m) => `${m.stored.value.walletId} + ${m.card.cardInd}`).join(', ')})` };
    return matches[0]!;
  }
}
