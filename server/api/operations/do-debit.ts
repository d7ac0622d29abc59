import { PaymentKind } from '../../core/payment.js';
import { checkNewPayment, type CardIn, type OperationDef, type OrderIn, type PaymentIn } from '../operation.js';
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
    const checked = checkNewPayment(payment, [204]);
    if (!checked.ok) return checked.answer;
    const order = request.order as OrderIn;
    const outcome = await context.payments.createWithCard({
      merchant: context.merchant,
      kind: PaymentKind.DEBIT,
      terms: checked.terms,
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
