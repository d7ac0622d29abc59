import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openPayment, paymentDetails, type GatewayAccount } from './gateway-client.js';
import { checkoutPage, DEMO_SCRIPT, resultPage } from './pages.js';

/**
 * A minimal merchant shop on its own origin (node:http, no framework): `/` opens a payment
 * with doWebPayment and embeds the widget; `/return` and `/cancel` read the outcome with
 * getWebPaymentDetails, as a real shop must, finding the token by its order (or by the
 * `paylinetoken` a return adds). Query options of `/`: `amount` (cents), `layout`,
 * `locale`, `redirect=1` (3-D Secure by full-page redirect), `shadow=1` (the widget inside the
 * shop's own shadow root), `giftcard=1` (the sandbox's gift-card contract selected too);
 * `paylinetoken` reopens a payment (back from a 3-D Secure redirect).
 */
export interface DemoOptions extends GatewayAccount {
  port: number;
  host: string;
  /** The shop's own URL as the browser reaches it (returnURL and cancelURL are built on it). */
  publicUrl?: string;
}

export interface Demo {
  url: string;
  close(): Promise<void>;
}

const TOKEN = /^[0-9a-f]{32}$/;
const LAYOUTS = ['column', 'tab', 'lightbox'];
const LOCALES = ['fr', 'en', 'de', 'es', 'it', 'nl', 'pt', 'pl'];

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

/**
 * The checkout page's CSP: scripts by nonce or from the gateway, calls and frames to the gateway
 * only; its WebSocket origin (ws: / wss:) named too, for the widget's live events.
 */
function checkoutCsp(nonce: string, gatewayOrigin: string): string {
  const socketOrigin = gatewayOrigin.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' ${gatewayOrigin}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `connect-src ${gatewayOrigin} ${socketOrigin}`,
    `frame-src ${gatewayOrigin}`,
    'img-src * data:',
    "base-uri 'none'",
  ].join('; ');
}

export async function startDemo(options: DemoOptions): Promise<Demo> {
  const gatewayOrigin = new URL(options.gatewayUrl).origin;
  let publicUrl = options.publicUrl ?? '';
  /** The shop's orders: order ref → payment token (a real shop keeps it with the order). */
  const tokens = new Map<string, string>();

  async function checkout(url: URL, res: ServerResponse): Promise<void> {
    const query = url.searchParams;
    const amount = Number(query.get('amount') ?? '4990');
    const layout = query.get('layout') ?? undefined;
    const locale = query.get('locale') ?? undefined;
    const giftCards = query.get('giftcard') === '1';
    if (!Number.isInteger(amount) || amount < 1 || amount > 99_999_999) return send(res, 400, 'text/plain', 'amount must be a whole number of cents from 1 to 99999999');
    if (layout !== undefined && !LAYOUTS.includes(layout)) return send(res, 400, 'text/plain', `layout must be one of ${LAYOUTS.join(', ')}`);
    if (locale !== undefined && !LOCALES.includes(locale)) return send(res, 400, 'text/plain', `locale must be one of ${LOCALES.join(', ')}`);
    let token = query.get('paylinetoken') ?? '';
    let orderRef = 'reopened';
    if (!TOKEN.test(token)) {
      orderRef = `demo-${randomBytes(6).toString('hex')}`;
      const back = (path: string) => `${publicUrl}${path}?order=${orderRef}`;
      const opened = await openPayment(options, { ref: orderRef, amount, returnURL: back('/return'), cancelURL: back('/cancel'), giftCards, ...(locale ? { languageCode: locale } : {}) });
      if (!opened.token) return send(res, 502, 'text/plain', `doWebPayment refused: ${opened.result.code} ${opened.result.longMessage}`);
      token = opened.token;
      tokens.set(orderRef, token);
      if (tokens.size > 10_000) tokens.delete(tokens.keys().next().value!);
    }
    const nonce = randomBytes(16).toString('base64');
    const page = checkoutPage({ token, orderRef, amount, gatewayUrl: options.gatewayUrl, nonce, ...(layout ? { layout } : {}), ...(locale ? { locale } : {}), redirect: query.get('redirect') === '1', shadow: query.get('shadow') === '1', giftCards });
    send(res, 200, 'text/html', page, { 'content-security-policy': checkoutCsp(nonce, gatewayOrigin) });
  }

  async function outcome(url: URL, res: ServerResponse, title: string): Promise<void> {
    const token = url.searchParams.get('paylinetoken') ?? tokens.get(url.searchParams.get('order') ?? '') ?? '';
    if (!TOKEN.test(token)) return send(res, 400, 'text/plain', 'no payment here: paylinetoken or a known order is needed');
    const details = await paymentDetails(options, token);
    const nonce = randomBytes(16).toString('base64');
    send(res, 200, 'text/html', resultPage(nonce, title, { ...details.result, ...(details.transaction ? { transactionId: details.transaction.id } : {}) }), {
      'content-security-policy': `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'`,
    });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'GET only', { allow: 'GET' });
    switch (url.pathname) {
      case '/':
        return checkout(url, res);
      case '/return':
        return outcome(url, res, 'Thank you');
      case '/cancel':
        return outcome(url, res, 'Payment cancelled');
      case '/demo.js':
        return send(res, 200, 'text/javascript', DEMO_SCRIPT);
      default:
        return send(res, 404, 'text/plain', 'not found');
    }
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 502, 'text/plain', `the gateway could not be reached: ${(error as Error).message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  publicUrl ||= `http://localhost:${port}`;
  return {
    url: publicUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
