import { PaymentKind, type Payment } from '../core/payment.js';
import { duplicateOrderKey, paidBy } from '../core/new-payment.js';
import { CODES, isAcceptedCode } from '../core/result-codes.js';
import { SessionStatus, type PendingChallenge, type WebSession } from '../core/web-session-types.js';
import { awaitChallenge, cancelSession, expireSession, finishAttempt, resumeChallenge, STALE_ATTEMPT_MS, startAttempt } from '../core/web-session.js';
import type { Authentication } from '../connectors/three-d-secure.js';
import type { Merchant } from '../merchants/merchant.js';
import type { Job } from '../store/store.js';
import { checkCard, type CardInput } from './card-input.js';
import { inferCardType } from './card-type.js';
import { termUrlFor } from './challenge-return.js';
import { retryOnConflict, stampEvents } from './commit.js';
import type { ServiceDeps } from './deps.js';
import { checkPaymentTerms, type PaymentTerms } from './payment-terms.js';
import type { PaymentsService } from './payments-service.js';
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

/** `challenge`: 3-D Secure asks the shopper to authenticate on that page first (03101). */
export type SessionOutcome = { code: string; message?: string; session?: WebSession; payment?: Payment; challenge?: { url: string } };

const EXPIRY_JOB = 'session-expiry';

function expiryJob(session: WebSession, at: number): Job {
  return { id: `${EXPIRY_JOB}:${session.token}`, type: EXPIRY_JOB, at, merchantId: session.merchantId, ref: session.token };
}

/** The event of an attempt refused before any payment was made. */
function attemptRefused(session: WebSession, code: string) {
  return { type: 'payment.refused', data: { token: session.token, orderRef: session.orderRef, code } };
}

export class WebPaymentsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly payments: PaymentsService,
    /** NX and REC sessions: the first due date here, the others from the wallet. */
    private readonly recurringPayments?: RecurringWebPayments,
  ) {}

  /** doWebPayment. */
  async create(request: NewSessionRequest): Promise<SessionOutcome & { redirectURL?: string }> {
    const { deps } = this;
    const now = deps.clock.now();
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
    const payment = paidBy(await deps.store.getClaim(dupKey, now));
    if (payment) return { code: CODES.DUPLICATE, message: `order ${request.orderRef} was already paid by transaction ${payment}` };

    const session: WebSession = {
      token: deps.ids.token(),
      merchantId: request.merchant.merchantId,
      version: 1,
      status: SessionStatus.WAITING,
      createdAt: now,
      expiresAt: now + deps.settings.sessionTtlMs,
      attempts: 0,
      maxAttempts: deps.settings.maxAttempts,
      paymentIds: [],
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
      returnURL: request.returnURL,
      cancelURL: request.cancelURL,
      ...(request.notificationURL ? { notificationURL: request.notificationURL } : {}),
      ...(request.languageCode ? { languageCode: request.languageCode } : {}),
      ...(request.buyer ? { buyer: request.buyer } : {}),
      ...(request.privateDataList !== undefined ? { privateDataList: request.privateDataList } : {}),
      ...(recurring ? { recurring, walletId: request.walletId! } : {}),
    };
    const committed = await deps.store.commit({ sessions: [{ next: session, expectedVersion: null }], jobs: [expiryJob(session, session.expiresAt)] });
    if (!committed.ok) throw new Error(`could not commit new session: ${committed.conflict} conflict`);
    return { code: CODES.ACCEPTED, session, redirectURL: `${deps.settings.publicUrl}/webpayment/?token=${session.token}` };
  }

  /** The session of a token for its merchant (another merchant's token is unknown: 02304). */
  async session(token: string, merchantId?: string): Promise<WebSession | undefined> {
    const session = await this.deps.store.getSession(token);
    return session && (merchantId === undefined || session.merchantId === merchantId) ? session : undefined;
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
  async pay(merchant: Merchant, token: string, card: Omit<CardInput, 'type'> & { type?: string }): Promise<SessionOutcome> {
    const { deps } = this;
    const first = await this.session(token, merchant.merchantId);
    if (!first) return { code: CODES.TOKEN_NOT_FOUND };
    const type = card.type ?? inferCardType(card.number ?? '', merchant, first.selectedContracts);
    if (!type) return { code: CODES.INVALID_FIELD, message: 'card.number is not a card accepted for this payment' };
    const contract = merchant.contracts.find((c) => first.selectedContracts.includes(c.contractNumber) && c.cardTypes.includes(type));
    if (!contract) return { code: CODES.INVALID_FIELD, message: `card.type ${type} is not accepted for this payment`, session: first };
    const checked = checkCard({ ...card, type });
    if (!checked.ok) return { ...checked, session: first };

    // One attempt at a time: the session moves to PROCESSING before the issuer or the acquirer is asked.
    const started = await retryOnConflict<SessionOutcome>(async () => {
      const session = await this.session(token, merchant.merchantId);
      if (!session) return { retry: false, value: { code: CODES.TOKEN_NOT_FOUND } };
      const step = startAttempt(session, deps.clock.now());
      if (!step.ok) return { retry: false, value: { code: step.code, session } };
      const committed = await deps.store.commit({ sessions: [{ next: step.session, expectedVersion: session.version }] });
      return committed.ok ? { retry: false, value: { code: CODES.ACCEPTED, session: step.session } } : { retry: true };
    });
    if (started.code !== CODES.ACCEPTED || !started.session) return started;
    const session = started.session;

    const typed = { ...card, type };
    const auth = await deps.threeDSecure.checkEnrollment({
      merchantId: merchant.merchantId,
      merchantName: merchant.name,
      amount: session.payment.amount,
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
    const recurring = session.recurring && this.recurringPayments;
    const outcome = await this.payments.createWithCard({
      merchant,
      kind: PaymentKind.AUTHORIZATION,
      terms: recurring
        ? { ...session.payment, mode: 'CPT', amount: firstDueAmount(session.recurring!), contractNumber }
        : { ...session.payment, contractNumber },
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
    return this.#finish(merchant, session.token, session, outcome);
  }

  /** Ends the attempt in PROCESSING with `outcome` (the payment it made, if any). */
  #finish(merchant: Merchant, token: string, session: WebSession, outcome: { code: string; message?: string; payment?: Payment }): Promise<SessionOutcome> {
    const newPaymentId = outcome.payment && outcome.payment.token === token ? outcome.payment.id : undefined;
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
        doneJobs: [expiryJob(session, session.expiresAt).id],
        events: stampEvents(deps, session.merchantId, [{ type: 'payment.cancelled', data: { token, orderRef: session.orderRef, code: CODES.CANCELLED_BY_BUYER } }], now),
      });
      return committed.ok ? { retry: false, value: { code: CODES.CANCELLED_BY_BUYER, session: step.session } } : { retry: true };
    });
  }

  /** The session-expiry job: an open session past its time becomes EXPIRED and says so once. */
  async runExpiry(job: Job): Promise<void> {
    const { deps } = this;
    await retryOnConflict<void>(async () => {
      const session = await deps.store.getSession(job.ref);
      const now = deps.clock.now();
      if (!session) return (await deps.store.commit({ doneJobs: [job.id] }), { retry: false, value: undefined });
      if (session.status === SessionStatus.PROCESSING && now < (session.attemptStartedAt ?? 0) + STALE_ATTEMPT_MS) {
        // An attempt is at the acquirer: look again once it must have finished.
        const later = expiryJob(session, (session.attemptStartedAt ?? now) + STALE_ATTEMPT_MS);
        return (await deps.store.commit({ jobs: [later] }), { retry: false, value: undefined });
      }
      const expired = expireSession(session, now);
      if (!expired) return (await deps.store.commit({ doneJobs: [job.id] }), { retry: false, value: undefined });
      const committed = await deps.store.commit({
        sessions: [{ next: expired, expectedVersion: session.version }],
        doneJobs: [job.id],
        events: stampEvents(deps, session.merchantId, [{ type: 'session.expired', data: { token: session.token, orderRef: session.orderRef, code: CODES.SESSION_EXPIRED } }], now),
      });
      return committed.ok ? { retry: false, value: undefined } : { retry: true };
    });
  }
}
