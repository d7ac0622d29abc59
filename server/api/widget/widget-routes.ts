import express, { type Request, type Response, type Router } from 'express';
import type { WebSession } from '../../core/web-session-types.js';
import { CODES } from '../../core/result-codes.js';
import type { Clock } from '../../core/clock.js';
import type { Merchant } from '../../merchants/merchant.js';
import type { MerchantDirectory } from '../../merchants/merchant-directory.js';
import type { ServiceSettings } from '../../service/deps.js';
import type { SessionOutcome, WebPaymentsService } from '../../service/web-payments-service.js';
import type { WebWalletsService } from '../../service/web-wallets-service.js';
import type { GiftCardOutcome, GiftCardsService } from '../../service/gift-cards-service.js';
import { GIFT_CARD_CODE, GIFT_CARD_NUMBER } from '../../core/gift-card.js';
import { validate } from '../schema/validate.js';
import { coded, flag, objectType } from '../schema/field.js';
import { authorizationOut, cardOut, compact, resultOut, transactionOut } from '../encode/payline-objects.js';
import { challengeStartUrl, giftCardOut, publicSession } from './public-session.js';
import { allowCaller, isGatewayOrigin, preflight } from './widget-origin.js';
import { walletRoutes } from './wallet-routes.js';
import { cvxSpec, widgetCard } from './widget-card.js';

/**
 * The token-scoped endpoints the widget calls (docs/WIDGET-PROTOCOL.md): read a session, pay it
 * with a card (one POST per attempt, from the gateway's own card-fields page only), cancel it,
 * and enter, remove or confirm gift cards.
 * The token is the only credential: 128 random bits, valid for one session. Reads, cancels and
 * gift cards answer CORS per the merchant's widgetOrigins.
 */
export interface WidgetRoutesOptions {
  merchants: MerchantDirectory;
  webPayments: WebPaymentsService;
  giftCards: GiftCardsService;
  webWallets: WebWalletsService;
  clock: Clock;
  timeZone: string;
  /** Read at each request: publicUrl is known once the gateway listens. */
  settings: Pick<ServiceSettings, 'publicUrl'>;
  /** The gateway runs the simulator (the session view says so). */
  sandbox: boolean;
}

export const TOKEN = /^[0-9a-f]{32}$/;

/** The pay body: the card; `saveCard` saves it into the session's wallet once accepted (buyer.walletId). */
const payRequest = objectType('payRequest', { card: widgetCard, saveCard: flag() }, ['card']);

/** The saved-card pay body. */
const savedCardPayRequest = objectType('paySavedCardRequest', { cardInd: coded(2, /^\d{1,2}$/, 'a card index'), cvx: cvxSpec }, ['cardInd']);

type PayBody = { card: Parameters<WebPaymentsService['pay']>[2]; saveCard?: boolean };

export function widgetRoutes(options: WidgetRoutesOptions): Router {
  const { merchants, webPayments, giftCards, webWallets, clock, timeZone, settings, sandbox } = options;
  const router = express.Router();
  const readJson = express.json({ limit: '8kb', strict: true, type: () => true });

  async function view(session: WebSession) {
    const payment = await webPayments.lastPayment(session);
    const complement = payment?.complementPaymentId ? await webPayments.payment(session, payment.complementPaymentId) : undefined;
    const cards = session.walletManagement ? (await webWallets.wallet(session))?.cards : await webPayments.savedCards(session);
    const context = { merchant: merchants.get(session.merchantId), payment, complement, now: clock.now(), timeZone, sandbox, publicUrl: settings.publicUrl };
    return publicSession(session, { ...context, ...(cards ? { cards } : {}) });
  }

  /** A gift-card answer: `result` (with `reason` when refused), the session, and what the step produced. */
  async function giftCardAnswer(res: Response, outcome: GiftCardOutcome, fallback: WebSession) {
    res.locals.resultCode = outcome.code;
    const payment = outcome.payment;
    res.json(
      compact({
        result: compact({ ...resultOut(outcome.code, outcome.message), reason: outcome.reason }),
        session: await view(outcome.session ?? fallback),
        giftCard: outcome.entry && giftCardOut(outcome.entry),
        transaction: payment ? transactionOut(payment, payment.operations[0]!, timeZone) : undefined,
      }),
    );
  }

  /** The token's session and merchant, CORS checked; otherwise the answer is sent (404 02304, or 403). */
  async function sessionFor(req: Request, res: Response): Promise<{ session: WebSession; merchant: Merchant } | undefined> {
    const token = String(req.params.token);
    const session = TOKEN.test(token) ? await webPayments.session(token) : undefined;
    const merchant = session && merchants.get(session.merchantId);
    if (!allowCaller(req, res, merchant, settings.publicUrl)) return undefined;
    if (!session || !merchant) {
      res.locals.resultCode = CODES.TOKEN_NOT_FOUND;
      res.status(404).json({ result: resultOut(CODES.TOKEN_NOT_FOUND) });
      return undefined;
    }
    return { session, merchant };
  }

  router.options(
    ['/widget/sessions/:token', '/widget/sessions/:token/cancel', '/widget/sessions/:token/gift-cards', '/widget/sessions/:token/gift-cards/:id', '/widget/sessions/:token/pay-saved-card'],
    async function preflightSession(req, res) {
      if (await sessionFor(req, res)) preflight(res);
    },
  );

  router.get('/widget/sessions/:token', async function readSession(req, res) {
    const found = await sessionFor(req, res);
    if (found) res.json(await view(found.session));
  });

  router.post('/widget/sessions/:token/pay', readJson, async function pay(req, res) {
    const origin = req.get('origin');
    if (origin !== undefined && !isGatewayOrigin(req, origin, settings.publicUrl)) {
      res.status(403).json({ error: { status: 403, message: 'cards are posted by the gateway’s card fields only' } });
      return;
    }
    const found = await sessionFor(req, res);
    if (!found) return;
    const checked = validate(payRequest, req.body);
    if (!checked.ok) {
      res.locals.resultCode = CODES.INVALID_FIELD;
      res.json({ result: resultOut(CODES.INVALID_FIELD, checked.message), session: await view(found.session) });
      return;
    }
    const body = checked.value as PayBody;
    await answerPay(res, found.session, await webPayments.pay(found.merchant, found.session.token, body.card, { saveCard: body.saveCard === true }));
  });

  /** A pay answer: the result, the payment's transaction, authorization and masked card, the session, a challenge. */
  async function answerPay(res: Response, session: WebSession, outcome: SessionOutcome): Promise<void> {
    res.locals.resultCode = outcome.code;
    const payment = outcome.payment;
    res.json(
      compact({
        result: resultOut(outcome.code, outcome.message),
        transaction: payment ? transactionOut(payment, payment.operations[0]!, timeZone) : undefined,
        authorization: payment ? authorizationOut(payment, timeZone) : undefined,
        card: payment ? cardOut(payment) : undefined,
        session: await view(outcome.session ?? session),
        challenge: outcome.challenge && { url: challengeStartUrl(settings.publicUrl, session.token) },
      }),
    );
  }

  /**
   * Pays with a saved card of the session's wallet (buyer.walletId): `{cardInd, cvx?}`. A CVV is
   * card data: a body carrying one is taken from the gateway's card-fields page only (403 from
   * elsewhere); without one, the merchant page's widget calls it (CORS).
   */
  router.post('/widget/sessions/:token/pay-saved-card', readJson, async function paySavedCard(req, res) {
    const origin = req.get('origin');
    const checked = validate(savedCardPayRequest, req.body);
    if (checked.ok && checked.value.cvx !== undefined && origin !== undefined && !isGatewayOrigin(req, origin, settings.publicUrl)) {
      res.status(403).json({ error: { status: 403, message: 'a CVV is posted by the gateway’s card fields only' } });
      return;
    }
    const found = await sessionFor(req, res);
    if (!found) return;
    if (!checked.ok) {
      res.locals.resultCode = CODES.INVALID_FIELD;
      res.json({ result: resultOut(CODES.INVALID_FIELD, checked.message), session: await view(found.session) });
      return;
    }
    const { cardInd, cvx } = checked.value as { cardInd: string; cvx?: string };
    await answerPay(res, found.session, await webPayments.payWithSavedCard(found.merchant, found.session.token, cardInd, cvx));
  });

  router.post('/widget/sessions/:token/cancel', async function cancel(req, res) {
    const found = await sessionFor(req, res);
    if (!found) return;
    // A web-wallet session is cancelled with 02536 (WEBWALLET), a payment session with 02319 (WEBTRS).
    const outcome = found.session.walletManagement ? await webWallets.cancel(found.merchant, found.session.token) : await webPayments.cancel(found.merchant, found.session.token);
    res.locals.resultCode = outcome.code;
    res.json({ result: resultOut(outcome.code, outcome.message), session: await view(outcome.session ?? found.session) });
  });

  router.post('/widget/sessions/:token/gift-cards/confirm', async function confirmGiftCards(req, res) {
    const found = await sessionFor(req, res);
    if (!found) return;
    await giftCardAnswer(res, await giftCards.confirm(found.merchant, found.session.token), found.session);
  });

  router.post('/widget/sessions/:token/gift-cards', readJson, async function addGiftCard(req, res) {
    const found = await sessionFor(req, res);
    if (!found) return;
    const body = (req.body ?? {}) as { number?: unknown; code?: unknown };
    // Malformed input is refused before the processor is asked: nothing is reserved.
    if (typeof body.number !== 'string' || !GIFT_CARD_NUMBER.test(body.number)) {
      await giftCardAnswer(res, { code: CODES.INVALID_FIELD, reason: 'invalid-number', message: 'number must be the gift card number, 16 to 19 digits' }, found.session);
      return;
    }
    if (typeof body.code !== 'string' || !GIFT_CARD_CODE.test(body.code)) {
      await giftCardAnswer(res, { code: CODES.INVALID_FIELD, reason: 'invalid-code', message: 'code must be the gift card secret code, 4 to 8 digits' }, found.session);
      return;
    }
    await giftCardAnswer(res, await giftCards.add(found.merchant, found.session.token, { number: body.number, code: body.code }), found.session);
  });

  router.delete('/widget/sessions/:token/gift-cards/:id', async function removeGiftCard(req, res) {
    const found = await sessionFor(req, res);
    if (!found) return;
    await giftCardAnswer(res, await giftCards.remove(found.merchant, found.session.token, String(req.params.id)), found.session);
  });

  router.use(walletRoutes({ webWallets, sessionFor, view, readJson, publicUrl: () => settings.publicUrl }));
  return router;
}
