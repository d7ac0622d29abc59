import { firstDueAmount } from '../../core/billing-schedule.js';
import type { Payment } from '../../core/payment.js';
import { CODES } from '../../core/result-codes.js';
import { SessionStatus, type WebSession } from '../../core/web-session-types.js';
import { visibleSessionStatus } from '../../core/web-session.js';
import { findContract, giftCardContract, type Merchant } from '../../merchants/merchant.js';
import { amountLeft, coveredAmount, MAX_GIFT_CARDS, type GiftCardEntry } from '../../core/gift-card.js';
import { walletActions } from '../../core/web-wallet-session.js';
import type { SavedCard } from '../../service/wallet-cards.js';
import { authorizationOut, cardOut, compact, resultOut, transactionOut } from '../encode/payline-objects.js';

/**
 * The session as the widget may see it (docs/WIDGET-PROTOCOL.md): no buyer, no private data,
 * never a clear card. `result` is the last attempt's (or the session's end); the last payment's
 * transaction, authorization and masked card are there for the ticket; `challenge` while a
 * 3-D Secure challenge waits for the shopper; `giftCards` when a gift-card contract is offered, and
 * `complement` (the card that paid the rest) once an order paid with gift cards is accepted.
 */
export interface ViewContext {
  merchant: Merchant | undefined;
  /** The session's last payment, if any. */
  payment: Payment | undefined;
  /** The complementary card payment when `payment` is a gift-card transaction. */
  complement?: Payment | undefined;
  now: number;
  timeZone: string;
  /** The gateway runs the simulator: no real money moves. */
  sandbox: boolean;
  publicUrl: string;
  /** The wallet's active cards: those offered to pay (buyer.walletId), or those a web-wallet session manages. */
  cards?: readonly SavedCard[];
}

/** A saved card as the widget shows it: masked; `cvxRequired` when its contract asks the CVV again to pay with it. */
function savedCardView(card: SavedCard, merchant: Merchant | undefined) {
  return compact({
    cardInd: card.cardInd,
    number: card.maskedNumber,
    type: card.type,
    expirationDate: card.expirationDate,
    cardholder: card.cardholder,
    isDefault: card.isDefault,
    cvxRequired: merchant ? findContract(merchant, card.contractNumber)?.walletCvvRequired === true : false,
  });
}

/**
 * The wallet part of the view: a web-wallet session's (its operation, the actions it offers, the
 * card it updates, the cards) or a payment's with buyer.walletId (the cards to pay with; a new
 * card may be saved).
 */
function walletView(session: WebSession, context: ViewContext) {
  const cards = (context.cards ?? []).map((card) => savedCardView(card, context.merchant));
  const management = session.walletManagement;
  if (management) {
    const shown = management.cardInd ? cards.filter((c) => c.cardInd === management.cardInd) : cards;
    return compact({ walletId: management.walletId, operation: management.operation, actions: walletActions(management), cardInd: management.cardInd, changes: management.changes, cards: shown });
  }
  return session.walletPayment ? { walletId: session.walletPayment.walletId, cards, saveCard: true } : undefined;
}

/** The page that starts a session's challenge (api/widget/challenge-routes.ts), as the widget shows it. */
export function challengeStartUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/widget/sessions/${token}/challenge`;
}

function shopOf(merchant: Merchant | undefined) {
  return compact({ name: merchant?.name ?? '', logoURL: merchant?.logoURL, theme: merchant?.theme });
}

/** One gift card as the widget shows it: never its number, only the last 4 digits. */
export function giftCardOut(entry: GiftCardEntry) {
  return compact({
    id: entry.id,
    maskedNumber: entry.maskedNumber,
    initialBalance: entry.initialBalance,
    amount: entry.amount,
    remainingBalance: entry.initialBalance - entry.amount,
    capped: entry.capped,
  });
}

/** `giftCards` of the view: present when the session offers a gift-card contract. */
function giftCardsOut(session: WebSession, merchant: Merchant | undefined) {
  const contract = merchant && giftCardContract(merchant, session.selectedContracts);
  if (!contract) return undefined;
  const entries = session.giftCards?.entries ?? [];
  return {
    contractNumber: contract.contractNumber,
    maxAmount: contract.giftCard.maxAmount,
    maxCards: MAX_GIFT_CARDS,
    entries: entries.map(giftCardOut),
    coveredAmount: coveredAmount(session),
    amountLeft: amountLeft(session),
  };
}

export function publicSession(session: WebSession, context: ViewContext) {
  const { merchant, payment, now, timeZone } = context;
  const state = visibleSessionStatus(session, now);
  // A session seen past its expiry ends with 02324 even before the expiry job stored it.
  const code = state === SessionStatus.EXPIRED ? CODES.SESSION_EXPIRED : session.lastResultCode;
  const challenge = state === SessionStatus.AUTHENTICATING ? { url: challengeStartUrl(context.publicUrl, session.token) } : undefined;
  return compact({
    token: session.token,
    state,
    merchantName: merchant?.name ?? '',
    // NX and REC: what the shopper pays now, the first due date.
    amount: session.recurring ? firstDueAmount(session.recurring) : session.payment.amount,
    currency: session.payment.currency,
    orderRef: session.orderRef,
    contracts: (merchant?.contracts ?? [])
      .filter((c) => session.selectedContracts.includes(c.contractNumber))
      .map((c) => ({ contractNumber: c.contractNumber, cardTypes: c.cardTypes, label: c.label ?? c.contractNumber })),
    attempts: session.attempts,
    attemptsLeft: state === SessionStatus.WAITING ? Math.max(session.maxAttempts - session.attempts, 0) : 0,
    expiresAt: new Date(session.expiresAt).toISOString(),
    languageCode: session.languageCode ?? null,
    returnURL: session.returnURL,
    cancelURL: session.cancelURL,
    sandbox: context.sandbox,
    shop: shopOf(merchant),
    result: code ? resultOut(code) : undefined,
    transaction: payment ? transactionOut(payment, payment.operations[0]!, timeZone) : undefined,
    authorization: payment ? authorizationOut(payment, timeZone) : undefined,
    card: payment ? cardOut(payment) : undefined,
    challenge,
    giftCards: giftCardsOut(session, merchant),
    complement: context.complement ? { transaction: transactionOut(context.complement, context.complement.operations[0]!, timeZone), card: cardOut(context.complement), amount: context.complement.amount } : undefined,
    wallet: walletView(session, context),
  });
}
