import { html, type SafeHtml } from '../../http/html.js';
import type { PageTexts } from './page-texts.js';

/**
 * The hosted payment page (doWebPayment's redirectURL): <guichet-checkout> full-page, then the
 * way back to the merchant, returnURL or cancelURL with `paylinetoken` (payline-api.md §6.1).
 */
export interface HostedPageData {
  token: string;
  shopName: string;
  logoURL?: string;
  returnHref: string;
  cancelHref: string;
  nonce: string;
}

const STYLE = `
  html, body { margin: 0; min-height: 100%; font: 16px/1.5 system-ui, sans-serif; background: #f3f5f7; color: #1d2630; }
  header { display: flex; align-items: center; gap: .75rem; max-width: 40rem; margin: 0 auto; padding: 1.25rem 1rem .5rem; }
  header img { max-height: 2.5rem; max-width: 8rem; }
  header h1 { font-size: 1.25rem; margin: 0; }
  main { max-width: 40rem; margin: 0 auto; padding: 0 1rem; }
  footer { max-width: 40rem; margin: 1rem auto; padding: 0 1rem; }
  footer a { display: inline-block; padding: .6rem 1.2rem; border-radius: 6px; background: #0b5394; color: #fff; text-decoration: none; }
  footer a[hidden] { display: none; }
`;

/** The <head> of every gateway page: no referrer, the style and module scripts under the CSP nonce. */
function pageHead(title: string, nonce: string, scripts: readonly string[] = []): SafeHtml {
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style nonce="${nonce}">${STYLE}</style>
${scripts.map((src) => html`<script type="module" nonce="${nonce}" src="${src}"></script>`)}</head>`;
}

export function hostedPage(data: HostedPageData, texts: PageTexts): string {
  const { nonce } = data;
  return html`<!doctype html>
<html lang="${texts.lang}">
${pageHead(`${texts.title}: ${data.shopName}`, nonce, ['/widget/guichet.js', '/webpayment/hosted-page.js'])}
<body>
<header>${data.logoURL ? html`<img src="${data.logoURL}" alt="">` : undefined}<h1>${data.shopName}</h1></header>
<main><guichet-checkout token="${data.token}" locale="${texts.lang}" nonce="${nonce}"></guichet-checkout></main>
<footer>
<a id="guichet-return" href="${data.returnHref}" hidden>${texts.returnToShop}</a>
<a id="guichet-cancel" href="${data.cancelHref}" hidden>${texts.returnToShop}</a>
</footer>
</body>
</html>
`.value;
}

/** A small page with one message, for an unknown payment or the end of a challenge. */
export function messagePage(texts: PageTexts, nonce: string, message: string, done?: { id: string; data: Record<string, string>; script: string }): string {
  const attributes = done ? Object.entries(done.data).map(([k, v]) => html` data-${k}="${v}"`) : [];
  return html`<!doctype html>
<html lang="${texts.lang}">
${pageHead(texts.title, nonce)}
<body>
<main${done ? html` id="${done.id}"` : undefined}${attributes}><p>${message}</p>${done?.data.href ? html`<p><a href="${done.data.href}">${texts.continue}</a></p>` : undefined}</main>
${done ? html`<script nonce="${nonce}" src="${done.script}"></script>` : undefined}
</body>
</html>
`.value;
}

/**
 * The page that sends the shopper on to the ACS, 3-D Secure 1 style: a form posting TermUrl and
 * MD, submitted at once by /webpayment/challenge-start.js (by hand without script).
 */
export function challengeStartPage(data: { acsUrl: string; termUrl: string; md: string; nonce: string }, texts: PageTexts): string {
  const { nonce } = data;
  return html`<!doctype html>
<html lang="${texts.lang}">
${pageHead(texts.title, nonce)}
<body>
<main>
<form id="guichet-challenge-form" method="post" action="${data.acsUrl}">
<input type="hidden" name="TermUrl" value="${data.termUrl}">
<input type="hidden" name="MD" value="${data.md}">
<button type="submit">${texts.continue}</button>
</form>
</main>
<script nonce="${nonce}" src="/webpayment/challenge-start.js"></script>
</body>
</html>
`.value;
}

/** `url` with `paylinetoken=<token>` set, as Payline returns to the merchant (Magento reads it). */
export function withPaylineToken(url: string, token: string): string {
  const target = new URL(url);
  target.searchParams.set('paylinetoken', token);
  return target.toString();
}
