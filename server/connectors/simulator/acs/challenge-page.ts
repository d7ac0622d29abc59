import { currencyByNumeric, toMajorString } from '../../../core/money.js';
import { html, type SafeHtml } from '../../../http/html.js';
import type { AcsTexts } from './acs-texts.js';
import type { ChallengeView } from './simulator-acs.js';

/**
 * The simulated bank's pages, as HTML strings: the challenge (two buttons, no script), the
 * return page that posts PaRes and MD to the TermUrl (auto-submitted by /acs/acs.js, or by
 * hand without script), and the unknown-challenge page. Styles carry the response's nonce.
 */
const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f3f5f7; color: #1d2630; }
  main { max-width: 26rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 8px; border-top: 6px solid #0b5394; }
  h1 { font-size: 1.25rem; margin: 0 0 1rem; }
  p.note { font-size: .875rem; color: #4a5866; }
  .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
  button { font: inherit; padding: .6rem 1.2rem; border-radius: 6px; border: 1px solid #0b5394; cursor: pointer; }
  button.primary { background: #0b5394; color: #fff; }
  button.secondary { background: #fff; color: #0b5394; }
`;

function layout(texts: AcsTexts, nonce: string, body: SafeHtml, script?: string): string {
  return html`<!doctype html>
<html lang="${texts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${texts.title}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>${body}</main>
${script ? html`<script nonce="${nonce}" src="${script}"></script>` : undefined}
</body>
</html>
`.value;
}

/** The amount as the shopper reads it, e.g. "12,34 €" in French. */
export function formatAmount(amount: number, currency: number, lang: string): string {
  const found = currencyByNumeric(currency);
  if (!found) return `${amount} (${currency})`;
  return new Intl.NumberFormat(lang, { style: 'currency', currency: found.alpha }).format(toMajorString(amount, currency) as unknown as number);
}

export function challengePage(view: ChallengeView, texts: AcsTexts, nonce: string): string {
  const amount = formatAmount(view.amount, view.currency, texts.lang);
  return layout(
    texts,
    nonce,
    html`<h1>${texts.heading}</h1>
<p>${texts.request(view.merchantName, amount, view.maskedPan)}</p>
<p class="note">${texts.simulated}</p>
<form method="post" action="/acs/challenge/${view.id}/answer">
<div class="actions">
<button class="primary" type="submit" name="answer" value="authenticate">${texts.authenticate}</button>
<button class="secondary" type="submit" name="answer" value="cancel">${texts.cancel}</button>
</div>
</form>`,
  );
}

/** After the answer: PaRes and MD go to the TermUrl; without a TermUrl there is nowhere to go. */
export function returnPage(target: { termUrl?: string; pares: string; md?: string }, texts: AcsTexts, nonce: string): string {
  if (!target.termUrl) return layout(texts, nonce, html`<h1>${texts.heading}</h1><p>${texts.done}</p>`);
  return layout(
    texts,
    nonce,
    html`<h1>${texts.heading}</h1>
<p>${texts.done}</p>
<form id="pares-form" method="post" action="${target.termUrl}">
<input type="hidden" name="PaRes" value="${target.pares}">
${target.md ? html`<input type="hidden" name="MD" value="${target.md}">` : undefined}
<div class="actions"><button class="primary" type="submit">${texts.continue}</button></div>
</form>`,
    '/acs/acs.js',
  );
}

export function unknownPage(texts: AcsTexts, nonce: string): string {
  return layout(texts, nonce, html`<h1>${texts.title}</h1><p>${texts.unknown}</p>`);
}

/** /acs/acs.js: submits the return form at once, so the shopper goes back without a click. */
export const ACS_SCRIPT = `document.getElementById('pares-form')?.submit();\n`;
