/**
 * Request builders for the sandbox merchant: valid Payline bodies that a test changes one field
 * at a time. Dates are in the harness's clock (TEST_EPOCH).
 */
export const VERSION = '34';

/** An accepted CB card of the simulator (docs/test-cards.md): the Payline SDK fixture card. */
export const CB_CARD = { number: '4970101122334455', type: 'CB', expirationDate: '1230', cvx: '123' };

let orderCounter = 0;
/** A fresh order ref, so the duplicate-order guard never mixes tests up. */
export function nextOrderRef(prefix = 'order'): string {
  orderCounter += 1;
  return `${prefix}-${process.pid}-${orderCounter}`;
}

export function order(amount: number, ref = nextOrderRef()) {
  return { ref, amount, currency: 978, date: '02/03/2026 11:00' };
}

export function authorizationRequest(amount: number, overrides: { action?: number; mode?: string; contractNumber?: string; card?: object; orderRef?: string; differedActionDate?: string } = {}) {
  return {
    version: VERSION,
    payment: {
      amount,
      currency: 978,
      action: overrides.action ?? 101,
      mode: overrides.mode ?? 'CPT',
      contractNumber: overrides.contractNumber ?? 'CB',
      ...(overrides.differedActionDate ? { differedActionDate: overrides.differedActionDate } : {}),
    },
    card: overrides.card ?? CB_CARD,
    order: order(amount, overrides.orderRef),
  };
}

export function captureRequest(transactionID: string, amount: number) {
  return { version: VERSION, transactionID, payment: { amount, currency: 978, action: 201, mode: 'CPT' } };
}

export function refundRequest(transactionID: string, amount: number) {
  return { version: VERSION, transactionID, payment: { amount, currency: 978, action: 421, mode: 'CPT' } };
}

export function resetRequest(transactionID: string) {
  return { version: VERSION, transactionID };
}

export function webPaymentRequest(amount: number, overrides: { action?: number; orderRef?: string; selectedContractList?: string[] } = {}) {
  return {
    version: VERSION,
    payment: { amount, currency: 978, action: overrides.action ?? 101, mode: 'CPT', contractNumber: 'CB' },
    returnURL: 'https://shop.example/return',
    cancelURL: 'https://shop.example/cancel',
    order: order(amount, overrides.orderRef),
    ...(overrides.selectedContractList ? { selectedContractList: { selectedContract: overrides.selectedContractList } } : {}),
  };
}

// ---- More builders (API test suite) ----

/** A card of the simulator's table or a PAN of one's own, with the CB card's expiry and CVV. */
export function card(number: string, type = 'CB', overrides: { expirationDate?: string; cvx?: string } = {}) {
  return { number, type, expirationDate: overrides.expirationDate ?? '1230', cvx: overrides.cvx ?? (type === 'AMEX' ? '1234' : '123') };
}

/** The masked form every answer shows: first 6, last 4, X between. */
export function masked(pan: string): string {
  return pan.slice(0, 6) + 'X'.repeat(pan.length - 10) + pan.slice(-4);
}

export function debitRequest(amount: number, overrides: { card?: object; orderRef?: string; authorizationNumber?: string } = {}) {
  return {
    version: VERSION,
    payment: { amount, currency: 978, action: 204, mode: 'CPT', contractNumber: 'CB' },
    card: overrides.card ?? CB_CARD,
    order: order(amount, overrides.orderRef),
    authorization: { number: overrides.authorizationNumber ?? 'PHONE1', date: '02/03/2026 10:30' },
  };
}

export function creditRequest(amount: number, overrides: { card?: object; orderRef?: string } = {}) {
  return {
    version: VERSION,
    payment: { amount, currency: 978, action: 422, mode: 'CPT', contractNumber: 'CB' },
    card: overrides.card ?? CB_CARD,
    comment: 'goodwill gesture',
    order: order(amount, overrides.orderRef),
  };
}

export function reAuthorizationRequest(transactionID: string, amount: number, overrides: { action?: number; currency?: number; orderRef?: string } = {}) {
  return {
    version: VERSION,
    transactionID,
    payment: { amount, currency: overrides.currency ?? 978, action: overrides.action ?? 202, mode: 'CPT' },
    order: order(amount, overrides.orderRef),
  };
}

export function detailsRequest(transactionId: string) {
  return { version: VERSION, transactionId };
}

/** transactionsSearch over the harness's day (TEST_EPOCH is 02/03/2026) and the next week. */
export function searchRequest(criteria: Record<string, unknown> = {}) {
  return { version: VERSION, startDate: '01/03/2026', endDate: '31/03/2026', ...criteria };
}

export function webPaymentDetailsRequest(token: string) {
  return { version: VERSION, token };
}

/**
 * A copy of `body` with the field at a dotted path set to `value`, or removed when `value` is
 * `undefined`: `withField(req, 'payment.amount', -1)`.
 */
export function withField<T extends object>(body: T, path: string, value: unknown): T {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  const last = keys.at(-1)!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy as T;
}
