import type { TestGateway } from './gateway-harness.js';
import { webPaymentRequest } from './requests.js';

/**
 * The widget's calls as a browser makes them: open a session as the merchant, then read, pay
 * and cancel it by its token, with an `Origin` when the test says which page calls.
 */
export async function openSession(gw: TestGateway, amount = 2500, overrides: Record<string, unknown> = {}): Promise<string> {
  const opened = await gw.call('doWebPayment', { ...webPaymentRequest(amount), ...overrides });
  if (opened.result.code !== '00000') throw new Error(`doWebPayment: ${JSON.stringify(opened.result)}`);
  return opened.token as string;
}

export function readSession(gw: TestGateway, token: string, origin?: string): Promise<Response> {
  return gw.fetch(`/widget/sessions/${token}`, { headers: origin ? { origin } : {} });
}

/** POST pay as the card-fields page does (same origin as the gateway). */
export async function pay(gw: TestGateway, token: string, body: object): Promise<any> {
  const response = await gw.fetch(`/widget/sessions/${token}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(gw.url).origin },
    body: JSON.stringify(body),
  });
  return response.json();
}

export function cancel(gw: TestGateway, token: string, origin?: string): Promise<Response> {
  return gw.fetch(`/widget/sessions/${token}/cancel`, { method: 'POST', headers: origin ? { origin } : {} });
}

/** A 3-D Secure test card of docs/test-cards.md. */
export const THREE_DS_CARDS = {
  frictionless: { number: '4970103000000018', expirationDate: '1255', cvx: '123' },
  challengePass: { number: '4970103000000026', expirationDate: '1255', cvx: '123' },
  challengeFail: { number: '4970103000000034', expirationDate: '1255', cvx: '123' },
  notEnrolled: { number: '4970103000000042', expirationDate: '1255', cvx: '123' },
} as const;
