import { PaymentKind } from '../../core/payment.js';
import { checkNewPayment, resultOnly, type CardIn, type OperationDef, type OrderIn, type PaymentIn } from '../operation.js';
import { objectType, object } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import * as responses from '../schema/response-objects.js';
import { authentication3DSecure } from '../schema/three-d-secure-objects.js';
import { paymentAnswer } from './payment-answer.js';

/**
 * doAuthorization (DirectPaymentAPI): action 100 (authorization) or 101 (authorization + capture).
 * With authentication3DSecure (the direct 3-D Secure flow), the authentication it names is
 * checked first and the transaction is 3-D Secure (threeDSecure Y) when the shopper passed it.
 */
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
      authentication3DSecure: object(authentication3DSecure),
      media: schema.media,
    },
    ['version', 'payment', 'card', 'order'],
  ),
  response: responses.responseType('doAuthorizationResponse', {
    transaction: object(responses.transaction),
    authorization: object(schema.authorization),
    card: object(responses.cardOut),
    privateDataList: schema.privateDataList,
    contractNumber: responses.out,
  }),
  async handle(context, request) {
    const payment = request.payment as PaymentIn;
    const checked = checkNewPayment(payment, [100, 101]);
    if (!checked.ok) return checked.answer;
    const order = request.order as OrderIn;
    const card = request.card as CardIn;
    const reference = request.authentication3DSecure as { xid?: string; pares?: string } | undefined;
    const authenticated = reference ? await context.threeDSecure.forAuthorization(context.merchant, reference, { card, amount: payment.amount, currency: payment.currency }) : undefined;
    if (authenticated && !authenticated.ok) return resultOnly(authenticated.code, authenticated.message);
    const outcome = await context.payments.createWithCard({
      merchant: context.merchant,
      kind: PaymentKind.AUTHORIZATION,
      terms: checked.terms,
      card,
      orderRef: order.ref,
      order,
      ...(request.buyer ? { buyer: request.buyer as OrderIn } : {}),
      ...(request.privateDataList ? { privateDataList: request.privateDataList as never } : {}),
      ...(authenticated ? { threeDSecure: authenticated.threeDSecure, ...(authenticated.authentication ? { authentication: authenticated.authentication } : {}) } : {}),
    });
    return paymentAnswer(outcome, context.timeZone, { authorization: true, card: true, contractNumber: true, privateDataList: true });
  },
};
