import type { OperationDef } from '../operation.js';
import { object, objectType } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import * as responses from '../schema/response-objects.js';
import { paymentAnswer } from './payment-answer.js';

/** doReset: cancels an authorization, or captures not yet remitted (02105 after the remittance). */
export const doReset: OperationDef = {
  name: 'doReset',
  service: 'DirectPaymentAPI',
  request: objectType(
    'doResetRequest',
    {
      version: schema.version,
      transactionID: schema.transactionId,
      comment: schema.comment,
      media: schema.media,
      amount: schema.amount,
      currency: schema.currency,
      privateDataList: schema.privateDataList,
      sequenceNumber: schema.sequenceNumber,
    },
    ['version', 'transactionID'],
  ),
  response: responses.responseType('doResetResponse', { transaction: object(responses.transaction) }),
  async handle(context, request) {
    const outcome = await context.payments.reset(context.merchant, request.transactionID as string, {
      ...(request.amount !== undefined ? { amount: request.amount as number } : {}),
      ...(request.currency !== undefined ? { currency: request.currency as number } : {}),
      ...(request.comment ? { comment: request.comment as string } : {}),
    });
    return paymentAnswer(outcome, context.timeZone);
  },
};
