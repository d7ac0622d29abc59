import { OperationType, PaymentKind, PaymentStatus, type Operation, type Payment } from './payment.js';
import { CODES } from './result-codes.js';

/**
 * The transaction state machine (DESIGN.md "Rules of the core"): captured ≤ authorized,
 * refunded ≤ captured, no capture after a reset. Each decision is pure: it returns the next
 * payment and the events it causes, or the Payline code that refuses it; the service commits.
 */

/** payline-api.md §4.1: an authorization that is not captured expires after 7 days. */
export const AUTHORIZATION_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** An event the decision causes; the service gives it an id and commits it with the payment. */
export interface EventDraft {
  type: string;
  data: Record<string, string | number | boolean>;
}

export type Decision =
  | { ok: true; payment: Payment; operation: Operation; events: EventDraft[] }
  | { ok: false; code: string; message?: string };

/** What a capture, reset or refund is asked to do; `operationId` names the new transaction. */
export interface OperationRequest {
  operationId: string;
  now: number;
  amount?: number;
  currency?: number;
  comment?: string;
}

/**
 * The simulator remits the day's captures once a day, at 00:00 UTC after the capture: from then
 * on a reset answers 02105 and the money comes back only by a refund.
 */
export function remittanceTime(captureTime: number): number {
  return Math.floor(captureTime / DAY_MS) * DAY_MS + DAY_MS;
}

/** True when some captured money of the payment has been sent for settlement at `now`. */
export function hasRemittedCapture(payment: Payment, now: number): boolean {
  return payment.operations.some((op) => isCaptureLike(op.type) && op.resultCode === CODES.ACCEPTED && remittanceTime(op.date) <= now);
}

/** An authorization left uncaptured for 7 days can no longer be captured (doReAuthorization renews it). */
export function isAuthorizationExpired(payment: Payment, now: number): boolean {
  return (
    payment.kind === PaymentKind.AUTHORIZATION &&
    payment.status === PaymentStatus.AUTHORIZED &&
    payment.capturedAmount < payment.authorizedAmount &&
    now >= payment.createdAt + AUTHORIZATION_VALIDITY_MS
  );
}

function isCaptureLike(type: OperationType): boolean {
  return type === OperationType.CAPTURE || type === OperationType.AUTHORIZATION_CAPTURE || type === OperationType.DEBIT;
}

function refuse(code: string, message?: string): Decision {
  return message === undefined ? { ok: false, code } : { ok: false, code, message };
}

/** The checks every follow-up operation shares: a live payment in the same currency. */
function checkLive(payment: Payment, request: OperationRequest): Decision | undefined {
  if (payment.status === PaymentStatus.REFUSED) return refuse(CODES.TRANSACTION_INVALID, `transaction ${payment.id} was refused`);
  if (payment.kind === PaymentKind.CREDIT) return refuse(CODES.TRANSACTION_INVALID, `transaction ${payment.id} is a credit`);
  if (request.currency !== undefined && request.currency !== payment.currency) return refuse(CODES.CURRENCY_DIFFERS);
  return undefined;
}

function withOperation(payment: Payment, operation: Operation, changes: Partial<Payment>): Payment {
  return { ...payment, ...changes, version: payment.version + 1, operations: [...payment.operations, operation] };
}

function eventData(payment: Payment, operation: Operation): EventDraft['data'] {
  return {
    paymentId: payment.id,
    transactionId: operation.id,
    operation: operation.type,
    amount: operation.amount,
    currency: payment.currency,
    orderRef: payment.orderRef,
    ...(payment.token ? { token: payment.token } : {}),
  };
}

/** doCapture (action 201): whole or partial, never beyond what is authorized and still valid. */
/**
 * A gift-card transaction (seed 004) takes no follow-up of its own: its draw on the cards is final.
 * (Refunds of its order go to the complementary card payment: PaymentsService.refund.)
 */
function refuseGiftCards(payment: Payment, action: string): Decision | undefined {
  return payment.giftCards ? refuse(CODES.ACTION_NOT_ALLOWED, `${action} is not allowed on gift-card transaction ${payment.id}`) : undefined;
}

export function decideCapture(payment: Payment, request: OperationRequest): Decision {
  const invalid = checkLive(payment, request) ?? refuseGiftCards(payment, 'a capture');
  if (invalid) return invalid;
  if (payment.kind !== PaymentKind.AUTHORIZATION) return refuse(CODES.ALREADY_CAPTURED);
  if (payment.status === PaymentStatus.RESET) return refuse(CODES.TRANSACTION_INVALID, `transaction ${payment.id} was reset`);
  const remaining = payment.authorizedAmount - payment.capturedAmount;
  if (remaining <= 0) return refuse(CODES.ALREADY_CAPTURED);
  if (isAuthorizationExpired(payment, request.now)) return refuse(CODES.AUTHORIZATION_EXPIRED);
  const amount = request.amount ?? remaining;
  if (amount <= 0) return refuse(CODES.INVALID_FIELD, 'payment.amount must be greater than 0');
  if (amount > remaining) return refuse(CODES.MAX_SUM_EXCEEDED, `capture of ${amount} exceeds the ${remaining} left to capture`);
  const operation: Operation = { id: request.operationId, type: OperationType.CAPTURE, amount, date: request.now, resultCode: CODES.ACCEPTED };
  const next = withOperation(payment, operation, { capturedAmount: payment.capturedAmount + amount });
  return { ok: true, payment: next, operation, events: [{ type: 'payment.captured', data: eventData(next, operation) }] };
}

/**
 * doReset: releases an authorization, or voids captures not yet remitted. After the remittance
 * it answers 02105 (a refund is needed); a payment already refunded in part cannot be reset.
 */
export function decideReset(payment: Payment, request: OperationRequest): Decision {
  const invalid = checkLive(payment, request) ?? refuseGiftCards(payment, 'a reset');
  if (invalid) return invalid;
  if (payment.status === PaymentStatus.RESET) return refuse(CODES.RESET_ALREADY_DONE);
  if (payment.refundedAmount > 0) return refuse(CODES.NOT_RESETABLE, `transaction ${payment.id} has refunds`);
  if (hasRemittedCapture(payment, request.now)) return refuse(CODES.CAPTURE_REMITTED);
  if (payment.capturedAmount === 0 && isAuthorizationExpired(payment, request.now)) return refuse(CODES.AUTHORIZATION_EXPIRED);
  if (request.amount !== undefined && request.amount !== payment.authorizedAmount) {
    return refuse(CODES.AMOUNT_DIFFERS, `amount must equal the authorized amount ${payment.authorizedAmount}`);
  }
  const operation: Operation = {
    id: request.operationId,
    type: OperationType.RESET,
    amount: payment.authorizedAmount,
    date: request.now,
    resultCode: CODES.ACCEPTED,
    ...(request.comment ? { comment: request.comment } : {}),
  };
  const voided = payment.operations.map((op) => (isCaptureLike(op.type) && op.resultCode === CODES.ACCEPTED ? { ...op, voided: true } : op));
  const next = withOperation({ ...payment, operations: voided }, operation, { status: PaymentStatus.RESET, capturedAmount: 0 });
  return { ok: true, payment: next, operation, events: [{ type: 'payment.reset', data: eventData(next, operation) }] };
}

/** doRefund (action 421): whole or partial, several times, never beyond what was captured. */
export function decideRefund(payment: Payment, request: OperationRequest): Decision {
  const invalid = checkLive(payment, request) ?? refuseGiftCards(payment, 'a refund');
  if (invalid) return invalid;
  if (payment.status === PaymentStatus.RESET) return refuse(CODES.TRANSACTION_INVALID, `transaction ${payment.id} was reset`);
  const refundable = payment.capturedAmount - payment.refundedAmount;
  if (payment.capturedAmount === 0) return refuse(CODES.NOT_YET_CAPTURED);
  const amount = request.amount ?? refundable;
  if (amount <= 0) return refuse(CODES.INVALID_FIELD, 'payment.amount must be greater than 0');
  if (amount > refundable) return refuse(CODES.MAX_SUM_EXCEEDED, `refund of ${amount} exceeds the ${refundable} left to refund`);
  const operation: Operation = {
    id: request.operationId,
    type: OperationType.REFUND,
    amount,
    date: request.now,
    resultCode: CODES.ACCEPTED,
    ...(request.comment ? { comment: request.comment } : {}),
  };
  const next = withOperation(payment, operation, { refundedAmount: payment.refundedAmount + amount });
  return { ok: true, payment: next, operation, events: [{ type: 'payment.refunded', data: eventData(next, operation) }] };
}

/** Can this payment be renewed by doReAuthorization? Only an authorization that was granted. */
export function checkReauthorizable(payment: Payment, currency: number): { ok: true } | { ok: false; code: string; message?: string } {
  if (payment.kind !== PaymentKind.AUTHORIZATION) return { ok: false, code: CODES.TRANSACTION_INVALID, message: `transaction ${payment.id} is not an authorization` };
  if (payment.status === PaymentStatus.REFUSED) return { ok: false, code: CODES.TRANSACTION_INVALID, message: `transaction ${payment.id} was refused` };
  if (payment.status === PaymentStatus.RESET) return { ok: false, code: CODES.TRANSACTION_INVALID, message: `transaction ${payment.id} was reset` };
  if (currency !== payment.currency) return { ok: false, code: CODES.CURRENCY_DIFFERS };
  return { ok: true };
}

/** The state a reader sees at `now`: the stored status, or EXPIRED for a stale authorization. */
export function visibleStatus(payment: Payment, now: number): PaymentStatus | 'EXPIRED' {
  return isAuthorizationExpired(payment, now) && payment.capturedAmount === 0 ? 'EXPIRED' : payment.status;
}
