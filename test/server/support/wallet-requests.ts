import { CB_CARD, VERSION, order } from './requests.js';

/**
 * Request builders of the wallet and payment-record operations for the sandbox merchant
 * (contract CB), changed one field at a time by the tests. TEST_EPOCH is 02/03/2026.
 */

let walletCounter = 0;
/** A fresh walletId, so tests never share a wallet by chance. */
export function nextWalletId(prefix = 'w'): string {
  walletCounter += 1;
  return `${prefix}-${process.pid}-${walletCounter}`;
}

export function createWalletRequest(walletId: string, card: object = CB_CARD, extra: Record<string, unknown> = {}) {
  return { version: VERSION, contractNumber: 'CB', wallet: { walletId, lastName: 'Martin', firstName: 'Léa', email: 'lea@example.test', card, ...extra } };
}

export function updateWalletRequest(walletId: string, card: object, cardInd?: number, extra: Record<string, unknown> = {}) {
  return { version: VERSION, contractNumber: 'CB', ...(cardInd !== undefined ? { cardInd } : {}), wallet: { walletId, card, ...extra } };
}

export function getWalletRequest(walletId: string, cardInd?: number) {
  return { version: VERSION, contractNumber: 'CB', walletId, ...(cardInd !== undefined ? { cardInd } : {}) };
}

export function immediateRequest(walletId: string, amount: number, extra: Record<string, unknown> = {}) {
  return {
    version: VERSION,
    payment: { amount, currency: 978, action: 101, mode: 'CPT', contractNumber: 'CB' },
    order: order(amount),
    walletId,
    ...extra,
  };
}

export function scheduledRequest(walletId: string, amount: number, scheduledDate: string, extra: Record<string, unknown> = {}) {
  return {
    version: VERSION,
    payment: { amount, currency: 978, action: 101, mode: 'CPT', contractNumber: 'CB' },
    orderRef: `sch-${walletId}`,
    orderDate: '02/03/2026 11:00',
    scheduledDate,
    walletId,
    ...extra,
  };
}

export function recurrentRequest(walletId: string, mode: 'NX' | 'REC', amount: number, recurring: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    version: VERSION,
    payment: { amount, currency: 978, action: 101, mode, contractNumber: 'CB' },
    orderRef: `rec-${walletId}`,
    orderDate: '02/03/2026 11:00',
    walletId,
    recurring,
    ...extra,
  };
}

export function recordRequest(paymentRecordId: string) {
  return { version: VERSION, contractNumber: 'CB', paymentRecordId };
}
