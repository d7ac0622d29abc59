/**
 * The scripts of the gateway's own pages, served as files (never inline: the pages' CSP allows
 * only scripts carrying the response's nonce). Each reads its data from `data-*` attributes.
 */

/** /webpayment/challenge-start.js: sends the shopper on to the ACS without a click. */
export const CHALLENGE_START_SCRIPT = `document.getElementById('guichet-challenge-form')?.submit();\n`;

/**
 * /webpayment/challenge-complete.js, on the page the ACS returns to (docs/WIDGET-PROTOCOL.md):
 * in the widget's iframe, tells the merchant page at `data-origin` that the challenge is over;
 * in a top window, goes on to `data-href`.
 */
export const CHALLENGE_COMPLETE_SCRIPT = `const done = document.getElementById('guichet-3ds-complete');
const { origin, token, href } = done ? done.dataset : {};
if (origin && token && window.parent !== window) window.parent.postMessage({ type: 'guichet:3ds-complete', token }, origin);
else if (href) window.location.replace(href);
`;

/**
 * /webpayment/hosted-page.js: once <guichet-checkout> reaches a final state, shows the way back
 * to the merchant: returnURL after a payment, cancelURL after a cancel or an expired token.
 */
export const HOSTED_PAGE_SCRIPT = `const toCancel = new Set(['PAYMENT_CANCELED', 'TOKEN_EXPIRED']);
document.addEventListener('guichet-final-state', (event) => {
  const state = event.detail && event.detail.state;
  const link = document.getElementById(toCancel.has(state) ? 'guichet-cancel' : 'guichet-return');
  if (!link) return;
  link.hidden = false;
  link.focus();
});
`;
