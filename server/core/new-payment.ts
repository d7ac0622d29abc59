import { OperationType, PaymentKind, PaymentStatus, type JsonValue, type Operation, type Payment, type PaymentMode, type StoredCard } from './payment.js';
import { isAcceptedCode } from './result-codes.js';
import type { EventDraft } from './transaction-state.js';

/**
 * A new payment from the acquirer's answer: an authorization (action 100 or 101), a debit with
 * an outside authorization (204) or a credit (422). Refused attempts are payments too, so that
 * getTransactionDetails and transactionsSearch find them.
 */
export interface NewPaymentInput {
  id: string;
  merchantId: string;
  contractNumber: string;
  kind: PaymentKind;
  action: number;
  mode: PaymentMode;
  differedActionDate?: string;
  amount: number;
  currency: number;
  /** The acquirer's answer. */
  code: string;
  authorizationNumber?: string;
  now: number;
  orderRef: string;
  order: { [key: string]: JsonValue };
  card: StoredCard;
  buyer?: { [key: string]: JsonValue };
  privateDataList?: JsonValue;
  softDescriptor?: string;
  token?: string;
  originPaymentId?: string;
  isDuplicated?: boolean;
  threeDSecure?: Payment['threeDSecure'];
  /** Added to the event's data (a wallet payment's walletId, for TRSWALLET). */
  eventData?: EventDraft['data'];
}

/** Action 101 captures at once (CPT, and the due dates of NX and REC); 100, or DIF (captured on its date by a job), does not. */
export function capturesAtOnce(action: number, mode: PaymentMode): boolean {
  return action === 101 && mode !== 'DIF';
}

function firstOperationType(kind: PaymentKind, action: number, mode: PaymentMode): OperationType {
  if (kind === PaymentKind.DEBIT) return OperationType.DEBIT;
  if (kind === PaymentKind.CREDIT) return OperationType.CREDIT;
  return capturesAtOnce(action, mode) ? OperationType.AUTHORIZATION_CAPTURE : OperationType.AUTHORIZATION;
}

export function createPayment(input: NewPaymentInput): { payment: Payment; events: EventDraft[] } {
  const accepted = isAcceptedCode(input.code);
  const type = firstOperationType(input.kind, input.action, input.mode);
  const operation: Operation = { id: input.id, type, amount: input.amount, date: input.now, resultCode: input.code };
  const granted = accepted && input.kind !== PaymentKind.CREDIT ? input.amount : 0;
  const capturedAtOnce = type === OperationType.AUTHORIZATION_CAPTURE || type === OperationType.DEBIT;
  const status = !accepted ? PaymentStatus.REFUSED : input.kind === PaymentKind.CREDIT ? PaymentStatus.CREDITED : PaymentStatus.AUTHORIZED;
  const payment: Payment = {
    id: input.id,
    merchantId: input.merchantId,
    contractNumber: input.contractNumber,
    version: 1,
    kind: input.kind,
    status,
    action: input.action,
    mode: input.mode,
    ...(input.differedActionDate ? { differedActionDate: input.differedActionDate } : {}),
    currency: input.currency,
    amount: input.amount,
    authorizedAmount: granted,
    capturedAmount: capturedAtOnce ? granted : 0,
    refundedAmount: 0,
    resultCode: input.code,
    ...(accepted && input.authorizationNumber ? { authorizationNumber: input.authorizationNumber } : {}),
    createdAt: input.now,
    orderRef: input.orderRef,
    card: input.card,
    isDuplicated: input.isDuplicated ?? false,
    isPossibleFraud: false,
    threeDSecure: input.threeDSecure ?? 'N',
    ...(input.token ? { token: input.token } : {}),
    ...(input.originPaymentId ? { originPaymentId: input.originPaymentId } : {}),
    operations: [operation],
    order: input.order,
    ...(input.buyer ? { buyer: input.buyer } : {}),
    ...(input.privateDataList !== undefined ? { privateDataList: input.privateDataList } : {}),
    ...(input.softDescriptor ? { softDescriptor: input.softDescriptor } : {}),
  };
  const eventType = !accepted ? 'payment.refused' : input.kind === PaymentKind.CREDIT ? 'payment.credited' : 'payment.accepted';
  const data: EventDraft['data'] = {
    paymentId: payment.id,
    transactionId: payment.id,
    operation: type,
    amount: input.amount,
    currency: input.currency,
    orderRef: input.orderRef,
    code: input.code,
    ...(input.token ? { token: input.token } : {}),
    ...input.eventData,
  };
  return { payment, events: [{ type: eventType, data }] };
}

/** The duplicate-order key (DESIGN.md "Idempotency"): one accepted payment per merchant, order ref, amount and currency. */
export function duplicateOrderKey(merchantId: string, orderRef: string, amount: number, currency: number): string {
  return `order:${merchantId}:${currency}:${amount}:${orderRef}`;
}

/** An order's claim while its payment is at the acquirer: `pending:` and the transaction id. */
export const PENDING_HOLD = 'pending:';

/** The id of the payment that paid the order, from its claim's value (undefined while pending). */
export function paidBy(claimValue: string | undefined): string | undefined {
  return claimValue === undefined || claimValue.startsWith(PENDING_HOLD) ? undefined : claimValue;
}

/** How long an accepted order ref blocks the same order (01913 / 02001). */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

