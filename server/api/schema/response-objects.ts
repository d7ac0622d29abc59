import { list, object, objectType, text, type FieldSpec, type ObjectType } from './field.js';
import * as schema from './objects.js';

/**
 * Payline's response objects (payline-api.md §3), fields in Payline's order: the SOAP face
 * encodes answers in this order and the WSDL declares them. Objects that are both sent and
 * answered (payment, order, buyer, authorization, privateDataList) are the request ones.
 * Only the fields Guichet fills are declared; every one is optional but those `required` names.
 */

/** A value Guichet writes: no limit to check, only a place in the order. */
export const out: FieldSpec = text(4000);

export const result = objectType('result', { code: out, shortMessage: out, longMessage: out, partnerCode: out, partnerCodeLabel: out }, ['code']);

/** cardOut (§3.4): the masked card. */
export const cardOut = objectType('cardOut', { number: out, type: out, expirationDate: out, cardholder: out, token: out, panType: out });

/** transaction (§3.5); transactionsSearch adds orderReference, payment and card. */
export const transaction = objectType(
  'transaction',
  {
    id: out,
    date: out,
    isDuplicated: out,
    isPossibleFraud: out,
    fraudResult: out,
    explanation: out,
    threeDSecure: out,
    softDescriptor: out,
    score: out,
    /** Gift cards of the transaction (seed 004): a JSON array as a string, see docs/API.md. */
    partnerAdditionalData: out,
    customerId: out,
    type: out,
    orderReference: out,
    payment: object(schema.payment),
    card: object(cardOut),
  },
  ['id', 'date'],
);

/** associatedTransactions (§3.10), listed by getTransactionDetails. */
export const associatedTransactions = objectType(
  'associatedTransactions',
  { transactionId: out, type: out, date: out, amount: out, status: out, originTransactionId: out, currency: out },
  ['transactionId', 'type', 'date', 'amount', 'status', 'originTransactionId'],
);

/** statusHistory (§3.10), listed by getTransactionDetails. */
export const statusHistory = objectType(
  'statusHistory',
  { transactionId: out, date: out, amount: out, fees: out, status: out, originTransactionId: out },
  ['transactionId', 'date', 'amount', 'fees', 'status', 'originTransactionId'],
);

/** paymentAdditional (§3): another payment of the same session, e.g. the card that completed gift cards. */
export const paymentAdditional = objectType('paymentAdditional', {
  transaction: object(transaction),
  payment: object(schema.payment),
  authorization: object(schema.authorization),
  card: object(cardOut),
});

export const transactionList = list('transaction', object(transaction), 5000);
export const paymentAdditionalList = list('paymentAdditional', object(paymentAdditional), 10);
export const associatedTransactionsList = list('associatedTransactions', object(associatedTransactions), 100);
export const statusHistoryList = list('statusHistory', object(statusHistory), 100);

/** A response element: `result` first (required), then `fields` in Payline's order, all optional. */
export function responseType(name: string, fields: Record<string, FieldSpec> = {}): ObjectType {
  return objectType(name, { result: object(result), ...fields }, ['result']);
}

/** The answer of an operation Guichet does not serve (or not on this service): a result only. */
export function resultOnlyResponse(operationName: string): ObjectType {
  return responseType(`${operationName}Response`);
}
