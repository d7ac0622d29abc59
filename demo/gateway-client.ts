/**
 * The demo shop's calls to Guichet, as any merchant server makes them: Payline's JSON face with
 * HTTP Basic `merchantId:accessKey`. The access key stays on this server.
 */
export interface GatewayAccount {
  /** The gateway's base URL, e.g. http://127.0.0.1:8080. */
  gatewayUrl: string;
  merchantId: string;
  accessKey: string;
}

export interface PaylineResult {
  code: string;
  shortMessage: string;
  longMessage: string;
}

async function call(account: GatewayAccount, operation: string, body: object): Promise<any> {
  const response = await fetch(`${account.gatewayUrl}/v4/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${account.merchantId}:${account.accessKey}`).toString('base64')}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${operation}: HTTP ${response.status} from the gateway`);
  return response.json();
}

/** `dd/mm/yyyy HH:mm`, Payline's order.date. */
function paylineDate(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** The sandbox merchant's gift-card contract (Carte Cadeau Carrefour). */
const GIFT_CARD_CONTRACT = 'CADEAU';

/**
 * doWebPayment for an order in euros; the shopper comes back to returnURL or cancelURL. With
 * `giftCards`, the gift-card contract is selected too: gift cards first, a card for the rest.
 */
export async function openPayment(
  account: GatewayAccount,
  order: { ref: string; amount: number; returnURL: string; cancelURL: string; languageCode?: string; giftCards?: boolean },
): Promise<{ result: PaylineResult; token?: string; redirectURL?: string }> {
  return call(account, 'doWebPayment', {
    version: '34',
    payment: { amount: order.amount, currency: 978, action: 101, mode: 'CPT', contractNumber: 'CB' },
    selectedContractList: ['CB', 'AMEX', 'DINERS', 'JCB', ...(order.giftCards ? [GIFT_CARD_CONTRACT] : [])],
    returnURL: order.returnURL,
    cancelURL: order.cancelURL,
    order: { ref: order.ref, amount: order.amount, currency: 978, date: paylineDate(new Date()) },
    ...(order.languageCode ? { languageCode: order.languageCode } : {}),
  });
}

/** getWebPaymentDetails: what the shop trusts, whatever the browser says. */
export async function paymentDetails(account: GatewayAccount, token: string): Promise<{ result: PaylineResult; transaction?: { id: string; threeDSecure?: string } }> {
  return call(account, 'getWebPaymentDetails', { version: '34', token });
}
