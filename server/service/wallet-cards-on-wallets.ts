import type { Clock } from '../core/clock.js';
import { CODES } from '../core/result-codes.js';
import { disableWallet, updateCard, type Wallet, type WalletCard } from '../core/wallet.js';
import type { Merchant } from '../merchants/merchant.js';
import type { CardInput } from './card-input.js';
import type { Store } from '../store/store.js';
import type { AddCardRequest, SavedCard, WalletCards, WalletChange, WalletView } from './wallet-cards.js';
import { WALLET_KIND, walletFrom } from './wallet-records.js';
import type { WalletOutcome, WalletsService } from './wallets-service.js';

/**
 * The web wallets' and saved cards' seam (WalletCards) on the wallets capability: every change
 * goes through WalletsService (its checks, its `wallet.created` / `wallet.updated` /
 * `wallet.disabled` events, hence WALLET notifications). A removed card is disabled (cardStatus
 * MAN), as disableWallet with a cardInd does; its index is never given again.
 */

/**
 * A check a card must pass before the web pages save it: Amex Recurring's 1 EUR authorization
 * on an AMEX-REC BILLING contract (seed 001; the smartbill capability's `verifyCard`). Its
 * refusal code refuses the card.
 */
export type CardRegistrationCheck = (
  merchant: Merchant,
  input: { walletId: string; contractNumber: string; card: CardInput },
) => Promise<{ ok: true } | { ok: false; code: string; message: string }>;

export class WalletCardsOnWallets implements WalletCards {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly wallets: WalletsService,
    /** The one place a card saved by the web pages (web wallets, "save this card") is checked first. */
    private readonly registrationCheck?: CardRegistrationCheck,
  ) {}

  async get(merchantId: string, walletId: string): Promise<WalletView | undefined> {
    const record = await this.store.getRecord(WALLET_KIND, merchantId, walletId);
    return record && viewOf(walletFrom(record).value);
  }

  async addCard(merchant: Merchant, request: AddCardRequest): Promise<WalletChange> {
    const exists = (await this.store.getRecord(WALLET_KIND, merchant.merchantId, request.walletId)) !== undefined;
    if (exists && request.create === 'must') return { code: CODES.WALLET_EXISTS, message: `wallet ${request.walletId} already exists` };
    if (!exists && request.create === 'never') return { code: CODES.WALLET_NOT_FOUND, message: `wallet ${request.walletId} does not exist` };
    const checked = await this.registrationCheck?.(merchant, { walletId: request.walletId, contractNumber: request.contractNumber, card: request.card });
    if (checked && !checked.ok) return { code: checked.code, message: checked.message };
    const wallet = { walletId: request.walletId, contractNumber: request.contractNumber, card: request.card, ...(request.owner && !exists ? { owner: request.owner } : {}) };
    const outcome = exists ? await this.wallets.update(merchant, wallet) : await this.wallets.create(merchant, wallet);
    return { ...changeOf(outcome), ...(outcome.code === CODES.OPERATION_SUCCESSFUL && !exists ? { created: true } : {}) };
  }

  async updateExpiry(merchant: Merchant, walletId: string, cardInd: string, expirationDate: string): Promise<WalletChange> {
    const found = await this.#activeCard(merchant, walletId, cardInd);
    if (!found.ok) return found.change;
    const { card, contractNumber } = found.card;
    const outcome = await this.wallets.update(merchant, { walletId, contractNumber, cardInd: found.card.cardInd, card: { type: card.type, expirationDate } });
    return changeOf(outcome);
  }

  async removeCard(merchant: Merchant, walletId: string, cardInd: string): Promise<WalletChange> {
    return this.#change(merchant, walletId, cardInd, (wallet, card, at) => disableWallet(wallet, { contractNumber: card.contractNumber, cardInd: card.cardInd, now: at }));
  }

  async setDefault(merchant: Merchant, walletId: string, cardInd: string): Promise<WalletChange> {
    return this.#change(merchant, walletId, cardInd, (wallet, card, at) => updateCard(wallet, card.cardInd, { contractNumber: card.contractNumber, isDefault: true, now: at }));
  }

  /** A change to an active card, decided on the wallet as read when it commits (WalletsService.change). */
  async #change(merchant: Merchant, walletId: string, cardInd: string, decide: (wallet: Wallet, card: WalletCard, now: number) => ReturnType<typeof disableWallet>): Promise<WalletChange> {
    const outcome = await this.wallets.change(merchant, walletId, (wallet) => {
      const card = activeCard(wallet, cardInd);
      if (!card.ok) return { ok: false, code: card.change.code, message: card.change.message ?? '' };
      return decide(wallet, card.card, this.clock.now());
    });
    return changeOf(outcome);
  }

  async #activeCard(merchant: Merchant, walletId: string, cardInd: string): Promise<{ ok: true; card: WalletCard } | { ok: false; change: WalletChange }> {
    const record = await this.store.getRecord(WALLET_KIND, merchant.merchantId, walletId);
    if (!record) return { ok: false, change: { code: CODES.WALLET_NOT_FOUND, message: `wallet ${walletId} does not exist` } };
    return activeCard(walletFrom(record).value, cardInd);
  }
}

/** The enabled card `cardInd` of an enabled wallet: 02505 for a disabled wallet, 02518 for any other index. */
function activeCard(wallet: Wallet, cardInd: string): { ok: true; card: WalletCard } | { ok: false; change: WalletChange } {
  if (wallet.isDisabled) return { ok: false, change: { code: CODES.WALLET_DISABLED, message: `wallet ${wallet.walletId} is disabled` } };
  const card = wallet.cards.find((c) => String(c.cardInd) === cardInd && !c.isDisabled);
  if (!card) return { ok: false, change: { code: CODES.INVALID_CARD_INDEX, message: `cardInd ${cardInd} is not an active card of wallet ${wallet.walletId}` } };
  return { ok: true, card };
}

/** The outcome in the widget's words: its body names the card `card`, not updateWallet's `wallet.card`. */
function changeOf(outcome: WalletOutcome): WalletChange {
  return { code: outcome.code, ...(outcome.message ? { message: outcome.message.replace(/^wallet\.card\./, 'card.') } : {}), ...(outcome.cardInd !== undefined ? { cardInd: String(outcome.cardInd) } : {}) };
}

function viewOf(wallet: Wallet): WalletView {
  const cards: SavedCard[] = wallet.cards
    .filter((c) => !c.isDisabled)
    .map((c) => ({
      cardInd: String(c.cardInd),
      isDefault: c.isDefault,
      maskedNumber: c.card.maskedNumber,
      type: c.card.type,
      expirationDate: c.card.expirationDate,
      ...(c.card.cardholder ? { cardholder: c.card.cardholder } : {}),
      contractNumber: c.contractNumber,
      panCipher: c.card.panCipher,
    }));
  const { lastName, firstName, email } = wallet.owner;
  return { walletId: wallet.walletId, owner: { ...(lastName ? { lastName } : {}), ...(firstName ? { firstName } : {}), ...(email ? { email } : {}) }, isDisabled: wallet.isDisabled, cards };
}
