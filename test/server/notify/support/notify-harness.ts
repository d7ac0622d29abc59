import { mock } from 'node:test';
import { Webhook } from 'standardwebhooks';
import type { Merchant } from '../../../../server/merchants/merchant.js';
import { SANDBOX_MERCHANT } from '../../../../server/merchants/sandbox-merchant.js';
import type { NotifySettings } from '../../../../server/notify/notify-hub.js';
import { SANDBOX_AUTH, startTestGateway, type TestGateway } from '../../support/gateway-harness.js';
import { CB_CARD, webPaymentRequest } from '../../support/requests.js';
import type { Received } from './receiver.js';

/**
 * A test gateway for the notification hub: the sandbox merchant with the settings a test gives
 * (notification URL, emails, language), no jitter, short timeouts, and helpers to call the
 * merchant API, pay a web session, and move the test clock until every delivery due has run.
 */
export interface NotifyTest extends TestGateway {
  /** A JSON call to the gateway as the sandbox merchant (or with `auth`). */
  api(method: string, path: string, body?: unknown, auth?: string): Promise<{ status: number; body: any }>;
  /** Waits until every committed event has been dispatched and no attempt runs. */
  settle(): Promise<void>;
  /** Moves the clock by `ms`, runs the jobs then due, and settles. */
  tick(ms: number): Promise<void>;
  /** Creates a webhook endpoint; answers its id and secret. */
  createEndpoint(url: string, eventTypes?: string[]): Promise<{ id: string; secret: string }>;
  /** doWebPayment; answers the token. */
  webPayment(amount: number, extra?: Record<string, unknown>): Promise<string>;
  /** Pays a session in the widget with a card (the accepted CB card by default). */
  pay(token: string, card?: object): Promise<any>;
}

export interface NotifyTestOptions {
  merchant?: Partial<Merchant>;
  /** More merchants beside the sandbox one. */
  others?: Merchant[];
  env?: Record<string, string>;
  notify?: Pick<NotifySettings, 'webhookTimeoutMs' | 'notificationTimeoutMs' | 'templatesDir'>;
}

export const PAYMENT_EVENTS = ['payment.accepted', 'payment.refused', 'payment.captured', 'payment.refunded', 'payment.reset', 'payment.cancelled', 'session.expired'];

export async function startNotifyTest(options: NotifyTestOptions = {}): Promise<NotifyTest> {
  const merchant: Merchant = { ...SANDBOX_MERCHANT, ...options.merchant };
  const gw = await startTestGateway(options.env ?? {}, {
    merchants: [merchant, ...(options.others ?? [])],
    notify: { webhookTimeoutMs: 2000, notificationTimeoutMs: 2000, ...options.notify, random: () => 0.5 },
  });
  const api: NotifyTest['api'] = async (method, path, body, auth = SANDBOX_AUTH) => {
    const response = await gw.fetch(path, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const settle = () => gw.gateway.notify.settled();
  return {
    ...gw,
    api,
    settle,
    async tick(ms) {
      gw.clock.advance(ms);
      await gw.gateway.jobs.runDue();
      await settle();
    },
    async createEndpoint(url, eventTypes = PAYMENT_EVENTS) {
      const { status, body } = await api('POST', '/api/webhook-endpoints', { url, eventTypes });
      if (status !== 201) throw new Error(`endpoint not created: ${status} ${JSON.stringify(body)}`);
      return { id: body.id, secret: body.secret };
    },
    async webPayment(amount, extra = {}) {
      const answer = await gw.call('doWebPayment', { ...webPaymentRequest(amount), ...extra });
      if (answer.result.code !== '00000') throw new Error(`doWebPayment: ${JSON.stringify(answer.result)}`);
      return answer.token as string;
    },
    async pay(token, card = CB_CARD) {
      const response = await gw.fetch(`/widget/sessions/${token}/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ card }) });
      return response.json();
    },
  };
}

/**
 * Verifies a received webhook with the independent `standardwebhooks` package, as a merchant
 * would, its clock set to `now` (the gateway's test clock): answers the parsed payload or throws.
 */
export function verifyWebhook(secret: string, request: Received, now: number): any {
  const clock = mock.method(Date, 'now', () => now);
  try {
    return new Webhook(secret).verify(request.body, {
      'webhook-id': request.headers['webhook-id']!,
      'webhook-timestamp': request.headers['webhook-timestamp']!,
      'webhook-signature': request.headers['webhook-signature']!,
    });
  } finally {
    clock.mock.restore();
  }
}
