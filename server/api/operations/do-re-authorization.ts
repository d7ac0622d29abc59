import { CODES } from '../../core/result-codes.js';
import { checkAction, resultOnly, type OperationDef, type OrderIn, type PaymentIn } from '../operation.js';
import { object, objectType } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import * as responses from '../schema/response-objects.js';
import { paymentAnswer } from './payment-answer.js';

/**
 * doReAuthorization: duplicates an authorization on the same card to renew its validity
 * (seed 003). Action 202 or 100 authorizes only; 101 authorizes and captures.
 */
export const doReAuthorization: OperationDef = {
  name: 'doReAuthorization',
  service: 'DirectPaymentAPI',
  request: objectType(
    'doReAuthorizationRequest',
    {
      version: schema.version,
      transactionID: schema.transactionId,
      payment: object(schema.payment),
      order: object(schema.order),
      privateDataList: schema.privateDataList,
      media: schema.media,
    },
    ['version', 'transactionID', 'payment', 'order'],
  ),
  response: responses.responseType('doReAuthorizationResponse', { transaction: object(responses.transaction), card: object(responses.cardOut) }),
  async handle(context, request) {
    const payment = request.payment as PaymentIn;
    const refused = checkAction(payment, [202, 100, 101]);
    if (refused) return refused;
    if (payment.amount === 0) return resultOnly(CODES.INVALID_FIELD, 'payment.amount must be greater than 0');
    const order = request.order as OrderIn;
    const outcome = await context.payments.reauthorize(context.merchant, request.transactionID as string, {
      amount: payment.amount,
      currency: payment.currency,
      action: payment.action === 101 ? 101 : 100,
      mode: payment.mode,
      ...(payment.differedActionDate ? { differedActionDate: payment.differedActionDate } : {}),
      orderRef: order.ref,
      order,
    });
    return paymentAnswer(outcome, context.timeZone, { card: true });
  },
};
