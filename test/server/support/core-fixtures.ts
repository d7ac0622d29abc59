import { OperationType, PaymentKind, PaymentStatus, type Operation, type Payment } from '../../../server/core/payment.js';
import { SessionStatus, type WebSession } from '../../../server/core/web-session-types.js';

/**
 * Plain payments and sessions for the core's unit tests, built by hand (not through the code
 * under test), and a deep freeze so that any mutation of an input throws in strict mode.
 */
export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
/** 2026-03-02 10:00 UTC: the first transaction of every fixture. */
export const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
/** The first 00:00 UTC after T0: captures made on T0's day are remitted then. */
export const MIDNIGHT = Date.UTC(2026, 2, 3, 0, 0, 0);

export const CARD = {
  maskedNumber: '497010XXXXXX4455',
  type: 'CB',
  expirationDate: '1230',
  panHash: 'ab'.repeat(32),
  panCipher: 'v1.sealed',
};

/** What started the payment, in the shapes createPayment gives them. */
export type Start = 'auth100' | 'auth101' | 'debit' | 'credit' | 'refused';

const STARTS: Record<Start, { kind: PaymentKind; action: number; type: OperationType; status: PaymentStatus; captured: boolean; code: string }> = {
  auth100: { kind: PaymentKind.AUTHORIZATION, action: 100, type: OperationType.AUTHORIZATION, status: PaymentStatus.AUTHORIZED, captured: false, code: '00000' },
  auth101: { kind: PaymentKind.AUTHORIZATION, action: 101, type: OperationType.AUTHORIZATION_CAPTURE, status: PaymentStatus.AUTHORIZED, captured: true, code: '00000' },
  debit: { kind: PaymentKind.DEBIT, action: 204, type: OperationType.DEBIT, status: PaymentStatus.AUTHORIZED, captured: true, code: '00000' },
  credit: { kind: PaymentKind.CREDIT, action: 422, type: OperationType.CREDIT, status: PaymentStatus.CREDITED, captured: false, code: '00000' },
  refused: { kind: PaymentKind.AUTHORIZATION, action: 100, type: OperationType.AUTHORIZATION, status: PaymentStatus.REFUSED, captured: false, code: '01100' },
};

export function payment(start: Start, amount = 10000, changes: Partial<Payment> = {}): Payment {
  const s = STARTS[start];
  const granted = s.status === PaymentStatus.AUTHORIZED ? amount : 0;
  return {
    id: '100000000000000001',
    merchantId: 'm1',
    contractNumber: 'CB',
    version: 1,
    kind: s.kind,
    status: s.status,
    action: s.action,
    mode: 'CPT',
    currency: 978,
    amount,
    authorizedAmount: granted,
    capturedAmount: s.captured ? granted : 0,
    refundedAmount: 0,
    resultCode: s.code,
    createdAt: T0,
    orderRef: 'order-1',
    card: CARD,
    isDuplicated: false,
    isPossibleFraud: false,
    threeDSecure: 'N',
    operations: [{ id: '100000000000000001', type: s.type, amount, date: T0, resultCode: s.code }],
    order: { ref: 'order-1', amount, currency: 978 },
    ...changes,
  };
}

let opCounter = 100;
function op(type: OperationType, amount: number, date: number, resultCode = '00000'): Operation {
  opCounter += 1;
  return { id: `1000000000000${opCounter}`, type, amount, date, resultCode };
}

/** The payment after an accepted operation, written by hand. */
export function captured(p: Payment, amount: number, at: number): Payment {
  return { ...p, version: p.version + 1, capturedAmount: p.capturedAmount + amount, operations: [...p.operations, op(OperationType.CAPTURE, amount, at)] };
}
export function refunded(p: Payment, amount: number, at: number): Payment {
  return { ...p, version: p.version + 1, refundedAmount: p.refundedAmount + amount, operations: [...p.operations, op(OperationType.REFUND, amount, at)] };
}
export function wasReset(p: Payment, at: number): Payment {
  return { ...p, version: p.version + 1, status: PaymentStatus.RESET, capturedAmount: 0, operations: [...p.operations, op(OperationType.RESET, p.authorizedAmount, at)] };
}
/** An operation that was refused and left in the list (it must count for nothing). */
export function withRefusedOperation(p: Payment, type: OperationType, amount: number, at: number): Payment {
  return { ...p, operations: [...p.operations, op(type, amount, at, '01100')] };
}

export function session(changes: Partial<WebSession> = {}): WebSession {
  return {
    token: '0123456789abcdef0123456789abcdef',
    merchantId: 'm1',
    version: 1,
    status: SessionStatus.WAITING,
    createdAt: T0,
    expiresAt: T0 + 15 * MINUTE,
    attempts: 0,
    maxAttempts: 3,
    paymentIds: [],
    payment: { amount: 10000, currency: 978, action: 101, mode: 'CPT', contractNumber: 'CB' },
    orderRef: 'order-1',
    order: { ref: 'order-1', amount: 10000, currency: 978 },
    selectedContracts: ['CB'],
    returnURL: 'https://shop.example/return',
    cancelURL: 'https://shop.example/cancel',
    ...changes,
  };
}

/** Freezes `value` and everything it holds; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}
