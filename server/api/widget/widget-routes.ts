import express, { type Request, type Response, type Router } from 'express';
import { SessionStatus, type WebSession } from '../../core/web-session-types.js';
import { visibleSessionStatus } from '../../core/web-session.js';
import { CODES } from '../../core/result-codes.js';
import type { Clock } from '../../core/clock.js';
import type { MerchantDirectory } from '../../merchants/merchant-directory.js';
import type { WebPaymentsService } from '../../service/web-payments-service.js';
import { validate } from '../schema/validate.js';
import { object, objectType } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import { cardOut, compact, resultOut, transactionOut } from '../encode/payline-objects.js';

/**
 * The token-scoped endpoints the widget calls: read a session, pay it with a card (one POST per
 * attempt), cancel it. The token is the only credential: 128 random bits, valid for one session.
 */
export interface WidgetRoutesOptions {
  merchants: MerchantDirectory;
  webPayments: WebPaymentsService;
  clock: Clock;
  timeZone: string;
}

const TOKEN = /^[0-9a-f]{32}$/;
/** The pay body: the card, with `type` optional (the gateway infers it from the number). */
const cardWithOptionalType = objectType('payRequest', {
  card: object({ ...schema.card, fields: schema.card.fields.map((f) => (f.name === 'type' ? { ...f, required: false } : f)) }),
}, ['card']);

/** The session as the widget may see it: no buyer, no private data, no card. */
function publicSession(session: WebSession, merchants: MerchantDirectory, now: number) {
  const merchant = merchants.get(session.merchantId);
  const state = visibleSessionStatus(session, now);
  return {
    token: session.token,
    state,
    merchantName: merchant?.name ?? '',
    amount: session.payment.amount,
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
  };
}

export function widgetRoutes(options: WidgetRoutesOptions): Router {
  const { merchants, webPayments, clock, timeZone } = options;
  const router = express.Router();
  const readJson = express.json({ limit: '8kb', strict: true, type: () => true });

  async function sessionOr404(req: Request, res: Response): Promise<WebSession | undefined> {
    const token = String(req.params.token);
    const session = TOKEN.test(token) ? await webPayments.session(token) : undefined;
    if (!session) res.status(404).json({ result: resultOut(CODES.TOKEN_NOT_FOUND) });
    return session;
  }

  router.get('/widget/sessions/:token', async function readSession(req, res) {
    const session = await sessionOr404(req, res);
    if (session) res.json(publicSession(session, merchants, clock.now()));
  });

  router.post('/widget/sessions/:token/pay', readJson, async function pay(req, res) {
    const session = await sessionOr404(req, res);
    if (!session) return;
    const checked = validate(cardWithOptionalType, req.body);
    if (!checked.ok) {
      res.locals.resultCode = CODES.INVALID_FIELD;
      res.json({ result: resultOut(CODES.INVALID_FIELD, checked.message) });
      return;
    }
    const merchant = merchants.get(session.merchantId)!;
    const outcome = await webPayments.pay(merchant, session.token, (checked.value as { card: Parameters<WebPaymentsService['pay']>[2] }).card);
    res.locals.resultCode = outcome.code;
    const latest = outcome.session ?? session;
    const payment = outcome.payment;
    res.json(
      compact({
        result: resultOut(outcome.code, outcome.message),
        transaction: payment ? transactionOut(payment, payment.operations[0]!, timeZone) : undefined,
        card: payment ? cardOut(payment) : undefined,
        session: publicSession(latest, merchants, clock.now()),
      }),
    );
  });

  router.post('/widget/sessions/:token/cancel', async function cancel(req, res) {
    const session = await sessionOr404(req, res);
    if (!session) return;
    const outcome = await webPayments.cancel(merchants.get(session.merchantId)!, session.token);
    res.locals.resultCode = outcome.code;
    res.json({ result: resultOut(outcome.code, outcome.message), session: publicSession(outcome.session ?? session, merchants, clock.now()) });
  });

  return router;
}
