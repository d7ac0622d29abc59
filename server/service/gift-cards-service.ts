import {
  amountLeft,
  GIFT_CARD_TYPE,
  giftCardAllowance,
  hasGiftCards,
  maskGiftCardNumber,
  withGiftCard,
  withoutGiftCard,
  type GiftCardEntry,
  type GiftCardPart,
} from '../core/gift-card.js';
import { createPayment, duplicateOrderKey, DUPLICATE_WINDOW_MS } from '../core/new-payment.js';
import { PaymentKind, type JsonValue, type Payment } from '../core/payment.js';
import { CODES } from '../core/result-codes.js';
import { SessionStatus, type WebSession } from '../core/web-session-types.js';
import { acceptOrder, checkWaiting, STALE_ATTEMPT_MS, startConfirmation } from '../core/web-session.js';
import type { GiftCardProcessor, GiftCardProcessorContract } from '../connectors/gift-card.js';
import { giftCardContract, type Contract, type GiftCardTerms, type Merchant } from '../merchants/merchant.js';
import { retryOnConflict, stampEvents } from './commit.js';
import type { ServiceDeps } from './deps.js';

/**
 * Gift cards in a web payment (Carte Cadeau Carrefour, seed 004; docs/WIDGET-PROTOCOL.md):
 * the shopper enters cards, each one's amount is reserved at the processor; the order is paid
 * when the cards cover it (confirm) or when the complementary card payment is accepted, and
 * only then are the reservations captured. A session that ends unpaid releases them; a
 * reservation also lapses on its own shortly after its session, so a process that stops in
 * between never keeps a shopper's balance.
 */
export type GiftCardOutcome = { code: string; reason?: string; message?: string; session?: WebSession; entry?: GiftCardEntry; payment?: Payment };

/**
 * A reservation outlives its session by this much: a card attempt that started just before the
 * session's end may still be accepted (and its gift cards captured) until it goes stale.
 */
export const RESERVATION_MARGIN_MS = STALE_ATTEMPT_MS + 3 * 60 * 1000;

type GiftContract = Contract & { giftCard: GiftCardTerms };

function processorContract(contract: GiftContract): GiftCardProcessorContract {
  const { processorContractNumber, contractType, acceptsDiscounted } = contract.giftCard;
  return { processorContractNumber, contractType, acceptsDiscounted };
}

export class GiftCardsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly processor: GiftCardProcessor,
  ) {}

  async #session(token: string, merchantId: string): Promise<WebSession | undefined> {
    const session = await this.deps.store.getSession(token);
    return session && session.merchantId === merchantId ? session : undefined;
  }

  /** A gift card entered by the shopper: its balance checked, the amount it pays reserved. */
  async add(merchant: Merchant, token: string, card: { number: string; code: string }): Promise<GiftCardOutcome> {
    const { deps } = this;
    const numberHash = deps.vault.hashPan(card.number);
    return retryOnConflict<GiftCardOutcome>(async () => {
      const session = await this.#session(token, merchant.merchantId);
      if (!session) return { retry: false, value: { code: CODES.TOKEN_NOT_FOUND } };
      const contract = giftCardContract(merchant, session.selectedContracts);
      if (!contract) return { retry: false, value: { code: CODES.INVALID_CONTRACT, message: 'no gift-card contract is offered for this payment', session } };
      const now = deps.clock.now();
      const open = checkWaiting(session, now);
      if (!open.ok) return { retry: false, value: { code: open.code, session } };
      const allowance = giftCardAllowance(session, numberHash, contract.giftCard.maxAmount);
      if (!allowance.ok) return { retry: false, value: { code: allowance.code, reason: allowance.reason, message: allowance.message, session } };

      const reservationId = `res_${deps.ids.token()}`;
      const reserved = await this.processor.reserve({
        contract: processorContract(contract),
        card,
        currency: session.payment.currency,
        upTo: allowance.upTo,
        reservationId,
        expiresAt: session.expiresAt + RESERVATION_MARGIN_MS,
        now,
      });
      if (!reserved.ok) return { retry: false, value: { code: CODES.GIFT_CARD_REFUSED, reason: reserved.reason, session } };
      const entry: GiftCardEntry = {
        id: `gc${session.version}`,
        maskedNumber: maskGiftCardNumber(card.number),
        numberCipher: deps.vault.encryptPan(card.number),
        numberHash,
        reservationId,
        initialBalance: reserved.balance,
        amount: reserved.amount,
        // The balance could have paid more, but the per-basket maximum stops it: the rest goes to the card.
        ...(allowance.capped && reserved.amount === allowance.upTo ? { capped: true } : {}),
      };
      const next = withGiftCard(session, contract.contractNumber, entry);
      const committed = await deps.store.commit({ sessions: [{ next, expectedVersion: session.version }] });
      if (committed.ok) return { retry: false, value: { code: CODES.ACCEPTED, session: next, entry } };
      // The session moved meanwhile (another card, a cancel): give this reservation back and judge again.
      await this.processor.release({ number: card.number, reservationId, now });
      return { retry: true };
    });
  }

  /** The shopper removes a gift card: the entry goes first, then its reservation is released. */
  async remove(merchant: Merchant, token: string, id: string): Promise<GiftCardOutcome> {
    const { deps } = this;
    const removed = await retryOnConflict<GiftCardOutcome>(async () => {
      const session = await this.#session(token, merchant.merchantId);
      if (!session) return { retry: false, value: { code: CODES.TOKEN_NOT_FOUND } };
      const open = checkWaiting(session, deps.clock.now());
      if (!open.ok) return { retry: false, value: { code: open.code, session } };
      const entry = session.giftCards?.entries.find((e) => e.id === id);
      if (!entry) return { retry: false, value: { code: CODES.INVALID_FIELD, reason: 'unknown-entry', message: `id: no gift card ${id} in this session`, session } };
      const next = withoutGiftCard(session, id);
      const committed = await deps.store.commit({ sessions: [{ next, expectedVersion: session.version }] });
      return committed.ok ? { retry: false, value: { code: CODES.ACCEPTED, session: next, entry } } : { retry: true };
    });
    if (removed.entry) await this.#release([removed.entry]);
    const { entry: _entry, ...outcome } = removed;
    return outcome;
  }

  /** The gift cards cover the whole amount and the shopper confirms: they are captured, the order is paid. */
  async confirm(merchant: Merchant, token: string): Promise<GiftCardOutcome> {
    const { deps } = this;
    const started = await retryOnConflict<GiftCardOutcome>(async () => {
      const session = await this.#session(token, merchant.merchantId);
      if (!session) return { retry: false, value: { code: CODES.TOKEN_NOT_FOUND } };
      if (!hasGiftCards(session) || amountLeft(session) > 0) {
        const left = amountLeft(session);
        return { retry: false, value: { code: CODES.INVALID_FIELD, reason: 'amount-left', message: `${left} is left to pay by card: the gift cards do not cover the whole amount`, session } };
      }
      const step = startConfirmation(session, deps.clock.now());
      if (!step.ok) return { retry: false, value: { code: step.code, session } };
      const committed = await deps.store.commit({ sessions: [{ next: step.session, expectedVersion: session.version }] });
      return committed.ok ? { retry: false, value: { code: CODES.ACCEPTED, session: step.session } } : { retry: true };
    });
    if (started.code !== CODES.ACCEPTED || !started.session) return started;
    return this.settle(started.session, undefined);
  }

  /**
   * The order is paid: the gift cards' reservations are captured, then the gift-card transaction
   * is committed with the session's end and one payment.accepted for the order (both parts).
   * Safe to run again (the captures are idempotent), e.g. by the expiry job after a stop.
   */
  async settle(session: WebSession, complement: Payment | undefined): Promise<GiftCardOutcome> {
    const { deps } = this;
    const { merchantId } = session;
    const entries = session.giftCards?.entries ?? [];
    if (entries.length === 0) throw new Error(`session ${session.token} has no gift card to settle`);
    const parts: GiftCardPart[] = [];
    for (const entry of entries) {
      const captured = await this.processor.capture({ number: deps.vault.decryptPan(entry.numberCipher), reservationId: entry.reservationId, now: deps.clock.now() });
      // Reservations outlive their session (RESERVATION_MARGIN_MS): a lapsed one pays nothing, and the part says so.
      const amount = captured.ok ? captured.amount : 0;
      const balance = captured.ok ? captured.balance : entry.initialBalance;
      parts.push({ maskedNumber: entry.maskedNumber, initialBalance: balance + amount, finalBalance: balance, paymentAmount: amount });
    }
    const id = deps.ids.transactionId();
    return retryOnConflict<GiftCardOutcome>(async () => {
      const current = (await this.#session(session.token, merchantId)) ?? session;
      if (current.status === SessionStatus.ACCEPTED) return { retry: false, value: { code: CODES.ACCEPTED, session: current } };
      const now = deps.clock.now();
      const first = entries[0]!;
      const { payment, events } = createPayment({
        id,
        merchantId,
        contractNumber: current.giftCards?.contractNumber ?? current.payment.contractNumber,
        kind: PaymentKind.AUTHORIZATION,
        action: 101,
        mode: 'CPT',
        amount: parts.reduce((sum, p) => sum + p.paymentAmount, 0),
        currency: current.payment.currency,
        code: CODES.ACCEPTED,
        now,
        orderRef: current.orderRef,
        order: current.order,
        card: { maskedNumber: first.maskedNumber, type: GIFT_CARD_TYPE, expirationDate: '', panHash: first.numberHash, panCipher: first.numberCipher },
        ...(current.buyer ? { buyer: current.buyer } : {}),
        ...(current.privateDataList !== undefined ? { privateDataList: current.privateDataList } : {}),
        token: current.token,
      });
      const giftPayment: Payment = { ...payment, giftCards: parts, ...(complement ? { complementPaymentId: complement.id } : {}) };
      const latestComplement = complement && (await deps.store.getPayment(merchantId, complement.id));
      const linked = latestComplement ? [{ next: { ...latestComplement, giftCardPaymentId: id, version: latestComplement.version + 1 }, expectedVersion: latestComplement.version }] : [];
      const next = acceptOrder(current, complement ? [complement.id, id] : [id]);
      // The order, for its whole amount, is paid: a new session for it answers 02001 (unless another payment already holds it).
      const dupKey = duplicateOrderKey(merchantId, current.orderRef, current.payment.amount, current.payment.currency);
      const orderFree = (await deps.store.getClaim(merchantId, dupKey, now)) === undefined;
      const committed = await deps.store.commit({
        payments: [{ next: giftPayment, expectedVersion: null }, ...linked],
        claims: orderFree ? [{ merchantId, key: dupKey, value: id, expiresAt: now + DUPLICATE_WINDOW_MS }] : [],
        sessions: [{ next, expectedVersion: current.version }],
        events: stampEvents(deps, merchantId, events, now).map((e) => ({ ...e, data: { ...e.data, ...orderData(current, parts, complement) } })),
      });
      return committed.ok ? { retry: false, value: { code: CODES.ACCEPTED, session: next, payment: giftPayment } } : { retry: true };
    });
  }

  /** Gives back every reservation of a session that ended unpaid (refused, cancelled, expired). */
  async releaseAll(session: WebSession): Promise<void> {
    await this.#release(session.giftCards?.entries ?? []);
  }

  async #release(entries: readonly GiftCardEntry[]): Promise<void> {
    const { deps } = this;
    for (const entry of entries) {
      await this.processor.release({ number: deps.vault.decryptPan(entry.numberCipher), reservationId: entry.reservationId, now: deps.clock.now() });
    }
  }
}

/** What payment.accepted says of an order paid with gift cards: both parts, so one event serves the order. */
function orderData(session: WebSession, parts: readonly GiftCardPart[], complement: Payment | undefined): { [key: string]: JsonValue } {
  return {
    orderAmount: session.payment.amount,
    giftCards: parts.map((p) => ({ maskedNumber: p.maskedNumber, amount: p.paymentAmount, initialBalance: p.initialBalance, finalBalance: p.finalBalance })),
    ...(complement ? { complement: { transactionId: complement.id, amount: complement.amount, cardType: complement.card.type } } : {}),
  };
}
