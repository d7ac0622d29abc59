import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { CODES } from '../../core/result-codes.js';
import type { WebSession } from '../../core/web-session-types.js';
import type { Merchant } from '../../merchants/merchant.js';
import type { WalletSessionOutcome, WebWalletsService } from '../../service/web-wallets-service.js';
import { compact, resultOut } from '../encode/payline-objects.js';
import { coded, objectType } from '../schema/field.js';
import { validate } from '../schema/validate.js';
import { isGatewayOrigin, preflight } from './widget-origin.js';
import { expirationDateSpec, widgetCard } from './widget-card.js';

/**
 * The MANAGE_WEB_WALLET endpoints of a web-wallet session's token (docs/WIDGET-PROTOCOL.md "Web
 * wallets"): add a card (from the gateway's card-fields page only, as /pay), update a card's
 * expiry, remove a card, make one the default, be done. Each answers `{result, session,
 * cardInd?}`: 02500 when the change is made, else the wallet's code (02518, 02521…), 02305 naming
 * the field, or the session's end (02536, 02535…).
 */
export interface WalletRoutesOptions {
  webWallets: WebWalletsService;
  sessionFor(req: Request, res: Response): Promise<{ session: WebSession; merchant: Merchant } | undefined>;
  view(session: WebSession): Promise<unknown>;
  readJson: RequestHandler;
  publicUrl: () => string;
}

const addCardRequest = objectType('addCardRequest', { card: widgetCard }, ['card']);
const expiryRequest = objectType('expiryRequest', { expirationDate: expirationDateSpec }, ['expirationDate']);
const CARD_IND = coded(2, /^\d{1,2}$/, 'a card index');
const cardIndPath = objectType('cardIndPath', { cardInd: CARD_IND }, ['cardInd']);

type CardAction = 'expiry' | 'remove' | 'default';

export function walletRoutes(options: WalletRoutesOptions): Router {
  const { webWallets, sessionFor, view, readJson, publicUrl } = options;
  const router = express.Router();
  const base = '/widget/sessions/:token/wallet';

  async function answer(res: Response, session: WebSession, outcome: WalletSessionOutcome): Promise<void> {
    res.locals.resultCode = outcome.code;
    res.json(compact({ result: resultOut(outcome.code, outcome.message), session: await view(outcome.session ?? session), cardInd: outcome.cardInd }));
  }

  async function refuse(res: Response, session: WebSession, message: string): Promise<void> {
    await answer(res, session, { code: CODES.INVALID_FIELD, message });
  }

  router.options([`${base}/finish`, `${base}/cards/:cardInd/:action`], async function preflightWallet(req, res) {
    if (await sessionFor(req, res)) preflight(res);
  });

  router.post(`${base}/cards`, readJson, async function addCard(req, res) {
    const origin = req.get('origin');
    if (origin !== undefined && !isGatewayOrigin(req, origin, publicUrl())) {
      res.status(403).json({ error: { status: 403, message: 'cards are posted by the gateway’s card fields only' } });
      return;
    }
    const found = await sessionFor(req, res);
    if (!found) return;
    const checked = validate(addCardRequest, req.body);
    if (!checked.ok) return refuse(res, found.session, checked.message);
    const card = checked.value.card as Parameters<WebWalletsService['addCard']>[2];
    await answer(res, found.session, await webWallets.addCard(found.merchant, found.session.token, card));
  });

  router.post(`${base}/cards/:cardInd/:action`, readJson, async function changeCard(req, res) {
    const found = await sessionFor(req, res);
    if (!found) return;
    const action = String(req.params.action) as CardAction;
    if (!['expiry', 'remove', 'default'].includes(action)) {
      res.status(404).json({ error: { status: 404, message: 'not found' } });
      return;
    }
    const path = validate(cardIndPath, { cardInd: req.params.cardInd });
    if (!path.ok) return refuse(res, found.session, path.message);
    const cardInd = String(Number(path.value.cardInd));
    const { merchant, session } = found;
    if (action === 'remove') return answer(res, session, await webWallets.removeCard(merchant, session.token, cardInd));
    if (action === 'default') return answer(res, session, await webWallets.setDefault(merchant, session.token, cardInd));
    const body = validate(expiryRequest, req.body ?? {});
    if (!body.ok) return refuse(res, session, body.message);
    await answer(res, session, await webWallets.updateExpiry(merchant, session.token, cardInd, body.value.expirationDate as string));
  });

  router.post(`${base}/finish`, async function finish(req, res) {
    const found = await sessionFor(req, res);
    if (found) await answer(res, found.session, await webWallets.finish(found.merchant, found.session.token));
  });

  return router;
}
