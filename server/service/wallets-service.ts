import { isExpired } from '../core/card-expiry.js';
import { PaymentKind, type JsonValue, type StoredCard } from '../core/payment.js';
import { CODES } from '../core/result-codes.js';
import {
  addCard,
  createWallet,
  disableWallet,
  enableWallet,
  updateCard,
  usableCard,
  type CardStatus,
  type Wallet,
  type WalletDecision,
  type WalletOwner,
} from '../core/wallet.js';
import { walletRefusal } from '../core/wallet-eligibility.js';
import { findContract, type Contract, type Merchant } from '../merchants/merchant.js';
import type { Job } from '../store/store.js';
import { checkCard, type CardInput } from './card-input.js';
import { retryOnConflict, stampEvents } from './commit.js';
import type { ServiceDeps } from './deps.js';
import type { NewPaymentRequest, PaymentOutcome, PaymentsService } from './payments-service.js';
import type { WalletHooks } from './wallet-hooks.js';
import { walletFrom, walletWrite, WALLET_KIND, type Versioned } from './wallet-records.js';

/**
 * Wallets (createWallet, getWallet, updateWallet, disableWallet, enableWallet, getCards) and the
 * payment from a wallet card that doImmediateWalletPayment, the payment records, SmartBill
 * payments by alias and the widget's saved cards all go through (`payFromWallet`).
 * Every change commits the wallet and its events in one step.
 */

/** A refusal, or what a successful wallet operation produced. */
export type WalletOutcome = { code: string; message?: string; wallet?: Wallet; cardInd?: number };

/** A card given for a wallet: checked like doAuthorization's, then sealed. */
export interface WalletCardInput {
  card?: CardInput;
  /** createWallet: the card of an earlier transaction instead of `card`. */
  transactionID?: string;
  isDefault?: boolean;
  comment?: string;
  cardBrand?: string;
}

export interface WalletRequest extends WalletCardInput {
  walletId: string;
  contractNumber: string;
  owner?: WalletOwner;
  privateDataList?: JsonValue;
}

/** payFromWallet: a payment with a wallet's card; the card comes from the vault, the CVV only from the request. */
export interface WalletPaymentRequest extends Omit<NewPaymentRequest, 'kind' | 'card'> {
  walletId: string;
  cardInd?: number;
  cvx?: string;
}

const refused = (code: string, message: string): WalletOutcome => ({ code, message });

export class WalletsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly payments: PaymentsService,
    /** SmartBill's hook (wallet-hooks.ts). */
    private readonly hooks: WalletHooks = {},
  ) {}

  /** The wallet and its version, if the merchant has one by this id. */
  async get(merchant: Merchant, walletId: string): Promise<Versioned<Wallet> | undefined> {
    const record = await this.deps.store.getRecord(WALLET_KIND, merchant.merchantId, walletId);
    return record && walletFrom(record);
  }

  /** createWallet: 02502 if the id is taken; the card checked (02305, 02614, 02511, 02538, 02541) and sealed. */
  async create(merchant: Merchant, request: WalletRequest): Promise<WalletOutcome> {
    const refusal = this.#checkContract(merchant, request.contractNumber) ?? numberOrToken(request.card);
    if (refusal) return refusal;
    if (await this.get(merchant, request.walletId)) return refused(CODES.WALLET_EXISTS, `wallet ${request.walletId} already exists`);
    const sealed = await this.#sealCard(merchant, request);
    if (!sealed.ok) return sealed.outcome;
    const now = this.deps.clock.now();
    const decision = createWallet({
      walletId: request.walletId,
      merchantId: merchant.merchantId,
      owner: request.owner ?? {},
      card: { card: sealed.card, contractNumber: request.contractNumber, ...cardExtras(request) },
      ...(request.privateDataList !== undefined ? { privateDataList: request.privateDataList } : {}),
      now,
    });
    if (!decision.ok) return decision;
    const hooked = this.#newCard(merchant, decision, now);
    const committed = await this.deps.store.commit({
      records: [walletWrite(hooked.wallet, null)],
      events: stampEvents(this.deps, merchant.merchantId, hooked.events, now),
      ...(hooked.jobs ? { jobs: hooked.jobs } : {}),
    });
    // Another request created the same wallet between our read and our write.
    if (!committed.ok) return refused(CODES.WALLET_EXISTS, `wallet ${request.walletId} already exists`);
    return { code: CODES.OPERATION_SUCCESSFUL, wallet: hooked.wallet, cardInd: 1 };
  }

  /**
   * updateWallet: with cardInd, that card (a new PAN replaces it; without one, its expiry,
   * cardholder, default flag change); without cardInd, a new card with the next index.
   */
  async update(merchant: Merchant, request: WalletRequest & { cardInd?: number }): Promise<WalletOutcome> {
    const refusal = this.#checkContract(merchant, request.contractNumber) ?? numberOrToken(request.card);
    if (refusal) return refusal;
    const input = request.card;
    const newPan = input?.number !== undefined;
    if (request.cardInd === undefined && !newPan) return refused(CODES.INVALID_FIELD, 'wallet.card.number is required to add a card (give cardInd to update one)');
    let sealed: StoredCard | undefined;
    if (newPan) {
      const checked = await this.#sealCard(merchant, { ...request, card: input });
      if (!checked.ok) return checked.outcome;
      sealed = checked.card;
    } else if (input?.expirationDate !== undefined) {
      const expiry = this.#checkExpiry(merchant, request.contractNumber, { ...input, number: undefined });
      if (expiry) return expiry;
    }
    const now = this.deps.clock.now();
    const saved = (decision: WalletDecision) => (sealed ? this.#newCard(merchant, decision, now) : decision);
    return this.change(merchant, request.walletId, (wallet) =>
      saved(request.cardInd === undefined
        ? addCard(wallet, {
            card: sealed!,
            contractNumber: request.contractNumber,
            ...cardExtras(request),
            ...(request.owner ? { owner: request.owner } : {}),
            ...(request.privateDataList !== undefined ? { privateDataList: request.privateDataList } : {}),
            now,
          })
        : updateCard(wallet, request.cardInd, {
            ...(sealed ? { card: sealed } : {}),
            ...(input?.expirationDate ? { expirationDate: input.expirationDate } : {}),
            ...(input?.cardholder ? { cardholder: input.cardholder } : {}),
            contractNumber: request.contractNumber,
            ...cardExtras(request),
            ...(request.owner ? { owner: request.owner } : {}),
            ...(request.privateDataList !== undefined ? { privateDataList: request.privateDataList } : {}),
            now,
          })),
    );
  }

  /** A decision that saved a card, with what the hooks add (wallet-hooks.ts). */
  #newCard<D extends WalletDecision>(merchant: Merchant, decision: D, now: number): D & { jobs?: Job[] } {
    if (!decision.ok || decision.cardInd === undefined || !this.hooks.newCard) return decision;
    return { ...decision, ...this.hooks.newCard(merchant, decision.wallet, decision.cardInd, now) };
  }

  /**
   * disableWallet: each wallet of the list (or card `cardInd` of each). 02500 when all were
   * disabled, 02517 when some were, 02516 when none; `notDisabled` lists the others.
   */
  async disable(merchant: Merchant, request: { contractNumber: string; walletIds: string[]; cardInd?: number; cardStatus?: CardStatus }): Promise<{ code: string; message?: string; notDisabled: string[] }> {
    const contract = this.#checkContract(merchant, request.contractNumber);
    if (contract) return { code: contract.code, ...(contract.message ? { message: contract.message } : {}), notDisabled: request.walletIds };
    const notDisabled: string[] = [];
    const reasons: string[] = [];
    for (const walletId of request.walletIds) {
      const now = this.deps.clock.now();
      const outcome = await this.change(merchant, walletId, (wallet) =>
        disableWallet(wallet, { contractNumber: request.contractNumber, ...(request.cardInd !== undefined ? { cardInd: request.cardInd } : {}), ...(request.cardStatus ? { cardStatus: request.cardStatus } : {}), now }),
      );
      if (outcome.code !== CODES.OPERATION_SUCCESSFUL) {
        notDisabled.push(walletId);
        reasons.push(outcome.message ?? outcome.code);
      }
    }
    if (notDisabled.length === 0) return { code: CODES.OPERATION_SUCCESSFUL, notDisabled };
    const code = notDisabled.length === request.walletIds.length ? CODES.CANNOT_DISABLE_WALLETS : CODES.SOME_WALLETS_NOT_DISABLED;
    return { code, message: reasons.join('; '), notDisabled };
  }

  /** enableWallet: the wallet, or its card `cardInd`. */
  async enable(merchant: Merchant, request: { contractNumber: string; walletId: string; cardInd?: number }): Promise<WalletOutcome> {
    const contract = this.#checkContract(merchant, request.contractNumber);
    if (contract) return contract;
    const now = this.deps.clock.now();
    return this.change(merchant, request.walletId, (wallet) =>
      enableWallet(wallet, { contractNumber: request.contractNumber, ...(request.cardInd !== undefined ? { cardInd: request.cardInd } : {}), now }),
    );
  }

  /**
   * Reads the wallet, lets `decide` change it, commits the result and its events; again from
   * the read when another request changed the wallet first. 02503 if it does not exist.
   * Other capabilities (SmartBill card statuses, web wallets) change wallets through this.
   */
  async change(merchant: Merchant, walletId: string, decide: (wallet: Wallet) => WalletDecision & { jobs?: Job[] }): Promise<WalletOutcome> {
    const { deps } = this;
    return retryOnConflict<WalletOutcome>(async () => {
      const stored = await this.get(merchant, walletId);
      if (!stored) return { retry: false, value: refused(CODES.WALLET_NOT_FOUND, `wallet ${walletId} does not exist`) };
      const decision = decide(stored.value);
      if (!decision.ok) return { retry: false, value: { code: decision.code, message: decision.message, wallet: stored.value } };
      const committed = await deps.store.commit({
        records: [walletWrite(decision.wallet, stored.version)],
        events: stampEvents(deps, merchant.merchantId, decision.events, deps.clock.now()),
        ...(decision.jobs ? { jobs: decision.jobs } : {}),
      });
      if (!committed.ok) return { retry: true };
      return { retry: false, value: { code: CODES.OPERATION_SUCCESSFUL, wallet: decision.wallet, ...(decision.cardInd !== undefined ? { cardInd: decision.cardInd } : {}) } };
    });
  }

  /**
   * A payment with a wallet card (the default one when cardInd is absent), through the acquirer
   * like doAuthorization: 02503 unknown wallet, 02505 wallet or card disabled, 02518 no such card.
   * The PAN is opened from the vault for the acquirer only; the CVV is the request's, if any.
   */
  async payFromWallet(merchant: Merchant, request: WalletPaymentRequest): Promise<PaymentOutcome & { cardInd?: number }> {
    const stored = await this.get(merchant, request.walletId);
    if (!stored) return { code: CODES.WALLET_NOT_FOUND, message: `wallet ${request.walletId} does not exist` };
    const usable = usableCard(stored.value, request.cardInd);
    if (!usable.ok) return { code: usable.code, message: usable.message };
    const { card } = usable.card;
    const { walletId: _w, cardInd: _c, cvx, ...payment } = request;
    const outcome = await this.payments.createWithCard({
      ...payment,
      merchant,
      kind: PaymentKind.AUTHORIZATION,
      card: {
        number: this.deps.vault.decryptPan(card.panCipher),
        type: card.type,
        expirationDate: card.expirationDate,
        ...(cvx ? { cvx } : {}),
        ...(card.cardholder ? { cardholder: card.cardholder } : {}),
      },
    });
    return { ...outcome, cardInd: usable.card.cardInd };
  }

  /** The card's checks (schema passed): Luhn, brand, expiry (not past), the contract's card types; then sealed. */
  async #sealCard(merchant: Merchant, request: WalletRequest): Promise<{ ok: true; card: StoredCard } | { ok: false; outcome: WalletOutcome }> {
    if (!request.card?.number && request.transactionID) {
      const payment = await this.deps.store.getPayment(merchant.merchantId, request.transactionID);
      if (!payment) return { ok: false, outcome: refused(CODES.TRANSACTION_NOT_FOUND, `transaction ${request.transactionID} does not exist`) };
      const ineligible = eligibility(findContract(merchant, request.contractNumber), { type: payment.card.type, digits: payment.card.maskedNumber.replace(/\D.*$/, '') });
      if (ineligible) return { ok: false, outcome: ineligible };
      return { ok: true, card: payment.card };
    }
    if (!request.card) return { ok: false, outcome: refused(CODES.INVALID_FIELD, 'wallet.card is required (or transactionID)') };
    const expiry = this.#checkExpiry(merchant, request.contractNumber, request.card);
    if (expiry) return { ok: false, outcome: expiry };
    const checked = checkCard(request.card);
    if (!checked.ok) return { ok: false, outcome: refused(checked.code, checked.message.replace(/^card\./, 'wallet.card.')) };
    return { ok: true, card: checked.storedCard(this.deps.vault) };
  }

  /** A wallet card must be one the contract may save (02511, 02541), of a type it takes, in a month not yet over. */
  #checkExpiry(merchant: Merchant, contractNumber: string, card: CardInput): WalletOutcome | undefined {
    const contract = findContract(merchant, contractNumber);
    const ineligible = eligibility(contract, { type: card.type, ...(card.number ? { digits: card.number } : {}) });
    if (ineligible) return ineligible;
    if (contract && !contract.cardTypes.includes(card.type)) {
      return refused(CODES.INVALID_FIELD, `wallet.card.type ${card.type} is not accepted by contract ${contractNumber} (${contract.cardTypes.join(', ')})`);
    }
    if (card.expirationDate === undefined) return undefined;
    if (!/^(0[1-9]|1[0-2])\d{2}$/.test(card.expirationDate)) return refused(CODES.INVALID_FIELD, 'wallet.card.expirationDate must be an expiry date MMYY with a month from 01 to 12');
    if (isExpired(card.expirationDate, this.deps.clock.now())) return refused(CODES.INVALID_FIELD, `wallet.card.expirationDate ${card.expirationDate} is in the past`);
    return undefined;
  }

  #checkContract(merchant: Merchant, contractNumber: string): WalletOutcome | undefined {
    return findContract(merchant, contractNumber) ? undefined : refused(CODES.INVALID_CONTRACT, `contractNumber ${contractNumber} is not a contract of this merchant`);
  }
}

/** 02511 / 02541: the card cannot be saved on this contract (core/wallet-eligibility.ts). */
function eligibility(contract: Contract | undefined, card: { type: string; digits?: string }): WalletOutcome | undefined {
  if (!contract) return undefined;
  return walletRefusal({ contractNumber: contract.contractNumber, cardTypes: contract.cardTypes, isGiftCard: contract.giftCard !== undefined }, card);
}

/**
 * 02538: a card is named by its number or by its token, never both. 02540: Guichet issues no
 * card tokens (no getToken), so no token names a card.
 */
function numberOrToken(card: CardInput | undefined): WalletOutcome | undefined {
  if (card?.token === undefined) return undefined;
  if (card.number !== undefined) return refused(CODES.CARD_NUMBER_OR_TOKEN, 'wallet.card.number and wallet.card.token are both given: give one of them');
  return refused(CODES.NO_CARD_FOR_TOKEN, `wallet.card.token ${card.token} names no card (this gateway issues no card tokens: give wallet.card.number)`);
}

function cardExtras(request: WalletCardInput): { isDefault?: boolean; comment?: string; cardBrand?: string } {
  return {
    ...(request.isDefault !== undefined ? { isDefault: request.isDefault } : {}),
    ...(request.comment !== undefined ? { comment: request.comment } : {}),
    ...(request.cardBrand !== undefined ? { cardBrand: request.cardBrand } : {}),
  };
}
