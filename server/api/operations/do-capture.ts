import { checkAction, type OperationDef, type PaymentIn } from '../operation.js';
import { object, objectType } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import * as responses from '../schema/response-objects.js';
import { paymentAnswer } from './payment-answer.js';

/** doCapture (action 201): captures all or part of an authorization, never beyond it. */
export const doCapture: OperationDef = {
  name: 'doCapture',
  service: 'DirectPaymentAPI',
  request: objectType(
    'doCaptureRequest',
    {
      version: schema.version,
      transactionID: schema.transactionId,
      payment: object(schema.payment),
      privateDataList: schema.privateDataList,
      sequenceNumber: schema.sequenceNumber,
      media: schema.media,
    },
    ['version', 'transactionID', 'payment'],
  ),
  response: responses.responseType('doCaptureResponse', { transaction: object(responses.transaction) }),
  async handle(context, request) {
    const payment = request.payment as PaymentIn;
    const refused = checkAction(payment, [201]);
    if (refused) return refused;
    const outcome = await context.payments.capture(context.merchant, request.transactionID as string, {
      amount: payment.amount,
      currency: payment.currency,
    });
    return paymentAnswer(outcome, context.timeZone);
  },
};
