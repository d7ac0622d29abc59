import express, { type Router } from 'express';
import { fromAcceptLanguage, toLanguage } from '../../core/language.js';
import type { MerchantDirectory } from '../../merchants/merchant-directory.js';
import type { ServiceSettings } from '../../service/deps.js';
import type { WebPaymentsService } from '../../service/web-payments-service.js';
import { newNonce, originOf, sendPage, sendScript } from '../../http/page-security.js';
import { TOKEN } from '../widget/widget-routes.js';
import { hostedPage, messagePage, withPaylineToken } from './hosted-page.js';
import { CHALLENGE_COMPLETE_SCRIPT, CHALLENGE_START_SCRIPT, HOSTED_PAGE_SCRIPT } from './page-scripts.js';
import { pageTexts } from './page-texts.js';

/**
 * The hosted payment page at doWebPayment's redirectURL, `/webpayment/?token=…`, and the
 * scripts of the gateway's pages. An unknown token gets a 404 page; a finished or expired
 * session still shows the widget, which shows its final state.
 */
export interface HostedPageRoutesOptions {
  merchants: MerchantDirectory;
  webPayments: WebPaymentsService;
  settings: Pick<ServiceSettings, 'publicUrl'>;
}

export function hostedPageRoutes(options: HostedPageRoutesOptions): Router {
  const { merchants, webPayments } = options;
  // Strict: /webpayment (redirected) and /webpayment/ (the page) are two routes.
  const router = express.Router({ strict: true });

  router.get('/webpayment/hosted-page.js', (_req, res) => sendScript(res, HOSTED_PAGE_SCRIPT));
  router.get('/webpayment/challenge-start.js', (_req, res) => sendScript(res, CHALLENGE_START_SCRIPT));
  router.get('/webpayment/challenge-complete.js', (_req, res) => sendScript(res, CHALLENGE_COMPLETE_SCRIPT));

  router.get('/webpayment', (req, res) => {
    const query = req.originalUrl.indexOf('?');
    res.redirect(301, `/webpayment/${query >= 0 ? req.originalUrl.slice(query) : ''}`);
  });

  router.get('/webpayment/', async function showHostedPage(req, res) {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const session = TOKEN.test(token) ? await webPayments.session(token) : undefined;
    const merchant = session && merchants.get(session.merchantId);
    const texts = pageTexts(toLanguage(session?.languageCode) ?? fromAcceptLanguage(req.get('accept-language')));
    const nonce = newNonce();
    const styles = { 'style-src': [`'nonce-${nonce}'`] };
    if (!session || !merchant) return sendPage(res, messagePage(texts, nonce, texts.unknownPayment), styles, 'no-store', 404);
    const logoOrigin = merchant.logoURL ? originOf(merchant.logoURL) : undefined;
    const page = hostedPage(
      {
        token,
        shopName: merchant.name,
        ...(merchant.logoURL ? { logoURL: merchant.logoURL } : {}),
        returnHref: withPaylineToken(session.returnURL, token),
        cancelHref: withPaylineToken(session.cancelURL, token),
        nonce,
      },
      texts,
    );
    sendPage(res, page, {
      'script-src': ["'self'", `'nonce-${nonce}'`],
      'style-src': ["'self'", `'nonce-${nonce}'`],
      'connect-src': ["'self'"],
      'img-src': ["'self'", 'data:', ...(logoOrigin ? [logoOrigin] : [])],
      'font-src': ["'self'"],
      'frame-src': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    });
  });

  return router;
}
