import { checkAction, type OperationDef, type PaymentIn } from '../operation.js';
import { object, objectType } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import * as responses from '../schema/response-objects.js';
import { paymentAnswer } from './payment-answer.js';

/** doRefund (action 421): gives back all or part of the captured money, several times if need be. */
export const doRefund: OperationDef = {
  name: 'doRefund',
  service: 'DirectPaymentAPI',
  request: objectType(
    'doRefundRequest',
    {
      version: schema.version,
      transactionID: schema.transactionId,
      payment: object(schema.payment),
      comment: schema.comment,
      privateDataList: schema.privateDataList,
      sequenceNumber: schema.sequenceNumber,
      media: schema.media,
    },
    ['version', 'transactionID', 'payment'],
  ),
  response: responses.responseType('doRefundResponse', { transaction: object(responses.transaction) }),
  async handle(context, request) {
    const payment = request.payment as PaymentIn;
    const refused = checkAction(payment, [421]);
    if (refused) return refused;
    const outcome = await context.payments.refund(context.merchant, request.transactionID as string, {
      amount: payment.amount,
      currency: payment.currency,
      ...(request.comment ? { comment: request.comment as string } : {}),
    });
    return paymentAnswer(outcome, context.timeZone);
  },
};
