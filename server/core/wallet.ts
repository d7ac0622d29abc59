import { isExpired } from './card-expiry.js';
import type { JsonValue, StoredCard } from './payment.js';
import { CODES } from './result-codes.js';
import type { EventDraft } from './transaction-state.js';

/**
 * Wallets (payline-api.md §3.8, §9.1–9.2): one per customer, named by the merchant's walletId,
 * holding cards by index (cardInd 1, 2, 3… assigned here, never reused), one of them the default.
 * Pure rules: each returns the next wallet and its events, or the Payline code that refuses it.
 * The PAN stays sealed in `StoredCard`; the CVV is never part of a wallet.
 */

/** §9.1 cardStatus: why a card cannot be used. EXP is derived from the expiry date, never stored. */
export const CardStatus = {
  EXP: 'EXP',
  OPP: 'OPP',
  MAN: 'MAN',
  INT: 'INT',
} as const;
export type CardStatus = (typeof CardStatus)[keyof typeof CardStatus];

/**
 * Amex Recurring (SmartBill) state of a card (seed 001), kept by the smartbill capability:
 * WR waiting for the enrolment batch, EA enrolled, ER refused, then the network's updates.
 */
export interface SmartBillState {
  cardStatus: string;
  /** The alias sent to the network: walletId + cardInd. */
  alias: string;
  /** ms since the epoch. */
  registeredAt: number;
  enrolledAt?: number;
  resultCode?: string;
}

export interface WalletCard {
  /** 1, 2, 3… in order of addition; never reused after a card is removed. */
  cardInd: number;
  isDefault: boolean;
  card: StoredCard;
  /** OPP, MAN, INT when set by a rule or a person; EXP is computed (see cardStatusAt). */
  cardStatus?: CardStatus;
  isDisabled: boolean;
  /** ms since the epoch. */
  disableDate?: number;
  /** The contract the card was registered under. */
  contractNumber: string;
  comment?: string;
  /** payment.cardBrand / wallet.cardBrand (§9.1): CB, VISA, MASTERCARD… when the merchant chose one. */
  cardBrand?: string;
  smartBill?: SmartBillState;
}

/** The customer the wallet belongs to (wallet.lastName, firstName, email, shippingAddress). */
export interface WalletOwner {
  lastName?: string;
  firstName?: string;
  email?: string;
  shippingAddress?: { [key: string]: JsonValue };
}

export interface Wallet {
  walletId: string;
  merchantId: string;
  owner: WalletOwner;
  isDisabled: boolean;
  disableDate?: number;
  createdAt: number;
  updatedAt: number;
  /** The index the next card gets. */
  nextCardInd: number;
  cards: WalletCard[];
  privateDataList?: JsonValue;
}

/** A card as the merchant gives it for a wallet: already checked and sealed by the service. */
export interface NewWalletCard {
  card: StoredCard;
  contractNumber: string;
  isDefault?: boolean;
  comment?: string;
  cardBrand?: string;
}

export type WalletDecision = { ok: true; wallet: Wallet; events: EventDraft[]; cardInd?: number } | { ok: false; code: string; message: string };

const refuse = (code: string, message: string): WalletDecision => ({ ok: false, code, message });

/** Data every wallet event carries: what the WALLET notification (§7.2) and webhooks need. */
export function walletEventData(wallet: Wallet, contractNumber: string, cardInd?: number): EventDraft['data'] {
  return { walletId: wallet.walletId, contractNumber, ...(cardInd !== undefined ? { cardInd } : {}) };
}

/** A new wallet with its first card (index 1, the default). */
export function createWallet(input: {
  walletId: string;
  merchantId: string;
  owner: WalletOwner;
  card: NewWalletCard;
  privateDataList?: JsonValue;
  now: number;
}): WalletDecision {
  const first: WalletCard = {
    cardInd: 1,
    isDefault: true,
    card: input.card.card,
    isDisabled: false,
    contractNumber: input.card.contractNumber,
    ...(input.card.comment ? { comment: input.card.comment } : {}),
    ...(input.card.cardBrand ? { cardBrand: input.card.cardBrand } : {}),
  };
  const wallet: Wallet = {
    walletId: input.walletId,
    merchantId: input.merchantId,
    owner: input.owner,
    isDisabled: false,
    createdAt: input.now,
    updatedAt: input.now,
    nextCardInd: 2,
    cards: [first],
    ...(input.privateDataList !== undefined ? { privateDataList: input.privateDataList } : {}),
  };
  return { ok: true, wallet, cardInd: 1, events: [{ type: 'wallet.created', data: walletEventData(wallet, input.card.contractNumber, 1) }] };
}

/** The card a request names: `cardInd`, or the default card when absent (§9.2). 02518 if there is none. */
export function findCard(wallet: Wallet, cardInd?: number): { ok: true; card: WalletCard } | { ok: false; code: string; message: string } {
  const card = cardInd === undefined ? (wallet.cards.find((c) => c.isDefault) ?? wallet.cards[0]) : wallet.cards.find((c) => c.cardInd === cardInd);
  if (!card) return { ok: false, code: CODES.INVALID_CARD_INDEX, message: `cardInd ${cardInd ?? '(default)'} is not a card of wallet ${wallet.walletId}` };
  return { ok: true, card };
}

/** The card a payment may use: the wallet and the card enabled (02505), the card not expired (01101 at the acquirer). */
export function usableCard(wallet: Wallet, cardInd?: number): { ok: true; card: WalletCard } | { ok: false; code: string; message: string } {
  if (wallet.isDisabled) return { ok: false, code: CODES.WALLET_DISABLED, message: `wallet ${wallet.walletId} is disabled` };
  const found = findCard(wallet, cardInd);
  if (!found.ok) return found;
  if (found.card.isDisabled) return { ok: false, code: CODES.WALLET_DISABLED, message: `card ${found.card.cardInd} of wallet ${wallet.walletId} is disabled` };
  return found;
}

/** §9.1 cardStatus as answered: the stored one, else EXP once the expiry month is over. */
export function cardStatusAt(card: WalletCard, now: number): CardStatus | undefined {
  return card.cardStatus ?? (isExpired(card.card.expirationDate, now) ? CardStatus.EXP : undefined);
}

/** Whether the wallet already holds this PAN (by its keyed hash) on a card other than `exceptInd`. */
function holdsPan(wallet: Wallet, panHash: string, exceptInd?: number): WalletCard | undefined {
  return wallet.cards.find((c) => c.cardInd !== exceptInd && !c.isDisabled && c.card.panHash === panHash);
}

/** Makes `cardInd` the only default card. */
function withDefault(cards: WalletCard[], cardInd: number): WalletCard[] {
  return cards.map((c) => ({ ...c, isDefault: c.cardInd === cardInd }));
}

/** Owner fields given replace the stored ones; absent ones are kept. */
function mergeOwner(owner: WalletOwner, update: WalletOwner | undefined): WalletOwner {
  return update ? { ...owner, ...update } : owner;
}

/** updateWallet without cardInd: a new card, the next index. 02521 if the wallet holds the PAN already. */
export function addCard(wallet: Wallet, input: NewWalletCard & { owner?: WalletOwner; privateDataList?: JsonValue; now: number }): WalletDecision {
  if (wallet.isDisabled) return refuse(CODES.WALLET_DISABLED, `wallet ${wallet.walletId} is disabled`);
  const held = holdsPan(wallet, input.card.panHash);
  if (held) return refuse(CODES.CARD_ALREADY_IN_WALLET, `wallet ${wallet.walletId} already holds this card as cardInd ${held.cardInd}`);
  const cardInd = wallet.nextCardInd;
  const added: WalletCard = {
    cardInd,
    isDefault: false,
    card: input.card,
    isDisabled: false,
    contractNumber: input.contractNumber,
    ...(input.comment ? { comment: input.comment } : {}),
    ...(input.cardBrand ? { cardBrand: input.cardBrand } : {}),
  };
  let cards = [...wallet.cards, added];
  // The first usable card of a wallet whose cards are all disabled becomes the default too.
  if (input.isDefault || !cards.some((c) => c.isDefault && !c.isDisabled)) cards = withDefault(cards, cardInd);
  const next: Wallet = {
    ...wallet,
    owner: mergeOwner(wallet.owner, input.owner),
    cards,
    nextCardInd: cardInd + 1,
    updatedAt: input.now,
    ...(input.privateDataList !== undefined ? { privateDataList: input.privateDataList } : {}),
  };
  return { ok: true, wallet: next, cardInd, events: [{ type: 'wallet.updated', data: walletEventData(next, input.contractNumber, cardInd) }] };
}

/**
 * updateWallet with cardInd: that card's new data. Without a new PAN (`card` undefined) only the
 * expiry, cardholder, comment, default flag and owner change; a new PAN replaces the card's.
 */
export function updateCard(
  wallet: Wallet,
  cardInd: number,
  input: {
    card?: StoredCard;
    expirationDate?: string;
    cardholder?: string;
    contractNumber: string;
    isDefault?: boolean;
    comment?: string;
    cardBrand?: string;
    owner?: WalletOwner;
    privateDataList?: JsonValue;
    now: number;
  },
): WalletDecision {
  if (wallet.isDisabled) return refuse(CODES.WALLET_DISABLED, `wallet ${wallet.walletId} is disabled`);
  const found = findCard(wallet, cardInd);
  if (!found.ok) return found;
  if (input.card) {
    const held = holdsPan(wallet, input.card.panHash, cardInd);
    if (held) return refuse(CODES.CARD_ALREADY_IN_WALLET, `wallet ${wallet.walletId} already holds this card as cardInd ${held.cardInd}`);
  }
  const current = found.card;
  const card: StoredCard = input.card ?? {
    ...current.card,
    ...(input.expirationDate ? { expirationDate: input.expirationDate } : {}),
    ...(input.cardholder ? { cardholder: input.cardholder } : {}),
  };
  const updated: WalletCard = {
    ...current,
    card,
    contractNumber: input.contractNumber,
    ...(input.comment !== undefined ? { comment: input.comment } : {}),
    ...(input.cardBrand !== undefined ? { cardBrand: input.cardBrand } : {}),
  };
  // A new card or a new expiry lifts the expiry status with it; OPP/MAN/INT stay until the card is enabled.
  let cards = wallet.cards.map((c) => (c.cardInd === cardInd ? updated : c));
  if (input.isDefault) cards = withDefault(cards, cardInd);
  const next: Wallet = {
    ...wallet,
    owner: mergeOwner(wallet.owner, input.owner),
    cards,
    updatedAt: input.now,
    ...(input.privateDataList !== undefined ? { privateDataList: input.privateDataList } : {}),
  };
  return { ok: true, wallet: next, cardInd, events: [{ type: 'wallet.updated', data: walletEventData(next, input.contractNumber, cardInd) }] };
}

/**
 * disableWallet: the whole wallet, or one card (cardInd) with cardStatus MAN unless another is
 * given (OPP, INT). A disabled default card hands the default to the next usable card.
 */
export function disableWallet(wallet: Wallet, input: { contractNumber: string; cardInd?: number; cardStatus?: CardStatus; now: number }): WalletDecision {
  if (input.cardInd === undefined) {
    if (wallet.isDisabled) return refuse(CODES.CANNOT_DISABLE_WALLETS, `wallet ${wallet.walletId} is already disabled`);
    const next: Wallet = { ...wallet, isDisabled: true, disableDate: input.now, updatedAt: input.now };
    return { ok: true, wallet: next, events: [{ type: 'wallet.disabled', data: walletEventData(next, input.contractNumber) }] };
  }
  const found = findCard(wallet, input.cardInd);
  if (!found.ok) return found;
  if (found.card.isDisabled) return refuse(CODES.CANNOT_DISABLE_WALLETS, `card ${input.cardInd} of wallet ${wallet.walletId} is already disabled`);
  let cards = wallet.cards.map((c) =>
    c.cardInd === input.cardInd ? { ...c, isDisabled: true, disableDate: input.now, cardStatus: input.cardStatus ?? CardStatus.MAN, isDefault: false } : c,
  );
  if (found.card.isDefault) {
    const heir = cards.find((c) => !c.isDisabled);
    if (heir) cards = withDefault(cards, heir.cardInd);
  }
  const next: Wallet = { ...wallet, cards, updatedAt: input.now };
  return { ok: true, wallet: next, cardInd: input.cardInd, events: [{ type: 'wallet.disabled', data: walletEventData(next, input.contractNumber, input.cardInd) }] };
}

/** enableWallet: the whole wallet, or one card (its stored cardStatus cleared). 02519 when it is not disabled. */
export function enableWallet(wallet: Wallet, input: { contractNumber: string; cardInd?: number; now: number }): WalletDecision {
  if (input.cardInd === undefined) {
    if (!wallet.isDisabled) return refuse(CODES.CANNOT_ENABLE_WALLETS, `wallet ${wallet.walletId} is not disabled`);
    const { disableDate: _dropped, ...rest } = wallet;
    const next: Wallet = { ...rest, isDisabled: false, updatedAt: input.now };
    return { ok: true, wallet: next, events: [{ type: 'wallet.enabled', data: walletEventData(next, input.contractNumber) }] };
  }
  const found = findCard(wallet, input.cardInd);
  if (!found.ok) return found;
  if (!found.card.isDisabled) return refuse(CODES.CANNOT_ENABLE_WALLETS, `card ${input.cardInd} of wallet ${wallet.walletId} is not disabled`);
  const { disableDate: _d, cardStatus: _s, ...card } = found.card;
  let cards = wallet.cards.map((c) => (c.cardInd === input.cardInd ? { ...card, isDisabled: false } : c));
  if (!cards.some((c) => c.isDefault)) cards = withDefault(cards, input.cardInd);
  const next: Wallet = { ...wallet, cards, updatedAt: input.now };
  return { ok: true, wallet: next, cardInd: input.cardInd, events: [{ type: 'wallet.enabled', data: walletEventData(next, input.contractNumber, input.cardInd) }] };
}
