import { currencyByNumeric } from '../core/money.js';
import { PaymentKind, type JsonValue, type Payment } from '../core/payment.js';
import { createPayment, duplicateOrderKey, DUPLICATE_WINDOW_MS, paidBy, PENDING_HOLD } from '../core/new-payment.js';
import { CODES, isAcceptedCode } from '../core/result-codes.js';
import { checkReauthorizable, decideCapture, decideRefund, decideReset, type Decision, type EventDraft, type OperationRequest } from '../core/transaction-state.js';
import type { AcquirerAnswer, AcquirerAuthentication } from '../connectors/acquirer.js';
import type { Merchant } from '../merchants/merchant.js';
import type { Change, Job, JobRef, PaymentSearch } from '../store/store.js';
import { checkCard, type CardInput } from './card-input.js';
import { retryOnConflict, stampEvents } from './commit.js';
import type { ServiceDeps } from './deps.js';
import { checkPaymentTerms, deferredCaptureJob, paymentMode, type PaymentTerms } from './payment-terms.js';

/**
 * The direct payment operations (doAuthorization, doCapture, doReset, doRefund,
 * doReAuthorization, doDebit, doCredit): check, ask the acquirer when needed, let the core
 * decide, commit the payment and its events in one step.
 */

/** What a payment operation answers: a Payline code, and the payment it concerns when there is one. */
export interface PaymentOutcome {
  code: string;
  message?: string;
  payment?: Payment;
  /** The transaction the answer is about (a capture, a refund…); the payment's own id otherwise. */
  transactionId?: string;
}

export interface NewPaymentRequest {
  merchant: Merchant;
  kind: PaymentKind;
  terms: PaymentTerms;
  card: CardInput;
  orderRef: string;
  order: { [key: string]: JsonValue };
  buyer?: { [key: string]: JsonValue };
  privateDataList?: JsonValue;
  /** doDebit: the authorization obtained elsewhere. */
  authorizationNumber?: string;
  /** Set by the web-payment service. */
  token?: string;
  /** doReAuthorization: the payment this one renews. */
  originPaymentId?: string;
  /** transaction.threeDSecure: Y when authenticated (then `authentication` goes to the acquirer). Default N. */
  threeDSecure?: 'Y' | 'N';
  authentication?: AcquirerAuthentication;
  /**
   * The complementary card payment of an order paid partly with gift cards: accepted, it says
   * nothing itself — the order's one payment.accepted comes with the gift cards' capture.
   */
  complement?: boolean;
  /** The stored payment.mode when it is a due date of a payment record (the terms are checked as CPT). */
  recurringMode?: 'NX' | 'REC';
  /** A due date of a payment record: its order is paid again on purpose, so it is no duplicate. */
  dueDateOf?: string;
  /** Added to the payment's event data. */
  eventData?: EventDraft['data'];
  /**
   * More to commit with the new payment, in the same atomic step (a payment record's update).
   * Called again, to read afresh, when a record it writes has moved since.
   */
  commitWith?: (payment: Payment) => PaymentSideEffects | Promise<PaymentSideEffects>;
}

/** Where a follow-up named by one transaction really goes, or why it cannot. */
type Redirect = { transactionId: string } | { refused: PaymentOutcome } | undefined;

/**
 * An order paid with gift cards refunds its complementary card payment only (seed 004), whichever
 * of its two transactions is named; without one: 02703.
 */
function toComplement(named: Payment): Redirect {
  if (!named.giftCards) return undefined;
  if (named.complementPaymentId) return { transactionId: named.complementPaymentId };
  return { refused: { code: CODES.ACTION_NOT_ALLOWED, message: `order ${named.orderRef} was paid by gift cards only: nothing can be refunded`, payment: named } };
}

/** What a caller commits together with a new payment. */
export interface PaymentSideEffects {
  records?: Change['records'];
  jobs?: Job[];
  doneJobs?: JobRef[];
  events?: EventDraft[];
}

/** How long a hold lasts if its request dies at the acquirer (longer than any acquirer timeout). */
const PENDING_HOLD_MS = 5 * 60 * 1000;
/** How many times the side effects of a new payment are decided again after version conflicts. */
const MAX_SIDE_EFFECT_ATTEMPTS = 20;

export class PaymentsService {
  constructor(private readonly deps: ServiceDeps) {}

  /** doAuthorization, doDebit, doCredit and a web-payment attempt: a new payment with a card. */
  async createWithCard(request: NewPaymentRequest): Promise<PaymentOutcome> {
    const { deps } = this;
    const now = deps.clock.now();
    const terms = checkPaymentTerms(request.merchant, request.terms, request.card.type, now, deps.settings.timeZone);
    if (!terms.ok) return terms;
    const card = checkCard(request.card);
    if (!card.ok) return card;

    const dupKey = duplicateOrderKey(request.merchant.merchantId, request.orderRef, request.terms.amount, request.terms.currency);
    // A credit pays no order, and a re-authorization renews one on purpose: neither is a duplicate.
    const guardsOrder = request.kind !== PaymentKind.CREDIT && !request.originPaymentId && !request.dueDateOf;
    const id = deps.ids.transactionId();
    if (guardsOrder) {
      const refused = await this.#holdOrder(request.merchant.merchantId, dupKey, id, now);
      if (refused) return refused;
    }
    const acquirerRequest = {
      merchantId: request.merchant.merchantId,
      contractNumber: request.terms.contractNumber,
      amount: request.terms.amount,
      currency: request.terms.currency,
      card: card.acquirerCard,
      transactionId: id,
      now,
      ...(request.terms.softDescriptor ? { softDescriptor: request.terms.softDescriptor } : {}),
      ...(request.authentication ? { authentication: request.authentication } : {}),
    };
    let answer: AcquirerAnswer;
    try {
      if (request.kind === PaymentKind.DEBIT) answer = await deps.acquirer.debit({ ...acquirerRequest, authorizationNumber: request.authorizationNumber ?? '' });
      else if (request.kind === PaymentKind.CREDIT) answer = await deps.acquirer.credit(acquirerRequest);
      else answer = await deps.acquirer.authorize(acquirerRequest);
    } catch (error) {
      if (guardsOrder) await deps.store.commit({ releaseClaims: [{ merchantId: request.merchant.merchantId, key: dupKey, value: PENDING_HOLD + id }] });
      throw error;
    }

    const answeredAt = deps.clock.now();
    const { payment, events } = createPayment({
      id,
      merchantId: request.merchant.merchantId,
      contractNumber: request.terms.contractNumber,
      kind: request.kind,
      action: request.terms.action,
      mode: request.recurringMode ?? paymentMode(request.terms),
      ...(request.terms.differedActionDate ? { differedActionDate: request.terms.differedActionDate } : {}),
      amount: request.terms.amount,
      currency: request.terms.currency,
      code: answer.code,
      ...(answer.authorizationNumber ? { authorizationNumber: answer.authorizationNumber } : {}),
      now: answeredAt,
      orderRef: request.orderRef,
      order: request.order,
      card: card.storedCard(deps.vault),
      ...(request.buyer ? { buyer: request.buyer } : {}),
      ...(request.privateDataList !== undefined ? { privateDataList: request.privateDataList } : {}),
      ...(request.terms.softDescriptor ? { softDescriptor: request.terms.softDescriptor } : {}),
      ...(request.token ? { token: request.token } : {}),
      ...(request.originPaymentId ? { originPaymentId: request.originPaymentId } : {}),
      ...(request.threeDSecure ? { threeDSecure: request.threeDSecure } : {}),
      ...(request.eventData ? { eventData: request.eventData } : {}),
    });
    const accepted = isAcceptedCode(answer.code);
    // The order's hold becomes the accepted payment's claim, or is given up after a refusal.
    const claims = accepted && guardsOrder ? [{ merchantId: payment.merchantId, key: dupKey, value: id, expiresAt: answeredAt + DUPLICATE_WINDOW_MS }] : [];
    const jobs: Job[] = accepted && request.terms.action === 101 && terms.deferredCaptureAt !== undefined ? [deferredCaptureJob(payment, terms.deferredCaptureAt)] : [];
    const stamped = stampEvents(deps, payment.merchantId, events, answeredAt);
    for (let attempt = 1; ; attempt++) {
      const more = (await request.commitWith?.(payment)) ?? {};
      const committed = await deps.store.commit({
        payments: [{ next: payment, expectedVersion: null }],
        releaseClaims: guardsOrder ? [{ merchantId: payment.merchantId, key: dupKey, value: PENDING_HOLD + id }] : [],
        claims,
        jobs: [...jobs, ...(more.jobs ?? [])],
        ...(more.records ? { records: more.records } : {}),
        ...(more.doneJobs ? { doneJobs: more.doneJobs } : {}),
        events: [...(request.complement ? stamped.filter((e) => e.type !== 'payment.accepted') : stamped), ...stampEvents(deps, payment.merchantId, more.events ?? [], answeredAt)],
      });
      if (committed.ok) break;
      // A record written with the payment moved meanwhile: its side is decided again on a fresh read,
      // so that the payment the acquirer made is never dropped for it.
      if (committed.conflict === 'version' && request.commitWith && attempt < MAX_SIDE_EFFECT_ATTEMPTS) continue;
      // Our hold lapsed while the acquirer was slow, and another request paid the order.
      const original = await this.#duplicateOf(request.merchant.merchantId, dupKey, answeredAt);
      if (original) return original;
      throw new Error(`could not commit new payment ${id}: ${committed.conflict} conflict on ${committed.key}`);
    }
    return { code: answer.code, payment, transactionId: id };
  }

  /**
   * Holds the order before the acquirer is asked, so that two requests for the same order never
   * both reach the bank: the second gets 02002 while the first is in flight, 01913 once it is paid.
   */
  async #holdOrder(merchantId: string, dupKey: string, id: string, now: number): Promise<PaymentOutcome | undefined> {
    const held = await this.deps.store.commit({ claims: [{ merchantId, key: dupKey, value: `${PENDING_HOLD}${id}`, expiresAt: now + PENDING_HOLD_MS }] });
    if (held.ok) return undefined;
    const holder = await this.deps.store.getClaim(merchantId, dupKey, now);
    const pending: PaymentOutcome = { code: CODES.DUPLICATE_PENDING, message: 'another request for this order is in progress' };
    if (paidBy(holder) === undefined) return pending;
    return (await this.#duplicateOf(merchantId, dupKey, now)) ?? pending;
  }

  async #duplicateOf(merchantId: string, dupKey: string, now: number): Promise<PaymentOutcome | undefined> {
    const originalId = paidBy(await this.deps.store.getClaim(merchantId, dupKey, now));
    if (!originalId) return undefined;
    const original = await this.deps.store.getPayment(merchantId, originalId);
    if (!original) return undefined;
    return {
      code: CODES.DUPLICATED_TRANSACTION,
      message: `order ${original.orderRef} was already paid by transaction ${original.id}`,
      payment: { ...original, isDuplicated: true },
      transactionId: original.id,
    };
  }

  /** doCapture (201). */
  async capture(merchant: Merchant, transactionId: string, request: Omit<OperationRequest, 'operationId' | 'now'>): Promise<PaymentOutcome> {
    return unknownCurrency(request.currency, 'payment.currency') ?? this.#followUp(merchant, transactionId, request, decideCapture, undefined, 'payment.currency');
  }

  /** doReset (its currency is a top-level field). */
  async reset(merchant: Merchant, transactionId: string, request: Omit<OperationRequest, 'operationId' | 'now'>): Promise<PaymentOutcome> {
    return unknownCurrency(request.currency, 'currency') ?? this.#followUp(merchant, transactionId, request, decideReset, undefined, 'currency');
  }

  /**
   * doRefund (421). An order paid with gift cards refunds its complementary card payment only
   * (seed 004), whichever of its two transactions is named; without one: 02703.
   */
  async refund(merchant: Merchant, transactionId: string, request: Omit<OperationRequest, 'operationId' | 'now'>): Promise<PaymentOutcome> {
    return unknownCurrency(request.currency, 'payment.currency') ?? this.#followUp(merchant, transactionId, request, decideRefund, undefined, 'payment.currency', toComplement);
  }

  /** Read, decide, commit; again from the read when another request committed first. */
  async #followUp(
    merchant: Merchant,
    transactionId: string,
    request: Omit<OperationRequest, 'operationId' | 'now'>,
    decide: (payment: Payment, request: OperationRequest) => Decision,
    doneJob?: JobRef,
    currencyField = 'payment.currency',
    redirect?: (named: Payment) => Redirect,
  ): Promise<PaymentOutcome> {
    const { deps } = this;
    const operationId = deps.ids.transactionId();
    return retryOnConflict<PaymentOutcome>(async () => {
      let payment = await deps.store.getPayment(merchant.merchantId, transactionId);
      const redirected = payment && redirect?.(payment);
      if (redirected && 'refused' in redirected) return { retry: false, value: redirected.refused };
      if (redirected) payment = await deps.store.getPayment(merchant.merchantId, redirected.transactionId);
      if (!payment) return { retry: false, value: { code: CODES.TRANSACTION_NOT_FOUND, message: `transaction ${transactionId} does not exist` } };
      const now = deps.clock.now();
      const decision = decide(payment, { ...request, operationId, now });
      if (!decision.ok) {
        const message = decision.message ?? currencyMessage(decision.code, currencyField, payment);
        return { retry: false, value: { code: decision.code, ...(message ? { message } : {}), payment } };
      }
      const committed = await deps.store.commit({
        payments: [{ next: decision.payment, expectedVersion: payment.version }],
        events: stampEvents(deps, payment.merchantId, decision.events, now),
        ...(doneJob ? { doneJobs: [doneJob] } : {}),
      });
      if (!committed.ok) return { retry: true };
      return { retry: false, value: { code: CODES.ACCEPTED, payment: decision.payment, transactionId: operationId } };
    });
  }

  /** The deferred-capture job of a DIF payment: captures what is left, if anything is. */
  async runDeferredCapture(merchant: Merchant, job: Job): Promise<PaymentOutcome> {
    const outcome = await this.#followUp(merchant, job.ref, {}, decideCapture, job);
    // Nothing left to capture (reset, already captured, expired): the job is done all the same.
    if (outcome.code !== CODES.ACCEPTED) await this.deps.store.commit({ doneJobs: [job] });
    return outcome;
  }

  /**
   * doReAuthorization (202): a new authorization on the card of an earlier one, to renew its
   * validity (seed 003). The card comes from the vault; no CVV is asked (it is never stored).
   */
  async reauthorize(
    merchant: Merchant,
    transactionId: string,
    request: { amount: number; currency: number; action: number; mode: string; differedActionDate?: string; orderRef?: string; order?: { [key: string]: JsonValue } },
  ): Promise<PaymentOutcome> {
    const { deps } = this;
    const invalidCurrency = unknownCurrency(request.currency, 'payment.currency');
    if (invalidCurrency) return invalidCurrency;
    const original = await deps.store.getPayment(merchant.merchantId, transactionId);
    if (!original) return { code: CODES.TRANSACTION_NOT_FOUND, message: `transaction ${transactionId} does not exist` };
    if (original.giftCards) return { code: CODES.ACTION_NOT_ALLOWED, message: `a re-authorization is not allowed on gift-card transaction ${original.id}`, payment: original };
    const allowed = checkReauthorizable(original, request.currency);
    if (!allowed.ok) {
      const message = allowed.message ?? currencyMessage(allowed.code, 'payment.currency', original);
      return { code: allowed.code, ...(message ? { message } : {}), payment: original };
    }
    const outcome = await this.createWithCard({
      merchant,
      kind: PaymentKind.AUTHORIZATION,
      terms: {
        amount: request.amount,
        currency: request.currency,
        action: request.action,
        mode: request.mode,
        contractNumber: original.contractNumber,
        ...(request.differedActionDate ? { differedActionDate: request.differedActionDate } : {}),
      },
      card: {
        number: deps.vault.decryptPan(original.card.panCipher),
        type: original.card.type,
        expirationDate: original.card.expirationDate,
        ...(original.card.cardholder ? { cardholder: original.card.cardholder } : {}),
      },
      orderRef: request.orderRef ?? original.orderRef,
      order: request.order ?? original.order,
      originPaymentId: original.id,
    });
    return outcome;
  }

  /** Payments of an order ref, newest first. */
  byOrderRef(merchant: Merchant, orderRef: string): Promise<Payment[]> {
    return this.deps.store.findPaymentsByOrderRef(merchant.merchantId, orderRef);
  }

  /** transactionsSearch. */
  search(search: PaymentSearch): Promise<Payment[]> {
    return this.deps.store.searchPayments(search);
  }

  /** getTransactionDetails: the payment a transaction id belongs to. */
  async details(merchant: Merchant, transactionId: string): Promise<Payment | undefined> {
    return this.deps.store.getPayment(merchant.merchantId, transactionId);
  }
}

/**
 * A follow-up's currency that is no ISO 4217 currency is bad input (02305, as doAuthorization
 * answers), named by its field; a real currency other than the transaction's is 02620.
 */
function unknownCurrency(currency: number | undefined, field: string): PaymentOutcome | undefined {
  if (currency === undefined || currencyByNumeric(currency)) return undefined;
  return { code: CODES.INVALID_FIELD, message: `${field} ${currency} is not an ISO 4217 currency` };
}

/** 02620's longMessage, naming the field and the currency expected. */
function currencyMessage(code: string, field: string, payment: Payment): string | undefined {
  return code === CODES.CURRENCY_DIFFERS ? `${field} must be ${payment.currency}, the currency of transaction ${payment.id}` : undefined;
}
