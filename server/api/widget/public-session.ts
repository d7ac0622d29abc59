import { firstDueAmount } from '../../core/billing-schedule.js';
import type { Payment } from '../../core/payment.js';
import { CODES } from '../../core/result-codes.js';
import { SessionStatus, type WebSession } from '../../core/web-session-types.js';
import { visibleSessionStatus } from '../../core/web-session.js';
import type { Merchant } from '../../merchants/merchant.js';
import { authorizationOut, cardOut, compact, resultOut, transactionOut } from '../encode/payline-objects.js';

/**
 * The session as the widget may see it (docs/WIDGET-PROTOCOL.md): no buyer, no private data,
 * never a clear card. `result` is the last attempt's (or the session's end); the last payment's
 * transaction, authorization and masked card are there for the ticket; `challenge` while a
 * 3-D Secure challenge waits for the shopper.
 */
export interface ViewContext {
  merchant: Merchant | undefined;
  /** The session's last payment, if any. */
  payment: Payment | undefined;
  now: number;
  timeZone: string;
  /** The gateway runs the simulator: no real money moves. */
  sandbox: boolean;
  publicUrl: string;
}

/** The page that starts a session's challenge (api/widget/challenge-routes.ts), as the widget shows it. */
export function challengeStartUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/widget/sessions/${token}/challenge`;
}

function shopOf(merchant: Merchant | undefined) {
  return compact({ name: merchant?.name ?? '', logoURL: merchant?.logoURL, theme: merchant?.theme });
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
  });
}
