import { isExpired } from '../core/card-expiry.js';
import { PaymentKind, type Payment } from '../core/payment.js';
import { duplicateOrderKey, paidBy } from '../core/new-payment.js';
import { CODES, isAcceptedCode } from '../core/result-codes.js';
import { SessionStatus, type PendingChallenge, type WebSession } from '../core/web-session-types.js';
import { amountLeft, hasGiftCards } from '../core/gift-card.js';
import { walletSessionEnded } from '../core/web-wallet-session.js';
import { awaitChallenge, cancelSession, expireSession, finishAttempt, resumeChallenge, STALE_ATTEMPT_MS, startAttempt } from '../core/web-session.js';
import type { Authentication } from '../connectors/three-d-secure.js';
import { findContract, giftCardContract, type Merchant } from '../merchants/merchant.js';
import type { SavedCard, WalletCards } from './wallet-cards.js';
import type { Job } from '../store/store.js';
import { checkCard, type CardInput } from './card-input.js';
import { inferCardType } from './card-type.js';
import { termUrlFor } from './challenge-return.js';
import { retryOnConflict, stampEvents } from './commit.js';
import type { ServiceDeps } from './deps.js';
import { checkPaymentTerms, type PaymentTerms } from './payment-terms.js';
import type { GiftCardsService } from './gift-cards-service.js';
import type { PaymentsService } from './payments-service.js';
import { newSessionFields } from './new-session.js';
import { sessionExpiryJob } from './session-expiry.js';
import type { RecurringWebPayments } from './recurring-web-payments.js';
import type { Recurring } from '../core/payment-record.js';
import { firstDueAmount } from '../core/billing-schedule.js';

/**
 * Web payments: doWebPayment opens a session under a token; the widget pays it (one attempt at a
 * time, a limited number of attempts, 3-D Secure first) or cancels it; it expires on its own; getWebPaymentDetails
 * reads it at any point of its life.
 */
export type NewSessionRequest = { merchant: Merchant; terms: PaymentTerms } & Pick<
  WebSession,
  'orderRef' | 'order' | 'selectedContracts' | 'returnURL' | 'cancelURL' | 'notificationURL' | 'languageCode' | 'buyer' | 'privateDataList' | 'walletId'
> & { recurring?: Omit<Recurring, 'startDate'> & { startDate?: string } };

/** How an attempt's card came: a saved card of the session's wallet (`cardInd`), or a new one to save once accepted. */
export interface PayVia {
  cardInd?: string;
  saveCard?: boolean;
}

/** The attempt notes on the session which saved card it uses, or whether its new card is to be saved. */
function withWalletAttempt(session: WebSession, via: PayVia): WebSession {
  const wallet = session.walletPayment;
  if (!wallet) return session;
  const { cardInd: _previous, saveRequested: _asked, ...kept } = wallet;
  return { ...session, walletPayment: { ...kept, ...(via.cardInd ? { cardInd: via.cardInd } : {}), ...(via.saveCard && !via.cardInd ? { saveRequested: true } : {}) } };
}

/** `challenge`: 3-D Secure asks the shopper to authenticate on that page first (03101). */
export type SessionOutcome = { code: string; message?: string; session?: WebSession; payment?: Payment; challenge?: { url: string } };

/** The event of a session's expiry: a web-wallet session's is WEBWALLET's, a payment session's WEBTRS's. */
function expiredEvent(session: WebSession) {
  if (session.walletManagement) return walletSessionEnded(session, 'expired');
  return { type: 'session.expired', data: { token: session.token, orderRef: session.orderRef, code: CODES.SESSION_EXPIRED } };
}

/** What the shopper's card pays: the amount left by the gift cards, if any. */
function amountToPay(session: WebSession): number {
  return hasGiftCards(session) ? amountLeft(session) : session.payment.amount;
}

/** The event of an attempt refused before any payment was made. */
function attemptRefused(session: WebSession, code: string) {
  return { type: 'payment.refused', data: { token: session.token, orderRef: session.orderRef, code } };
}

export class WebPaymentsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly payments: PaymentsService,
    private readonly giftCards: GiftCardsService,
    private readonly wallets: WalletCards,
    /** NX and REC sessions: the first due date here, the others from the wallet. */
    private readonly recurringPayments?: RecurringWebPayments,
  ) {}

  /** doWebPayment. */
  async create(request: NewSessionRequest): Promise<SessionOutcome & { redirectURL?: string }> {
    const { deps } = this;
    const now = deps.clock.now();
    const gift = giftCardContract(request.merchant, request.selectedContracts.length > 0 ? request.selectedContracts : [request.terms.contractNumber]);
    if (gift) {
      // Seed 004: gift cards pay with action 101 and mode CPT only.
      if (request.terms.action !== 101) return { code: CODES.INVALID_PAYMENT_ACTION, message: `payment.action must be 101 when gift-card contract ${gift.contractNumber} is selected` };
      if (request.terms.mode !== 'CPT') return { code: CODES.INVALID_PAYMENT_MODE, message: `payment.mode must be CPT when gift-card contract ${gift.contractNumber} is selected` };
      if (gift.currency !== request.terms.currency) return { code: CODES.INVALID_FIELD, message: `payment.currency must be ${gift.currency}, the currency of gift-card contract ${gift.contractNumber}` };
    }
    const mode = request.terms.mode;
    const recurringMode = mode === 'NX' || mode === 'REC' ? mode : undefined;
    // NX and REC are checked as CPT here; their own options below.
    const terms = checkPaymentTerms(request.merchant, recurringMode ? { ...request.terms, mode: 'CPT' } : request.terms, undefined, now, deps.settings.timeZone);
    if (!terms.ok) return terms;
    let recurring: Recurring | undefined;
    if (recurringMode) {
      if (!this.recurringPayments || !request.recurring || !request.walletId) {
        return { code: CODES.INVALID_PAYMENT_MODE, message: `payment.mode ${recurringMode} needs the recurring object and buyer.walletId` };
      }
      const checked = await this.recurringPayments.check(request.merchant, recurringMode, request.terms.amount, request.recurring, request.walletId);
      if (!checked.ok) return checked;
      recurring = checked.recurring;
    }
    const unknown = request.selectedContracts.find((n) => !request.merchant.contracts.some((c) => c.contractNumber === n));
    if (unknown) return { code: CODES.INVALID_CONTRACT, message: `selectedContractList names unknown contract ${unknown}` };
    const dupKey = duplicateOrderKey(request.merchant.merchantId, request.orderRef, request.terms.amount, request.terms.currency);
    const payment = paidBy(await deps.store.getClaim(request.merchant.merchantId, dupKey, now));
    if (payment) return { code: CODES.DUPLICATE, message: `order ${request.orderRef} was already paid by transaction ${payment}` };

    // buyer.walletId (seed 003): the wallet's cards are offered, and a new card can be saved into it.
    const walletId = typeof request.buyer?.walletId === 'string' && request.buyer.walletId !== '' ? request.buyer.walletId : undefined;
    const session: WebSession = {
      ...newSessionFields(deps, request.merchant.merchantId, now, request),
      payment: {
        amount: request.terms.amount,
        currency: request.terms.currency,
        action: request.terms.action,
        mode: recurringMode ?? (request.terms.mode === 'DIF' ? 'DIF' : 'CPT'),
        contractNumber: request.terms.contractNumber,
        ...(request.terms.differedActionDate ? { differedActionDate: request.terms.differedActionDate } : {}),
      },
      orderRef: request.orderRef,
      order: request.order,
      selectedContracts: request.selectedContracts.length > 0 ? request.selectedContracts : [request.terms.contractNumber],
      ...(walletId ? { walletPayment: { walletId } } : {}),
      ...(recurring ? { recurring, walletId: request.walletId! } : {}),
    };
    const committed = await deps.store.commit({ sessions: [{ next: session, expectedVersion: null }], jobs: [sessionExpiryJob(session, session.expiresAt)] });
    if (!committed.ok) throw new Error(`could not commit new session: ${committed.conflict} conflict`);
    return { code: CODES.ACCEPTED, session, redirectURL: `${deps.settings.publicUrl}/webpayment/?token=${session.token}` };
  }

  /** The session of a token for its merchant (another merchant's token is unknown: 02304). */
  async session(token: string, merchantId?: string): Promise<WebSession | undefined> {
    const session = await this.deps.store.getSession(token);
    return session && (merchantId === undefined || session.merchantId === merchantId) ? session : undefined;
  }

  /** A payment of the session's merchant by id (the complementary payment of a gift-card order). */
  payment(session: WebSession, id: string): Promise<Payment | undefined> {
    return this.deps.store.getPayment(session.merchantId, id);
  }

  /** The last payment made through a session, if any. */
  async lastPayment(session: WebSession): Promise<Payment | undefined> {
    const id = session.paymentIds.at(-1);
    return id ? this.deps.store.getPayment(session.merchantId, id) : undefined;
  }

  /**
   * A shopper's card attempt, from the widget's card fields. 3-D Secure first: a frictionless or
   * not-enrolled card is authorized at once (threeDSecure Y / N); a card the issuer challenges
   * leaves the attempt waiting (AUTHENTICATING, 03101 with the ACS's URL) until
   * completeChallenge. The ACS returns to the hosted payment page unless the page that starts
   * the challenge gives another TermUrl (api/widget/challenge-routes.ts).
   */
  async pay(merchant: Merchant, token: string, card: Omit<CardInput, 'type'> & { type?: string }, via: PayVia = {}): Promise<SessionOutcome> {
    const { deps } = this;
    const first = await this.session(token, merchant.merchantId);
    if (!first || first.walletManagement) return { code: CODES.TOKEN_NOT_FOUND };
    const type = card.type ?? inferCardType(card.number ?? '', merchant, first.selectedContracts);
    if (!type) return { code: CODES.INVALID_FIELD, message: 'card.number is not a card accepted for this payment' };
    const contract = merchant.contracts.find((c) => first.selectedContracts.includes(c.contractNumber) && c.cardTypes.includes(type));
    if (!contract) return { code: CODES.INVALID_FIELD, message: `card.type ${type} is not accepted for this payment`, session: first };
    if (contract.giftCard) return { code: CODES.INVALID_FIELD, message: `card.type ${type}: gift cards are entered through the gift-card endpoints`, session: first };
    if (hasGiftCards(first) && amountLeft(first) <= 0) return { code: CODES.INVALID_FIELD, message: 'the gift cards pay the whole amount: confirm them instead', session: first };
    const checked = checkCard({ ...card, type });
    if (!checked.ok) return { ...checked, session: first };
    const unsettled = await this.#unsettledComplement(first);
    if (unsettled) {
      // A stopped process left the order paid by card but not finished: finish it rather than charge the card again.
      const settled = await this.giftCards.settle(first, unsettled);
      return { code: CODES.DUPLICATE, ...(settled.session ? { session: settled.session } : {}) };
    }

    // One attempt at a time: the session moves to PROCESSING before the issuer or the acquirer is asked.
    const started = await retryOnConflict<SessionOutcome>(async () => {
      const session = await this.session(token, merchant.merchantId);
      if (!session) return { retry: false, value: { code: CODES.TOKEN_NOT_FOUND } };
      const step = startAttempt(session, deps.clock.now());
      if (!step.ok) return { retry: false, value: { code: step.code, session } };
      const attempt = withWalletAttempt(step.session, via);
      const committed = await deps.store.commit({ sessions: [{ next: attempt, expectedVersion: session.version }] });
      return committed.ok ? { retry: false, value: { code: CODES.ACCEPTED, session: attempt } } : { retry: true };
    });
    if (started.code !== CODES.ACCEPTED || !started.session) return started;
    const session = started.session;

    const typed = { ...card, type };
    const auth = await deps.threeDSecure.checkEnrollment({
      merchantId: merchant.merchantId,
      merchantName: merchant.name,
      amount: amountToPay(session),
      currency: session.payment.currency,
      card: { number: checked.acquirerCard.number, expirationDate: checked.acquirerCard.expirationDate, type },
      termUrl: termUrlFor(deps.settings.publicUrl, token, {}),
      md: token,
      ...(session.languageCode ? { language: session.languageCode } : {}),
      now: deps.clock.now(),
    });
    if (auth.status === 'C' && auth.challengeUrl) return this.#awaitChallenge(merchant, token, auth.id, auth.challengeUrl, contract.contractNumber, typed);
    if (auth.status === 'N') return this.#finish(merchant, token, session, { code: CODES.AUTHENTICATION_FAILED });
    return this.#authorize(merchant, session, contract.contractNumber, typed, auth);
  }

  /**
   * The ACS sent the shopper back with a PaRes (the challenge's TermUrl): the held attempt is
   * authorized (threeDSecure Y) when the shopper was authenticated, else refused with 03003, an
   * attempt like any refusal. A second return, or one after cancel or expiry, changes nothing.
   */
  async completeChallenge(merchant: Merchant, token: string, pares: string): Promise<SessionOutcome> {
    const { deps } = this;
    const auth = await deps.threeDSecure.fromPares(pares);
    const claimed = await retryOnConflict<SessionOutcome & { pending?: PendingChallenge }>(async () => {
      const session = await this.session(token, merchant.merchantId);
      if (!session) return { retry: false, value: { code: CODES.TOKEN_NOT_FOUND } };
      if (!auth || auth.merchantId !== merchant.merchantId) return { retry: false, value: { code: CODES.INVALID_PARES, session } };
      const step = resumeChallenge(session, auth.id, deps.clock.now());
      if (!step.ok) return { retry: false, value: { code: step.code, session } };
      const authenticated = auth.status === 'Y';
      const next = authenticated ? step.session : finishAttempt(step.session, CODES.AUTHENTICATION_FAILED, undefined);
      // A failed challenge makes no payment, so it says payment.refused itself: the widget's room and WEBTRS hear of it.
      const events = authenticated ? [] : stampEvents(deps, session.merchantId, [attemptRefused(session, CODES.AUTHENTICATION_FAILED)], deps.clock.now());
      const committed = await deps.store.commit({ sessions: [{ next, expectedVersion: session.version }], ...(events.length > 0 ? { events } : {}) });
      if (!committed.ok) return { retry: true };
      return { retry: false, value: { code: authenticated ? CODES.ACCEPTED : CODES.AUTHENTICATION_FAILED, session: next, ...(authenticated ? { pending: step.pending } : {}) } };
    });
    const { pending, ...outcome } = claimed;
    if (!pending) await this.#releaseIfUnpaid(outcome.session);
    if (!pending || !auth || !outcome.session) return outcome;
    const card: CardInput = {
      number: deps.vault.decryptPan(pending.card.panCipher),
      type: pending.card.type,
      expirationDate: pending.card.expirationDate,
      ...(pending.card.cardholder ? { cardholder: pending.card.cardholder } : {}),
    };
    return this.#authorize(merchant, outcome.session, pending.contractNumber, card, auth);
  }

  /**
   * Holds the attempt, its PAN sealed, until the shopper answers the challenge. The CVV is not
   * kept (DESIGN.md: never stored): the authorization that follows a passed challenge carries
   * the 3-D Secure authentication instead, as a card-on-file payment would.
   */
  async #awaitChallenge(merchant: Merchant, token: string, id: string, url: string, contractNumber: string, card: CardInput): Promise<SessionOutcome> {
    const { vault } = this.deps;
    const pending: PendingChallenge = {
      id,
      url,
      contractNumber,
      card: {
        type: card.type,
        expirationDate: card.expirationDate ?? '',
        panCipher: vault.encryptPan(card.number ?? ''),
        ...(card.cardholder ? { cardholder: card.cardholder } : {}),
      },
    };
    return retryOnConflict<SessionOutcome>(async () => {
      const current = await this.session(token, merchant.merchantId);
      if (!current) return { retry: false, value: { code: CODES.TOKEN_NOT_FOUND } };
      const waiting = awaitChallenge(current, pending);
      const committed = await this.deps.store.commit({ sessions: [{ next: waiting, expectedVersion: current.version }] });
      return committed.ok ? { retry: false, value: { code: CODES.CHALLENGE_REQUESTED, session: waiting, challenge: { url } } } : { retry: true };
    });
  }

  /** Authorizes the attempt in PROCESSING, then ends it with the acquirer's answer. */
  async #authorize(merchant: Merchant, session: WebSession, contractNumber: string, card: CardInput, auth: Authentication): Promise<SessionOutcome> {
    const authenticated = auth.enrolled === 'Y' && auth.status === 'Y' && auth.eci !== undefined;
    const complement = hasGiftCards(session);
    const recurring = session.recurring && this.recurringPayments;
    const outcome = await this.payments.createWithCard({
      merchant,
      kind: PaymentKind.AUTHORIZATION,
      terms: recurring
        ? { ...session.payment, mode: 'CPT', amount: firstDueAmount(session.recurring!), contractNumber }
        : { ...session.payment, amount: amountToPay(session), contractNumber },
      ...(complement ? { complement } : {}),
      ...(recurring ? { recurringMode: session.payment.mode as 'NX' | 'REC', commitWith: await recurring.sideEffects(merchant, session) } : {}),
      card,
      orderRef: session.orderRef,
      order: session.order,
      ...(session.buyer ? { buyer: session.buyer } : {}),
      ...(session.privateDataList !== undefined ? { privateDataList: session.privateDataList } : {}),
      token: session.token,
      threeDSecure: authenticated ? 'Y' : 'N',
      ...(authenticated ? { authentication: { xid: auth.id, eci: auth.eci!, ...(auth.cavv ? { cavv: auth.cavv } : {}) } } : {}),
    });
    const finished = await this.#finish(merchant, session.token, session, outcome);
    if (finished.session?.status !== SessionStatus.ACCEPTED || !finished.session.walletPayment?.saveRequested) return finished;
    return { ...finished, session: await this.#saveCard(merchant, finished.session, contractNumber, card) };
  }

  /**
   * "Save this card": the accepted attempt's card goes into the session's wallet, which is
   * created, owned by the buyer, when its walletId does not exist yet (seed 003). A card already
   * in the wallet is not saved twice (02521): the payment stands either way.
   */
  async #saveCard(merchant: Merchant, session: WebSession, contractNumber: string, card: CardInput): Promise<WebSession> {
    const wallet = session.walletPayment!;
    const buyer = session.buyer ?? {};
    const owner = Object.fromEntries(['lastName', 'firstName', 'email'].filter((k) => typeof buyer[k] === 'string').map((k) => [k, buyer[k] as string]));
    const saved = await this.wallets.addCard(merchant, { walletId: wallet.walletId, contractNumber, card, owner, create: 'if-missing' });
    return retryOnConflict<WebSession>(async () => {
      const current = (await this.session(session.token, merchant.merchantId)) ?? session;
      const { saveRequested: _done, ...rest } = current.walletPayment ?? wallet;
      const noted: WebSession['walletPayment'] = { ...rest, ...(saved.cardInd ? { savedCardInd: saved.cardInd } : {}), ...(saved.created ? { walletCreated: true } : {}) };
      const next = { ...current, version: current.version + 1, walletPayment: noted };
      const committed = await this.deps.store.commit({ sessions: [{ next, expectedVersion: current.version }] });
      return committed.ok ? { retry: false, value: next } : { retry: true };
    });
  }

  /**
   * The saved cards a doWebPayment with buyer.walletId offers: the wallet's active cards of the
   * offered contracts, not expired (a web wallet still shows those, to update their expiry);
   * none when the wallet does not exist or is disabled.
   */
  async savedCards(session: WebSession): Promise<SavedCard[]> {
    if (!session.walletPayment) return [];
    const wallet = await this.wallets.get(session.merchantId, session.walletPayment.walletId);
    const now = this.deps.clock.now();
    return wallet && !wallet.isDisabled ? wallet.cards.filter((c) => session.selectedContracts.includes(c.contractNumber) && !isExpired(c.expirationDate, now)) : [];
  }

  /**
   * An attempt with a saved card of the session's wallet: its PAN comes from the vault; the CVV is
   * asked again when the card's contract says `walletCvvRequired` (02305 without it), then it is
   * an attempt like any other (3-D Secure first).
   */
  async payWithSavedCard(merchant: Merchant, token: string, cardInd: string, cvx: string | undefined): Promise<SessionOutcome> {
    const session = await this.session(token, merchant.merchantId);
    if (!session || session.walletManagement) return { code: CODES.TOKEN_NOT_FOUND };
    const card = (await this.savedCards(session)).find((c) => c.cardInd === cardInd);
    if (!card) return { code: CODES.INVALID_CARD_INDEX, message: `cardInd ${cardInd} is not a saved card offered for this payment`, session };
    if (findContract(merchant, card.contractNumber)?.walletCvvRequired && cvx === undefined) {
      return { code: CODES.INVALID_FIELD, message: 'cvx is required for this saved card', session };
    }
    const number = this.deps.vault.decryptPan(card.panCipher);
    return this.pay(merchant, token, { number, type: card.type, expirationDate: card.expirationDate, ...(cvx !== undefined ? { cvx } : {}), ...(card.cardholder ? { cardholder: card.cardholder } : {}) }, { cardInd });
  }

  /** Ends the attempt in PROCESSING with `outcome` (the payment it made, if any). */
  async #finish(merchant: Merchant, token: string, session: WebSession, outcome: { code: string; message?: string; payment?: Payment }): Promise<SessionOutcome> {
    const newPaymentId = outcome.payment && outcome.payment.token === token ? outcome.payment.id : undefined;
    if (hasGiftCards(session) && isAcceptedCode(outcome.code) && outcome.payment && newPaymentId) {
      // The complementary payment is accepted: the gift cards are captured and the order ends with both parts.
      const settled = await this.giftCards.settle(session, outcome.payment);
      return { code: settled.code, ...(settled.session ? { session: settled.session } : {}), payment: outcome.payment };
    }
    const finished = await this.#endAttempt(merchant, token, session, outcome, newPaymentId);
    await this.#releaseIfUnpaid(finished.session);
    return finished;
  }

  /** A session that ended without payment (attempts exhausted, cancelled, expired) gives its gift cards' balance back. */
  async #releaseIfUnpaid(session: WebSession | undefined): Promise<void> {
    const ended = session && (session.status === SessionStatus.REFUSED || session.status === SessionStatus.CANCELLED || session.status === SessionStatus.EXPIRED);
    if (ended && hasGiftCards(session)) await this.giftCards.releaseAll(session);
  }

  #endAttempt(merchant: Merchant, token: string, session: WebSession, outcome: { code: string; message?: string; payment?: Payment }, newPaymentId: string | undefined): Promise<SessionOutcome> {
    return retryOnConflict<SessionOutcome>(async () => {
      const current = (await this.session(token, merchant.merchantId)) ?? session;
      const finished = finishAttempt(current, outcome.code, newPaymentId);
      // An attempt refused before any payment was made (3-D Secure failed, a duplicate order) says so itself.
      const events = newPaymentId || isAcceptedCode(outcome.code) ? [] : stampEvents(this.deps, session.merchantId, [attemptRefused(current, outcome.code)], this.deps.clock.now());
      const committed = await this.deps.store.commit({ sessions: [{ next: finished, expectedVersion: current.version }], ...(events.length > 0 ? { events } : {}) });
      if (!committed.ok) return { retry: true };
      return { retry: false, value: { code: outcome.code, ...(outcome.message ? { message: outcome.message } : {}), session: finished, ...(outcome.payment ? { payment: outcome.payment } : {}) } };
    });
  }

  /** The shopper cancels: 02319 from then on. */
  async cancel(merchant: Merchant, token: string): Promise<SessionOutcome> {
    const { deps } = this;
    return retryOnConflict<SessionOutcome>(async () => {
      const session = await this.session(token, merchant.merchantId);
      if (!session) return { retry: false, value: { code: CODES.TOKEN_NOT_FOUND } };
      const now = deps.clock.now();
      const step = cancelSession(session, now);
      if (!step.ok) return { retry: false, value: { code: step.code, session } };
      const committed = await deps.store.commit({
        sessions: [{ next: step.session, expectedVersion: session.version }],
        doneJobs: [sessionExpiryJob(session, session.expiresAt)],
        events: stampEvents(deps, session.merchantId, [{ type: 'payment.cancelled', data: { token, orderRef: session.orderRef, code: CODES.CANCELLED_BY_BUYER } }], now),
      });
      return committed.ok ? { retry: false, value: { code: CODES.CANCELLED_BY_BUYER, session: step.session } } : { retry: true };
    }).then(async (outcome) => (await this.#releaseIfUnpaid(outcome.code === CODES.CANCELLED_BY_BUYER ? outcome.session : undefined), outcome));
  }

  /** The session-expiry job: an open session past its time becomes EXPIRED and says so once. */
  async runExpiry(job: Job): Promise<void> {
    const { deps } = this;
    const settled = await this.#settleInterrupted(job);
    if (settled) return;
    const expiredSession = await retryOnConflict<WebSession | undefined>(async () => {
      const session = await deps.store.getSession(job.ref);
      const now = deps.clock.now();
      if (!session) return (await deps.store.commit({ doneJobs: [job] }), { retry: false, value: undefined });
      if (session.status === SessionStatus.PROCESSING && now < (session.attemptStartedAt ?? 0) + STALE_ATTEMPT_MS) {
        // An attempt is at the acquirer: look again once it must have finished.
        const later = sessionExpiryJob(session, (session.attemptStartedAt ?? now) + STALE_ATTEMPT_MS);
        return (await deps.store.commit({ jobs: [later] }), { retry: false, value: undefined });
      }
      const expired = expireSession(session, now);
      if (!expired) return (await deps.store.commit({ doneJobs: [job] }), { retry: false, value: undefined });
      const committed = await deps.store.commit({
        sessions: [{ next: expired, expectedVersion: session.version }],
        doneJobs: [job],
        events: stampEvents(deps, session.merchantId, [expiredEvent(session)], now),
      });
      return committed.ok ? { retry: false, value: expired } : { retry: true };
    });
    await this.#releaseIfUnpaid(expiredSession);
  }

  /**
   * A gift-card session the process left PROCESSING (it stopped between the complementary
   * payment's acceptance, or the shopper's confirmation, and the gift cards' capture) is paid:
   * the expiry job finishes it instead of expiring it, so neither the merchant nor the shopper
   * loses. Answers whether it did.
   */
  async #settleInterrupted(job: Job): Promise<boolean> {
    const { deps } = this;
    const session = await deps.store.getSession(job.ref);
    if (!session || session.status !== SessionStatus.PROCESSING || !hasGiftCards(session)) return false;
    if (deps.clock.now() < (session.attemptStartedAt ?? 0) + STALE_ATTEMPT_MS) return false;
    const complement = await this.#unsettledComplement(session);
    if (amountLeft(session) > 0 && !complement) return false;
    await this.giftCards.settle(session, complement);
    await deps.store.commit({ doneJobs: [job] });
    return true;
  }

  /** The accepted card payment of a gift-card session left PROCESSING whose gift cards were never captured, if any. */
  async #unsettledComplement(session: WebSession): Promise<Payment | undefined> {
    if (session.status !== SessionStatus.PROCESSING || !hasGiftCards(session)) return undefined;
    const made = await this.deps.store.searchPayments({ merchantId: session.merchantId, token: session.token, limit: 100 });
    return made.find((p) => isAcceptedCode(p.resultCode) && !p.giftCards && !p.giftCardPaymentId);
  }
}
