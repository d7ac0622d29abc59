/**
 * The demo shop's pages. The checkout page loads the widget with one script tag from the
 * gateway, under a strict CSP with a nonce; `shadow` mounts it inside the shop's own shadow
 * root (demo.js), `redirect` asks for 3-D Secure by full-page redirect, `giftCards` lists the
 * test gift cards too.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface CheckoutView {
  token: string;
  orderRef: string;
  amount: number;
  gatewayUrl: string;
  nonce: string;
  layout?: string;
  locale?: string;
  redirect: boolean;
  shadow: boolean;
  /** The session takes gift cards: the page lists test gift cards too. */
  giftCards?: boolean;
}

const STYLE = `body { font: 16px/1.5 system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #1d2630; }
  table { border-collapse: collapse; font-size: .875rem; } td { padding: .15rem .75rem .15rem 0; }`;

function layout(title: string, nonce: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

const TEST_CARDS: ReadonlyArray<[string, string]> = [
  ['4970101122334455', 'accepted (CB)'],
  ['4000000000011009', 'refused (do not honor)'],
  ['378282246310005', 'American Express, CID 1234'],
  ['4970103000000026', '3-D Secure challenge, passed'],
  ['4970103000000034', '3-D Secure challenge, failed'],
];

/** A few of the simulator's test gift cards (docs/test-cards.md): number, secret code, balance. */
const TEST_GIFT_CARDS: ReadonlyArray<[string, string, string]> = [
  ['6035010000000000001', '1111', '30.00 EUR'],
  ['6035010000000000002', '2222', '50.00 EUR'],
  ['6035010000000000003', '3333', '200.00 EUR'],
  ['6035010000000000006', '6666', 'expired'],
];

export function checkoutPage(view: CheckoutView): string {
  const attributes: Record<string, string> = {
    token: view.token,
    nonce: view.nonce,
    ...(view.layout ? { layout: view.layout } : {}),
    ...(view.locale ? { locale: view.locale } : {}),
    ...(view.redirect ? { 'embedded-redirection-allowed': 'false' } : {}),
  };
  const widget = view.shadow
    ? `<div id="shadow-host" data-attributes="${escapeHtml(JSON.stringify(attributes))}"></div>
<script nonce="${view.nonce}" src="/demo.js"></script>`
    : `<guichet-checkout ${Object.entries(attributes).map(([name, value]) => `${name}="${escapeHtml(value)}"`).join(' ')}></guichet-checkout>`;
  return layout(
    'Guichet demo shop: checkout',
    view.nonce,
    `<h1>Guichet demo shop</h1>
<p>Order <strong>${escapeHtml(view.orderRef)}</strong>: ${(view.amount / 100).toFixed(2)} EUR</p>
${widget}
<h2>Test cards</h2>
<table>${TEST_CARDS.map(([n, label]) => `<tr><td><code>${n}</code></td><td>${label}</td></tr>`).join('')}</table>
<p>Any future expiry; CVV 123 (Amex: 1234).</p>
${view.giftCards ? `<h2>Test gift cards</h2>
<table>${TEST_GIFT_CARDS.map(([n, code, label]) => `<tr><td><code>${n}</code></td><td>code <code>${code}</code></td><td>${label}</td></tr>`).join('')}</table>` : ''}`,
    `<script type="module" nonce="${view.nonce}" src="${escapeHtml(view.gatewayUrl)}/widget/guichet.js"></script>`,
  );
}

export function resultPage(nonce: string, title: string, details: { code: string; shortMessage: string; longMessage: string; transactionId?: string }): string {
  return layout(
    title,
    nonce,
    `<h1>${escapeHtml(title)}</h1>
<p id="result" data-code="${escapeHtml(details.code)}">${escapeHtml(details.shortMessage)}: ${escapeHtml(details.longMessage)} (${escapeHtml(details.code)})</p>
${details.transactionId ? `<p>Transaction ${escapeHtml(details.transactionId)}</p>` : ''}
<p><a href="/">New order</a></p>`,
  );
}

/** /demo.js: mounts <guichet-checkout> inside the shop's own shadow root, with the attributes the page gives. */
export const DEMO_SCRIPT = `const host = document.getElementById('shadow-host');
if (host) {
  const root = host.attachShadow({ mode: 'open' });
  const checkout = document.createElement('guichet-checkout');
  for (const [name, value] of Object.entries(JSON.parse(host.dataset.attributes))) checkout.setAttribute(name, value);
  root.append(checkout);
}
`;
