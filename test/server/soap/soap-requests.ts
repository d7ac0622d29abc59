import { CB_CARD, VERSION, nextOrderRef, order } from '../support/requests.js';

/**
 * Request bodies of the SOAP tests that test/server/support/requests.ts does not build, as plain
 * objects both faces take (the JSON body, or the SOAP client's arguments).
 */

export function debitRequest(amount: number, authorizationNumber = 'TEL042') {
  return {
    version: VERSION,
    payment: { amount, currency: 978, action: 204, mode: 'CPT', contractNumber: 'CB' },
    card: CB_CARD,
    order: order(amount),
    authorization: { number: authorizationNumber, date: '02/03/2026 10:30' },
  };
}

export function creditRequest(amount: number) {
  return { version: VERSION, payment: { amount, currency: 978, action: 422, mode: 'CPT', contractNumber: 'CB' }, card: CB_CARD, order: order(amount) };
}

export function reAuthorizationRequest(transactionID: string, amount: number) {
  return { version: VERSION, transactionID, payment: { amount, currency: 978, action: 100, mode: 'CPT' }, order: order(amount, nextOrderRef('reauth')) };
}

export function detailsRequest(transactionId: string) {
  return { version: VERSION, transactionId };
}

export function searchRequest(criteria: Record<string, unknown> = {}) {
  return { version: VERSION, startDate: '02/03/2026', endDate: '02/03/2026', ...criteria };
}

export function webPaymentDetailsRequest(token: string) {
  return { version: VERSION, token };
}
