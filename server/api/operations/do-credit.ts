import { PaymentKind } from '../../core/payment.js';
import { checkNewPayment, type CardIn, type OperationDef, type OrderIn, type PaymentIn } from '../operation.js';
import { object, objectType } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import * as responses from '../schema/response-objects.js';
import { paymentAnswer } from './payment-answer.js';

/** doCredit (action 422): money sent to a card without a prior payment. */
export const doCredit: OperationDef = {
  name: 'doCredit',
  service: 'DirectPaymentAPI',
  request: objectType(
    'doCreditRequest',
    {
      version: schema.version,
      payment: object(schema.payment),
      card: object(schema.card),
      comment: schema.comment,
      order: object(schema.order),
      buyer: object(schema.buyer),
      owner: object(schema.owner),
      privateDataList: schema.privateDataList,
      media: schema.media,
    },
    ['version', 'payment', 'card'],
  ),
  response: responses.responseType('doCreditResponse', { transaction: object(responses.transaction), card: object(responses.cardOut) }),
  async handle(context, request) {
    const payment = request.payment as PaymentIn;
    const checked = checkNewPayment(payment, [422]);
    if (!checked.ok) return checked.answer;
    const order = request.order as OrderIn | undefined;
    const outcome = await context.payments.createWithCard({
      merchant: context.merchant,
      kind: PaymentKind.CREDIT,
      terms: checked.terms,
      card: request.card as CardIn,
      orderRef: order?.ref ?? '',
      order: order ?? {},
      ...(request.privateDataList ? { privateDataList: request.privateDataList as never } : {}),
    });
    return paymentAnswer(outcome, context.timeZone, { card: true });
  },
};
