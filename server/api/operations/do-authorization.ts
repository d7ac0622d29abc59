import { PaymentKind } from '../../core/payment.js';
import { CODES } from '../../core/result-codes.js';
import { checkAction, resultOnly, type CardIn, type OperationDef, type OrderIn, type PaymentIn } from '../operation.js';
import { objectType, object } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import { paymentAnswer } from './payment-answer.js';

/** doAuthorization (DirectPaymentAPI): action 100 (authorization) or 101 (authorization + capture). */
export const doAuthorization: OperationDef = {
  name: 'doAuthorization',
  service: 'DirectPaymentAPI',
  request: objectType(
    'doAuthorizationRequest',
    {
      version: schema.version,
      payment: object(schema.payment),
      bankAccountData: object(schema.bankAccountData),
      card: object(schema.card),
      order: object(schema.order),
      buyer: object(schema.buyer),
      owner: object(schema.owner),
      privateDataList: schema.privateDataList,
      media: schema.media,
    },
    ['version', 'payment', 'card', 'order'],
  ),
  async handle(context, request) {
    const payment = request.payment as PaymentIn;
    const refused = checkAction(payment, [100, 101]);
    if (refused) return refused;
    if (!payment.contractNumber) return resultOnly(CODES.INVALID_FIELD, 'payment.contractNumber is required');
    if (payment.amount === 0) return resultOnly(CODES.INVALID_FIELD, 'payment.amount must be greater than 0');
    const order = request.order as OrderIn;
    const outcome = await context.payments.createWithCard({
      merchant: context.merchant,
      kind: PaymentKind.AUTHORIZATION,
      terms: { ...payment, contractNumber: payment.contractNumber },
      card: request.card as CardIn,
      orderRef: order.ref,
      order,
      ...(request.buyer ? { buyer: request.buyer as OrderIn } : {}),
      ...(request.privateDataList ? { privateDataList: request.privateDataList as never } : {}),
    });
    return paymentAnswer(outcome, context.timeZone, { authorization: true, card: true, contractNumber: true, privateDataList: true });
  },
};
