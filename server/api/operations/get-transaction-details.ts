import { formatDateTime } from '../../core/payline-date.js';
import { CODES } from '../../core/result-codes.js';
import { AUTHORIZATION_VALIDITY_MS, visibleStatus } from '../../core/transaction-state.js';
import type { Payment } from '../../core/payment.js';
import { resultOnly, type OperationDef } from '../operation.js';
import { flag, object, objectType, text } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import * as responses from '../schema/response-objects.js';
import {
  associatedTransactionsOut,
  authorizationOut,
  cardOut,
  compact,
  findOperation,
  orderOut,
  paymentOut,
  privateDataListOut,
  resultOut,
  transactionOut,
} from '../encode/payline-objects.js';

/** When the payment reached the status it shows: its last transaction, or the end of an expired authorization's validity. */
function statusSince(payment: Payment, now: number): number {
  return visibleStatus(payment, now) === 'EXPIRED' ? payment.createdAt + AUTHORIZATION_VALIDITY_MS : payment.operations.at(-1)!.date;
}

/**
 * getTransactionDetails (ExtendedAPI): one transaction by id (an authorization, a capture, a
 * refund…) or the newest by order ref, with every transaction of its payment and its status.
 */
export const getTransactionDetails: OperationDef = {
  name: 'getTransactionDetails',
  service: 'ExtendedAPI',
  request: objectType(
    'getTransactionDetailsRequest',
    {
      version: schema.version,
      transactionId: schema.transactionId,
      orderRef: text(50),
      startDate: text(19),
      endDate: text(19),
      transactionHistory: text(1),
      archiveSearch: flag(),
    },
    ['version'],
  ),
  response: responses.responseType('getTransactionDetailsResponse', {
    transaction: object(responses.transaction),
    payment: object(schema.payment),
    authorization: object(schema.authorization),
    order: object(schema.order),
    buyer: object(schema.buyer),
    privateDataList: schema.privateDataList,
    card: object(responses.cardOut),
    associatedTransactionsList: responses.associatedTransactionsList,
    statusHistoryList: responses.statusHistoryList,
    contractNumber: responses.out,
  }),
  async handle(context, request) {
    const { merchant, timeZone: tz } = context;
    let transactionId = request.transactionId as string | undefined;
    if (!transactionId && !request.orderRef) return resultOnly(CODES.INVALID_FIELD, 'transactionId or orderRef is required');
    if (!transactionId) {
      const newest = (await context.payments.byOrderRef(merchant, request.orderRef as string))[0];
      if (!newest) return resultOnly(CODES.TRANSACTION_NOT_FOUND, `no transaction for orderRef ${request.orderRef as string}`);
      transactionId = newest.id;
    }
    const payment = await context.payments.details(merchant, transactionId);
    if (!payment) return resultOnly(CODES.TRANSACTION_NOT_FOUND, `transaction ${transactionId} does not exist`);
    await context.detailsFetched.transaction(payment);
    const operation = findOperation(payment, transactionId);
    const now = context.clock.now();
    return compact({
      result: resultOut(operation.resultCode),
      transaction: transactionOut(payment, operation, tz),
      payment: paymentOut(payment, operation),
      authorization: authorizationOut(payment, tz),
      order: orderOut(payment.order, tz),
      buyer: payment.buyer,
      privateDataList: privateDataListOut(payment.privateDataList),
      card: cardOut(payment),
      associatedTransactionsList: associatedTransactionsOut(payment, tz),
      statusHistoryList: {
        statusHistory: [
          {
            transactionId: payment.id,
            date: formatDateTime(statusSince(payment, now), tz),
            amount: payment.amount,
            fees: 0,
            status: visibleStatus(payment, now),
            originTransactionId: payment.id,
          },
        ],
      },
      contractNumber: payment.contractNumber,
    });
  },
};
