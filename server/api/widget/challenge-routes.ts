import express, { type Request, type Response, type Router } from 'express';
import { toLanguage } from '../../core/language.js';
import { SessionStatus, type WebSession } from '../../core/web-session-types.js';
import { visibleSessionStatus } from '../../core/web-session.js';
import type { Clock } from '../../core/clock.js';
import type { Merchant } from '../../merchants/merchant.js';
import type { MerchantDirectory } from '../../merchants/merchant-directory.js';
import { isWebOrigin } from '../../merchants/widget-origins.js';
import { termUrlFor, type ChallengeReturn } from '../../service/challenge-return.js';
import type { ServiceSettings } from '../../service/deps.js';
import type { WebPaymentsService } from '../../service/web-payments-service.js';
import { newNonce, originOf, sendPage, type CspDirectives } from '../../http/page-security.js';
import { challengeStartPage, messagePage, withPaylineToken } from '../pages/hosted-page.js';
import { pageTexts, type PageTexts } from '../pages/page-texts.js';
import { mayEmbed } from './widget-origin.js';
import { TOKEN } from './widget-routes.js';

/**
 * A web payment's 3-D Secure challenge, from the gateway's side (docs/WIDGET-PROTOCOL.md):
 * - `GET /widget/sessions/{token}/challenge?origin=…|returnURL=…`, the URL the pay answer
 *   gives: posts the shopper on to the ACS (PaReq style: TermUrl and MD), the TermUrl carrying
 *   where to go afterwards; once the challenge is over it shows the end page at once;
 * - `POST /widget/sessions/{token}/3ds-return`, that TermUrl: the ACS posts PaRes and MD here;
 *   the held attempt is authorized or refused, then the end page: `origin` → postMessage
 *   `guichet:3ds-complete` to the merchant page framing the challenge; `returnURL` → back to
 *   that page with `paylinetoken`; neither → the hosted payment page.
 * `origin` and `returnURL` must be the merchant's (or the gateway's) each time: they ride in URLs.
 */
export interface ChallengeRoutesOptions {
  merchants: MerchantDirectory;
  webPayments: WebPaymentsService;
  clock: Clock;
  settings: Pick<ServiceSettings, 'publicUrl'>;
}

const readForm = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 10 });

export function challengeRoutes(options: ChallengeRoutesOptions): Router {
  const { merchants, webPayments, clock, settings } = options;
  const router = express.Router();

  /** The session of the URL's token and its merchant, else a 404 page is sent. */
  async function sessionOf(req: Request, res: Response, texts: (session?: WebSession) => PageTexts) {
    const token = String(req.params.token);
    const session = TOKEN.test(token) ? await webPayments.session(token) : undefined;
    const merchant = session && merchants.get(session.merchantId);
    if (session && merchant) return { session, merchant };
    const nonce = newNonce();
    sendPage(res, messagePage(texts(), nonce, texts().unknownPayment), { 'style-src': [`'nonce-${nonce}'`] }, 'no-store', 404);
    return undefined;
  }

  /** `?origin=` or `?returnURL=` checked against the merchant; a string says what is wrong. */
  function returnOf(req: Request, merchant: Merchant): ChallengeReturn | string {
    const origin = typeof req.query.origin === 'string' ? req.query.origin : undefined;
    const returnURL = typeof req.query.returnURL === 'string' ? req.query.returnURL : undefined;
    if (origin !== undefined && returnURL !== undefined) return 'give origin or returnURL, not both';
    if (origin !== undefined) return isWebOrigin(origin) && mayEmbed(req, merchant, origin, settings.publicUrl) ? { origin } : 'origin is not allowed for this payment';
    if (returnURL === undefined) return {};
    const target = originOf(returnURL);
    return target && mayEmbed(req, merchant, target, settings.publicUrl) ? { returnURL } : 'returnURL is not on an origin allowed for this payment';
  }

  /** The end of the challenge: tells the framing page, or goes on to the return page. */
  function sendEnd(res: Response, token: string, to: ChallengeReturn, texts: PageTexts): void {
    const nonce = newNonce();
    const data: Record<string, string> =
      'origin' in to ? { origin: to.origin, token } : { href: 'returnURL' in to ? withPaylineToken(to.returnURL, token) : `${settings.publicUrl}/webpayment/?token=${token}` };
    const csp: CspDirectives = { 'style-src': [`'nonce-${nonce}'`], 'script-src': [`'nonce-${nonce}'`], 'frame-ancestors': ['origin' in to ? to.origin : "'none'"] };
    sendPage(res, messagePage(texts, nonce, texts.authenticationDone, { id: 'guichet-3ds-complete', data, script: '/webpayment/challenge-complete.js' }), csp);
  }

  router.get('/widget/sessions/:token/challenge', async function startChallenge(req, res) {
    const textsOf = (session?: WebSession) => pageTexts(toLanguage(session?.languageCode));
    const found = await sessionOf(req, res, textsOf);
    if (!found) return;
    const { session, merchant } = found;
    const to = returnOf(req, merchant);
    if (typeof to === 'string') return void res.status(403).type('text/plain').send(to);
    const texts = textsOf(session);
    const pending = session.pendingChallenge;
    if (visibleSessionStatus(session, clock.now()) !== SessionStatus.AUTHENTICATING || !pending) return sendEnd(res, session.token, to, texts);
    const nonce = newNonce();
    const acsOrigin = originOf(pending.url);
    sendPage(res, challengeStartPage({ acsUrl: pending.url, termUrl: termUrlFor(settings.publicUrl, session.token, to), md: session.token, nonce }, texts), {
      'style-src': [`'nonce-${nonce}'`],
      'script-src': [`'nonce-${nonce}'`],
      'form-action': ["'self'", ...(acsOrigin ? [acsOrigin] : [])],
      'frame-ancestors': ['origin' in to ? to.origin : "'none'"],
    });
  });

  router.post('/widget/sessions/:token/3ds-return', readForm, async function challengeReturned(req, res) {
    const found = await sessionOf(req, res, (session) => pageTexts(toLanguage(session?.languageCode)));
    if (!found) return;
    const { session, merchant } = found;
    const pares = (req.body as Record<string, unknown> | undefined)?.PaRes;
    if (typeof pares !== 'string' || pares.length === 0 || pares.length > 8000) return void res.status(400).type('text/plain').send('PaRes is required (at most 8000 characters)');
    const to = returnOf(req, merchant);
    if (typeof to === 'string') return void res.status(403).type('text/plain').send(to);
    const outcome = await webPayments.completeChallenge(merchant, session.token, pares);
    res.locals.resultCode = outcome.code;
    sendEnd(res, session.token, to, pageTexts(toLanguage(session.languageCode)));
  });

  return router;
}
