import { PaymentKind } from '../../core/payment.js';
import { CODES } from '../../core/result-codes.js';
import { checkAction, resultOnly, type CardIn, type OperationDef, type OrderIn, type PaymentIn } from '../operation.js';
import { object, objectType } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import * as responses from '../schema/response-objects.js';
import { paymentAnswer } from './payment-answer.js';

/** doDebit (action 204): a debit with an authorization number obtained elsewhere (phone, terminal). */
export const doDebit: OperationDef = {
  name: 'doDebit',
  service: 'DirectPaymentAPI',
  request: objectType(
    'doDebitRequest',
    {
      version: schema.version,
      payment: object(schema.payment),
      card: object(schema.card),
      order: object(schema.order),
      buyer: object(schema.buyer),
      owner: object(schema.owner),
      privateDataList: schema.privateDataList,
      authorization: object(schema.authorization),
      media: schema.media,
    },
    ['version', 'payment', 'card', 'order', 'authorization'],
  ),
  response: responses.responseType('doDebitResponse', { transaction: object(responses.transaction), card: object(responses.cardOut) }),
  async handle(context, request) {
    const payment = request.payment as PaymentIn;
    const refused = checkAction(payment, [204]);
    if (refused) return refused;
    if (!payment.contractNumber) return resultOnly(CODES.INVALID_FIELD, 'payment.contractNumber is required');
    if (payment.amount === 0) return resultOnly(CODES.INVALID_FIELD, 'payment.amount must be greater than 0');
    const order = request.order as OrderIn;
    const outcome = await context.payments.createWithCard({
      merchant: context.merchant,
      kind: PaymentKind.DEBIT,
      terms: { ...payment, contractNumber: payment.contractNumber },
      card: request.card as CardIn,
      orderRef: order.ref,
      order,
      authorizationNumber: (request.authorization as { number: string }).number,
      ...(request.buyer ? { buyer: request.buyer as OrderIn } : {}),
      ...(request.privateDataList ? { privateDataList: request.privateDataList as never } : {}),
    });
    return paymentAnswer(outcome, context.timeZone, { card: true });
  },
};
