import { formatDateTime, parseDateTime } from '../../core/payline-date.js';
import { OperationType, type Operation, type Payment } from '../../core/payment.js';
import { isAcceptedCode, resultFor, type PaylineResult } from '../../core/result-codes.js';
import { partnerAdditionalData } from '../../core/gift-card.js';

/**
 * Payline's response objects (payline-api.md §3) from Guichet's records. Both faces encode
 * these plain objects: JSON as they are, SOAP in schema order. Flags are '0'/'1', amounts
 * integers, dates `dd/mm/yyyy HH:mm:ss` in the gateway's time zone.
 */

type Out = Record<string, unknown>;

/** `result {code, shortMessage, longMessage}`; a message replaces the table's longMessage. */
export function resultOut(code: string, message?: string): PaylineResult {
  return resultFor(code, message);
}

/** payment.action of an operation, as Payline numbers them (§4.1). */
const ACTION_OF: Record<OperationType, number | undefined> = {
  AUTHORIZATION: undefined,
  AUTHORIZATION_CAPTURE: undefined,
  CAPTURE: 201,
  RESET: undefined,
  REFUND: 421,
  DEBIT: 204,
  CREDIT: 422,
};

export function findOperation(payment: Payment, transactionId: string): Operation {
  return payment.operations.find((op) => op.id === transactionId) ?? payment.operations[0]!;
}

/** `transaction` for one operation of a payment. */
export function transactionOut(payment: Payment, operation: Operation, timeZone: string): Out {
  return {
    id: operation.id,
    date: formatDateTime(operation.date, timeZone),
    isDuplicated: payment.isDuplicated ? '1' : '0',
    isPossibleFraud: payment.isPossibleFraud ? '1' : '0',
    fraudResult: '',
    explanation: '',
    threeDSecure: payment.threeDSecure,
    ...(payment.softDescriptor ? { softDescriptor: payment.softDescriptor } : {}),
    score: '0',
    ...(payment.giftCards ? { partnerAdditionalData: partnerAdditionalData(payment.giftCards) } : {}),
  };
}

/** `paymentAdditionalList`: the complementary card payment of a gift-card order, absent otherwise. */
export function paymentAdditionalListOut(complement: Payment | undefined, timeZone: string): Out | undefined {
  if (!complement) return undefined;
  const operation = complement.operations[0]!;
  return {
    paymentAdditional: [
      compact({
        transaction: transactionOut(complement, operation, timeZone),
        payment: paymentOut(complement, operation),
        authorization: authorizationOut(complement, timeZone),
        card: cardOut(complement),
      }),
    ],
  };
}

/** `payment` as the operation saw it. */
export function paymentOut(payment: Payment, operation: Operation): Out {
  return {
    amount: operation.amount,
    currency: payment.currency,
    action: ACTION_OF[operation.type] ?? payment.action,
    mode: payment.mode,
    contractNumber: payment.contractNumber,
    ...(payment.differedActionDate ? { differedActionDate: payment.differedActionDate } : {}),
  };
}

/** `authorization`, present once the acquirer granted one. */
export function authorizationOut(payment: Payment, timeZone: string): Out | undefined {
  if (!payment.authorizationNumber) return undefined;
  return {
    number: payment.authorizationNumber,
    date: formatDateTime(payment.createdAt, timeZone),
    authorizedAmount: payment.authorizedAmount,
    authorizedCurrency: payment.currency,
  };
}

/** `cardOut`: the masked card, never more. */
export function cardOut(payment: Payment): Out {
  return {
    number: payment.card.maskedNumber,
    type: payment.card.type,
    expirationDate: payment.card.expirationDate,
    ...(payment.card.cardholder ? { cardholder: payment.card.cardholder } : {}),
  };
}

/** `order` as the merchant sent it, its date echoed with seconds (§3.3). */
export function orderOut(order: Record<string, unknown>, timeZone: string): Out {
  const date = typeof order.date === 'string' ? parseDateTime(order.date, timeZone) : undefined;
  return date === undefined ? order : { ...order, date: formatDateTime(date, timeZone) };
}

/** Status of an operation for associatedTransactions and statusHistory lists. */
function operationStatus(operation: Operation): string {
  if (operation.voided) return 'CANCELLED';
  return isAcceptedCode(operation.resultCode) ? 'ACCEPTED' : 'REFUSED';
}

/** `associatedTransactionsList`: every transaction of the payment, oldest first. */
export function associatedTransactionsOut(payment: Payment, timeZone: string): Out {
  return {
    associatedTransactions: payment.operations.map((op) => ({
      transactionId: op.id,
      type: op.type,
      date: formatDateTime(op.date, timeZone),
      amount: op.amount,
      status: operationStatus(op),
      originTransactionId: payment.id,
      currency: payment.currency,
    })),
  };
}

/** `privateDataList` in Payline's list shape, `{ privateData: [{key, value}…] }`; absent when empty. */
export function privateDataListOut(list: unknown): Out | undefined {
  return Array.isArray(list) && list.length > 0 ? { privateData: list } : undefined;
}

/** Removes undefined fields, so absent objects are absent on the wire. */
export function compact(object: Record<string, unknown>): Out {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}
