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
