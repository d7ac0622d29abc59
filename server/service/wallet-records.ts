import { parseExpiry } from '../core/card-expiry.js';
import type { JsonValue } from '../core/payment.js';
import { CODES } from '../core/result-codes.js';
import type { Merchant } from '../merchants/merchant.js';
import type { OutboxEvent, StoredRecord } from '../store/store.js';
import { checkCard } from './card-input.js';
import { retryOnConflict, stampEvents } from './commit.js';
import type { ServiceDeps } from './deps.js';
import type { AddCardRequest, SavedCard, WalletCards, WalletChange, WalletView } from './wallet-cards.js';

/**
 * WalletCards on the Store's `wallet` records, in the shared wallet model's shape
 * (`{walletId, owner, isDisabled, createdAt, nextCardInd, cards: [{cardInd, isDefault, card
 * {maskedNumber, type, expirationDate, cardholder?, panHash, panCipher}, isDisabled,
 * contractNumber}]}`), each change committed with its `wallet.created` / `wallet.updated` event.
 * A removed card is disabled, never deleted: its cardInd is never given again.
 */

const KIND = 'wallet';
const WALLET_CODES = { EXISTS: '02502', NOT_FOUND: '02503', DISABLED: '02505', BAD_CARD_IND: '02518', CARD_IN_WALLET: '02521' } as const;

interface StoredCard {
  cardInd: number;
  isDefault: boolean;
  card: { maskedNumber: string; type: string; expirationDate: string; cardholder?: string; panHash: string; panCipher: string };
  isDisabled: boolean;
  disableDate?: number;
  contractNumber: string;
}

interface WalletData {
  walletId: string;
  owner: WalletView['owner'];
  isDisabled: boolean;
  createdAt: number;
  nextCardInd: number;
  cards: StoredCard[];
}

type Decision = { ok: true; data: WalletData; change: WalletChange } | { ok: false; change: WalletChange };

function view(data: WalletData): WalletView {
  const cards: SavedCard[] = data.cards
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
  return { walletId: data.walletId, owner: data.owner, isDisabled: data.isDisabled, cards };
}

/** The active card `cardInd` of an enabled wallet, or why there is none. */
function activeCard(data: WalletData, cardInd: string): { ok: true; card: StoredCard } | { ok: false; change: WalletChange } {
  if (data.isDisabled) return { ok: false, change: { code: WALLET_CODES.DISABLED, message: `wallet ${data.walletId} is disabled` } };
  const card = data.cards.find((c) => String(c.cardInd) === cardInd && !c.isDisabled);
  return card ? { ok: true, card } : { ok: false, change: { code: WALLET_CODES.BAD_CARD_IND, message: `cardInd ${cardInd} is not an active card of wallet ${data.walletId}` } };
}

/** The cards with `cardInd` the default one, and only it. */
function withDefault(cards: StoredCard[], cardInd: number | undefined): StoredCard[] {
  return cards.map((c) => ({ ...c, isDefault: c.cardInd === cardInd }));
}

export class WalletRecords implements WalletCards {
  constructor(private readonly deps: ServiceDeps) {}

  async get(merchantId: string, walletId: string): Promise<WalletView | undefined> {
    const record = await this.deps.store.getRecord(KIND, merchantId, walletId);
    return record && view(record.data as unknown as WalletData);
  }

  async addCard(merchant: Merchant, request: AddCardRequest): Promise<WalletChange> {
    const checked = checkCard(request.card);
    if (!checked.ok) return { code: checked.code, message: checked.message };
    const stored = checked.storedCard(this.deps.vault);
    return this.#change(merchant, request.walletId, request.contractNumber, (data) => {
      if (!data && request.create === 'never') return { ok: false, change: { code: WALLET_CODES.NOT_FOUND, message: `wallet ${request.walletId} does not exist` } };
      if (data && request.create === 'must') return { ok: false, change: { code: WALLET_CODES.EXISTS, message: `wallet ${request.walletId} already exists` } };
      if (data?.isDisabled) return { ok: false, change: { code: WALLET_CODES.DISABLED, message: `wallet ${request.walletId} is disabled` } };
      const wallet: WalletData = data ?? { walletId: request.walletId, owner: request.owner ?? {}, isDisabled: false, createdAt: this.deps.clock.now(), nextCardInd: 1, cards: [] };
      if (wallet.cards.some((c) => !c.isDisabled && c.card.panHash === stored.panHash)) {
        return { ok: false, change: { code: WALLET_CODES.CARD_IN_WALLET, message: `this card is already in wallet ${request.walletId}` } };
      }
      const cardInd = wallet.nextCardInd;
      const first = !wallet.cards.some((c) => !c.isDisabled);
      const card: StoredCard = {
        cardInd,
        isDefault: first,
        card: { maskedNumber: stored.maskedNumber, type: stored.type, expirationDate: stored.expirationDate, ...(stored.cardholder ? { cardholder: stored.cardholder } : {}), panHash: stored.panHash, panCipher: stored.panCipher },
        isDisabled: false,
        contractNumber: request.contractNumber,
      };
      return { ok: true, data: { ...wallet, nextCardInd: cardInd + 1, cards: [...wallet.cards, card] }, change: { code: CODES.OPERATION_SUCCESSFUL, cardInd: String(cardInd), created: !data } };
    });
  }

  async updateExpiry(merchant: Merchant, walletId: string, cardInd: string, expirationDate: string): Promise<WalletChange> {
    if (!parseExpiry(expirationDate)) return { code: CODES.INVALID_FIELD, message: 'card.expirationDate must be an expiry date MMYY with a month from 01 to 12' };
    return this.#existing(merchant, walletId, cardInd, (data, card) => ({
      ...data,
      cards: data.cards.map((c) => (c === card ? { ...c, card: { ...c.card, expirationDate } } : c)),
    }));
  }

  async removeCard(merchant: Merchant, walletId: string, cardInd: string): Promise<WalletChange> {
    return this.#existing(merchant, walletId, cardInd, (data, card) => {
      const cards = data.cards.map((c) => (c === card ? { ...c, isDisabled: true, isDefault: false, disableDate: this.deps.clock.now() } : c));
      // The default card goes: the oldest card left takes its place.
      const nextDefault = card.isDefault ? cards.find((c) => !c.isDisabled)?.cardInd : cards.find((c) => c.isDefault)?.cardInd;
      return { ...data, cards: withDefault(cards, nextDefault) };
    });
  }

  async setDefault(merchant: Merchant, walletId: string, cardInd: string): Promise<WalletChange> {
    return this.#existing(merchant, walletId, cardInd, (data, card) => ({ ...data, cards: withDefault(data.cards, card.cardInd) }));
  }

  /** A change to an active card of an existing wallet. */
  #existing(merchant: Merchant, walletId: string, cardInd: string, apply: (data: WalletData, card: StoredCard) => WalletData): Promise<WalletChange> {
    return this.#change(merchant, walletId, undefined, (data) => {
      if (!data) return { ok: false, change: { code: WALLET_CODES.NOT_FOUND, message: `wallet ${walletId} does not exist` } };
      const found = activeCard(data, cardInd);
      if (!found.ok) return found;
      return { ok: true, data: apply(data, found.card), change: { code: CODES.OPERATION_SUCCESSFUL, cardInd } };
    });
  }

  /** Read, decide, commit the wallet with its event; again when another request wrote it first. */
  #change(merchant: Merchant, walletId: string, contractNumber: string | undefined, decide: (data: WalletData | undefined) => Decision): Promise<WalletChange> {
    const { deps } = this;
    return retryOnConflict<WalletChange>(async () => {
      const record = await deps.store.getRecord(KIND, merchant.merchantId, walletId);
      const decision = decide(record?.data as unknown as WalletData | undefined);
      if (!decision.ok) return { retry: false, value: decision.change };
      const next: StoredRecord = { kind: KIND, scope: merchant.merchantId, id: walletId, version: (record?.version ?? 0) + 1, data: decision.data as unknown as { [key: string]: JsonValue } };
      const contract = contractNumber ?? decision.data.cards.find((c) => String(c.cardInd) === decision.change.cardInd)?.contractNumber ?? '';
      const events: OutboxEvent[] = stampEvents(deps, merchant.merchantId, [{ type: record ? 'wallet.updated' : 'wallet.created', data: { walletId, contractNumber: contract } }], deps.clock.now());
      const committed = await deps.store.commit({ records: [{ next, expectedVersion: record?.version ?? null }], events });
      return committed.ok ? { retry: false, value: decision.change } : { retry: true };
    });
  }
}
