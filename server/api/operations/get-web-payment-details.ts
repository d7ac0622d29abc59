import { CODES } from '../../core/result-codes.js';
import { sessionResultCode } from '../../core/web-session.js';
import type { OperationDef } from '../operation.js';
import { object, objectType, text } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import * as responses from '../schema/response-objects.js';
import {
  authorizationOut,
  cardOut,
  compact,
  orderOut,
  paymentOut,
  privateDataListOut,
  resultOut,
  transactionOut,
} from '../encode/payline-objects.js';
import { billingRecordOut } from '../encode/wallet-objects.js';
import { billingRecordList } from '../schema/wallet-objects.js';

/**
 * getWebPaymentDetails: where a session stands, through its whole life: 02306 waiting, 00000
 * accepted, 01xxx refused, 02319 cancelled, 02324 expired, 02304 unknown token. An NX or REC
 * session answers the payment record its first due date opened, with its billing records.
 */
export const getWebPaymentDetails: OperationDef = {
  name: 'getWebPaymentDetails',
  service: 'WebPaymentAPI',
  request: objectType('getWebPaymentDetailsRequest', { version: schema.version, token: text(100) }, ['version', 'token']),
  response: responses.responseType('getWebPaymentDetailsResponse', {
    transaction: object(responses.transaction),
    payment: object(schema.payment),
    authorization: object(schema.authorization),
    privateDataList: schema.privateDataList,
    paymentRecordId: responses.out,
    billingRecordList,
    card: object(responses.cardOut),
    order: object(schema.order),
    numberOfAttempt: responses.out,
    contractNumber: responses.out,
    buyer: object(schema.buyer),
  }),
  async handle(context, request) {
    const session = await context.webPayments.session(request.token as string, context.merchant.merchantId);
    if (!session) return { result: resultOut(CODES.TOKEN_NOT_FOUND) };
    await context.detailsFetched.webPayment(session);
    const payment = await context.webPayments.lastPayment(session);
    const code = sessionResultCode(session, context.clock.now());
    const tz = context.timeZone;
    const operation = payment?.operations[0];
    const record = session.recurring ? await context.paymentRecords.ofToken(context.merchant, session.token) : undefined;
    return compact({
      result: resultOut(code),
      transaction: payment && operation ? transactionOut(payment, operation, tz) : undefined,
      payment: payment && operation ? paymentOut(payment, operation) : { ...session.payment },
      authorization: payment ? authorizationOut(payment, tz) : undefined,
      privateDataList: privateDataListOut(session.privateDataList),
      paymentRecordId: record?.paymentRecordId,
      billingRecordList: record ? { billingRecord: record.billingRecords.map((b) => billingRecordOut(b)) } : undefined,
      card: payment ? cardOut(payment) : undefined,
      order: orderOut(session.order, tz),
      numberOfAttempt: session.attempts,
      contractNumber: payment?.contractNumber ?? session.payment.contractNumber,
      buyer: session.buyer,
    });
  },
};
