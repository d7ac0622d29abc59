import { CODES } from '../core/result-codes.js';
import { SessionStatus, type WalletManagement, type WebSession, type WebWalletOperation } from '../core/web-session-types.js';
import {
  cancelWalletSession,
  checkWalletAction,
  finishWalletSession,
  recordWalletChange,
  walletSessionEnded,
  type WalletAction,
} from '../core/web-wallet-session.js';
import type { JsonValue } from '../core/payment.js';
import { findContract, type Merchant } from '../merchants/merchant.js';
import type { OutboxEvent } from '../store/store.js';
import type { CardInput } from './card-input.js';
import { inferCardType } from './card-type.js';
import { retryOnConflict, stampEvents } from './commit.js';
import type { ServiceDeps } from './deps.js';
import type { WalletCards, WalletChange, WalletView } from './wallet-cards.js';
import { sessionExpiryJob } from './session-expiry.js';
import { newSessionFields } from './new-session.js';

/**
 * Web wallets (payline-api.md §2.2): manageWebWallet, createWebWallet and updateWebWallet open a
 * session under a token in which the shopper, in the widget's MANAGE_WEB_WALLET state, adds
 * cards (through the card-fields page), updates a card's expiry, removes a card or picks the
 * default; getWebWallet reads the outcome. Each change goes to the wallet at once (WalletCards);
 * the session's end (done, cancelled, expired) is a `wallet.web.*` event with the token: WEBWALLET.
 */
export interface OpenWalletSessionRequest {
  merchant: Merchant;
  operation: WebWalletOperation;
  contractNumber: string;
  walletId: string | undefined;
  cardInd?: string;
  owner?: WalletManagement['owner'];
  returnURL: string;
  cancelURL: string;
  notificationURL?: string;
  languageCode?: string;
  buyer?: { [key: string]: JsonValue };
  privateDataList?: JsonValue;
}

export type WalletSessionOutcome = { code: string; message?: string; session?: WebSession; redirectURL?: string; cardInd?: string };

export class WebWalletsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly wallets: WalletCards,
  ) {}

  /** manageWebWallet, createWebWallet, updateWebWallet: checks the wallet, then opens the session. */
  async open(request: OpenWalletSessionRequest): Promise<WalletSessionOutcome> {
    const { deps } = this;
    const { merchant, operation, walletId } = request;
    const contract = findContract(merchant, request.contractNumber);
    if (!contract) return { code: CODES.INVALID_CONTRACT, message: `contractNumber ${request.contractNumber} is not one of the merchant's contracts` };
    if (!walletId) return { code: CODES.WALLET_ID_REQUIRED, message: operation === 'updateWebWallet' ? 'walletId is required' : 'buyer.walletId is required' };
    const wallet = await this.wallets.get(merchant.merchantId, walletId);
    if (operation === 'createWebWallet' && wallet) return { code: CODES.WALLET_EXISTS, message: `wallet ${walletId} already exists` };
    if (operation === 'updateWebWallet' && !wallet) return { code: CODES.WALLET_NOT_FOUND, message: `wallet ${walletId} does not exist` };
    if (wallet?.isDisabled) return { code: CODES.WALLET_DISABLED, message: `wallet ${walletId} is disabled` };
    let cardInd = request.cardInd;
    if (operation === 'updateWebWallet') {
      cardInd ??= wallet!.cards.find((c) => c.isDefault)?.cardInd;
      if (!cardInd || !wallet!.cards.some((c) => c.cardInd === cardInd)) return { code: CODES.INVALID_CARD_INDEX, message: `cardInd ${request.cardInd ?? ''} is not an active card of wallet ${walletId}` };
    }
    const now = deps.clock.now();
    const session: WebSession = {
      ...newSessionFields(deps, merchant.merchantId, now, request),
      // Nothing is paid: the payment names the contract only.
      payment: { amount: 0, currency: contract.currency, action: 0, mode: 'CPT', contractNumber: contract.contractNumber },
      orderRef: '',
      order: {},
      selectedContracts: [contract.contractNumber],
      walletManagement: {
        operation,
        walletId,
        ...(cardInd ? { cardInd } : {}),
        ...(request.owner ? { owner: request.owner } : {}),
        changes: 0,
      },
    };
    const committed = await deps.store.commit({ sessions: [{ next: session, expectedVersion: null }], jobs: [sessionExpiryJob(session, session.expiresAt)] });
    if (!committed.ok) throw new Error(`could not commit new wallet session: ${committed.conflict} conflict`);
    return { code: CODES.ACCEPTED, session, redirectURL: `${deps.settings.publicUrl}/webpayment/?token=${session.token}` };
  }

  /** The web-wallet session of a token for its merchant (a payment session's token is unknown here). */
  async session(token: string, merchantId?: string): Promise<WebSession | undefined> {
    const session = await this.deps.store.getSession(token);
    return session?.walletManagement && (merchantId === undefined || session.merchantId === merchantId) ? session : undefined;
  }

  /** The wallet a session manages (undefined until its first card creates it). */
  wallet(session: WebSession): Promise<WalletView | undefined> {
    return this.wallets.get(session.merchantId, session.walletManagement!.walletId);
  }

  /** The shopper adds a card (from the card-fields page): the first one creates the wallet. */
  addCard(merchant: Merchant, token: string, card: Omit<CardInput, 'type'> & { type?: string }): Promise<WalletSessionOutcome> {
    return this.#act(merchant, token, 'add', undefined, (session) => {
      const type = card.type ?? inferCardType(card.number ?? '', merchant, session.selectedContracts);
      if (!type) return Promise.resolve({ code: CODES.INVALID_FIELD, message: 'card.number is not a card accepted for this wallet' });
      const management = session.walletManagement!;
      return this.wallets.addCard(merchant, {
        walletId: management.walletId,
        contractNumber: session.payment.contractNumber,
        card: { ...card, type },
        ...(management.owner ? { owner: management.owner } : {}),
        create: management.operation === 'createWebWallet' ? 'must' : 'if-missing',
      });
    });
  }

  updateExpiry(merchant: Merchant, token: string, cardInd: string, expirationDate: string): Promise<WalletSessionOutcome> {
    return this.#act(merchant, token, 'update', cardInd, (session) => this.wallets.updateExpiry(merchant, session.walletManagement!.walletId, cardInd, expirationDate));
  }

  removeCard(merchant: Merchant, token: string, cardInd: string): Promise<WalletSessionOutcome> {
    return this.#act(merchant, token, 'remove', cardInd, (session) => this.wallets.removeCard(merchant, session.walletManagement!.walletId, cardInd));
  }

  setDefault(merchant: Merchant, token: string, cardInd: string): Promise<WalletSessionOutcome> {
    return this.#act(merchant, token, 'default', cardInd, (session) => this.wallets.setDefault(merchant, session.walletManagement!.walletId, cardInd));
  }

  /** The shopper is done: 02500, and WEBWALLET. */
  finish(merchant: Merchant, token: string): Promise<WalletSessionOutcome> {
    return this.#end(merchant, token, (session, now) => finishWalletSession(session, now), 'finished');
  }

  /** The shopper cancels: 02536 (changes already made stay), and WEBWALLET. */
  cancel(merchant: Merchant, token: string): Promise<WalletSessionOutcome> {
    return this.#end(merchant, token, (session, now) => cancelWalletSession(session, now), 'cancelled');
  }

  /**
   * One change: the session must be open and offer `action` (updateWebWallet: on its own card
   * only); the wallet changes first, then the session counts it (createWebWallet then ends).
   */
  async #act(merchant: Merchant, token: string, action: WalletAction, cardInd: string | undefined, change: (session: WebSession) => Promise<WalletChange>): Promise<WalletSessionOutcome> {
    const { deps } = this;
    const session = await this.session(token, merchant.merchantId);
    if (!session) return { code: CODES.TOKEN_NOT_FOUND };
    const allowed = checkWalletAction(session, action, deps.clock.now());
    if (!allowed.ok) return { code: allowed.code, session };
    const own = session.walletManagement!.cardInd;
    if (own !== undefined && cardInd !== undefined && cardInd !== own) return { code: CODES.INVALID_CARD_INDEX, message: `this session updates card ${own} only`, session };
    const done = await change(session);
    if (done.code !== CODES.OPERATION_SUCCESSFUL) return { code: done.code, ...(done.message ? { message: done.message } : {}), session };
    const updated = await retryOnConflict<WebSession>(async () => {
      const current = (await this.session(token, merchant.merchantId)) ?? session;
      const next = recordWalletChange(current);
      const ended = next.status === SessionStatus.ACCEPTED && current.status !== SessionStatus.ACCEPTED;
      const events: OutboxEvent[] = ended ? stampEvents(deps, merchant.merchantId, [walletSessionEnded(current, 'finished')], deps.clock.now()) : [];
      const committed = await deps.store.commit({
        sessions: [{ next, expectedVersion: current.version }],
        ...(ended ? { doneJobs: [sessionExpiryJob(current, current.expiresAt)], events } : {}),
      });
      return committed.ok ? { retry: false, value: next } : { retry: true };
    });
    return { code: done.code, session: updated, ...(done.cardInd ? { cardInd: done.cardInd } : {}) };
  }

  #end(merchant: Merchant, token: string, step: (session: WebSession, now: number) => { ok: true; session: WebSession } | { ok: false; code: string }, how: 'finished' | 'cancelled'): Promise<WalletSessionOutcome> {
    const { deps } = this;
    return retryOnConflict<WalletSessionOutcome>(async () => {
      const session = await this.session(token, merchant.merchantId);
      if (!session) return { retry: false, value: { code: CODES.TOKEN_NOT_FOUND } };
      const now = deps.clock.now();
      const ended = step(session, now);
      if (!ended.ok) return { retry: false, value: { code: ended.code, session } };
      const code = ended.session.lastResultCode!;
      const committed = await deps.store.commit({
        sessions: [{ next: ended.session, expectedVersion: session.version }],
        doneJobs: [sessionExpiryJob(session, session.expiresAt)],
        events: stampEvents(deps, merchant.merchantId, [walletSessionEnded(session, how)], now),
      });
      return committed.ok ? { retry: false, value: { code, session: ended.session } } : { retry: true };
    });
  }
}
