import type { TestGateway } from './gateway-harness.js';
import { VERSION, order } from './requests.js';

/**
 * The widget's gift-card calls (docs/WIDGET-PROTOCOL.md) and the simulator's test gift cards
 * (docs/test-cards.md), for the gift-card tests.
 */
export const GIFT = {
  g30: { number: '6035010000000000001', code: '1111' },
  g50: { number: '6035010000000000002', code: '2222' },
  g200: { number: '6035010000000000003', code: '3333' },
  g1500: { number: '6035010000000000004', code: '4444' },
  discounted: { number: '6035010000000000005', code: '5555' },
  expired: { number: '6035010000000000006', code: '6666' },
  blocked: { number: '6035010000000000007', code: '7777' },
  empty: { number: '6035010000000000008', code: '8888' },
  g100: { number: '6035010000000000009', code: '9999' },
  g20: { number: '6035010000000000010', code: '1010' },
  g10: { number: '6035010000000000011', code: '1212' },
} as const;

/** The sandbox merchant's gift-card contract. */
export const GIFT_CONTRACT = 'CADEAU';

/** doWebPayment offering the gift card and CB (the sandbox merchant), answered as parsed JSON. */
export function giftWebPaymentRequest(amount: number, overrides: { action?: number; mode?: string; orderRef?: string; contracts?: string[] } = {}) {
  return {
    version: VERSION,
    payment: { amount, currency: 978, action: overrides.action ?? 101, mode: overrides.mode ?? 'CPT', contractNumber: 'CB' },
    returnURL: 'https://shop.example/return',
    cancelURL: 'https://shop.example/cancel',
    order: order(amount, overrides.orderRef),
    selectedContractList: { selectedContract: overrides.contracts ?? ['CB', 'AMEX', GIFT_CONTRACT] },
  };
}

export async function openGiftSession(gw: TestGateway, amount: number): Promise<string> {
  const opened = await gw.call('doWebPayment', giftWebPaymentRequest(amount));
  if (opened.result.code !== '00000') throw new Error(`doWebPayment: ${JSON.stringify(opened.result)}`);
  return opened.token as string;
}

async function send(gw: TestGateway, method: string, path: string, body?: unknown): Promise<any> {
  const response = await gw.fetch(path, {
    method,
    headers: { 'content-type': 'application/json', origin: 'https://shop.example' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status !== 200) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

export const addGiftCard = (gw: TestGateway, token: string, card: unknown) => send(gw, 'POST', `/widget/sessions/${token}/gift-cards`, card);
export const removeGiftCard = (gw: TestGateway, token: string, id: string) => send(gw, 'DELETE', `/widget/sessions/${token}/gift-cards/${id}`);
export const confirmGiftCards = (gw: TestGateway, token: string) => send(gw, 'POST', `/widget/sessions/${token}/gift-cards/confirm`);
export const sessionView = (gw: TestGateway, token: string) => send(gw, 'GET', `/widget/sessions/${token}`);

/** A gift card's available balance as a new session sees it: entered into a fresh session, then removed. */
export async function giftCardBalance(gw: TestGateway, card: { number: string; code: string }): Promise<number> {
  const token = await openGiftSession(gw, 100_000);
  const added = await addGiftCard(gw, token, card);
  if (added.result.code !== '00000') return 0;
  await removeGiftCard(gw, token, added.giftCard.id);
  return added.giftCard.initialBalance as number;
}
