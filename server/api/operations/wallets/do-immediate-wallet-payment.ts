import { checkNewPayment, type OperationDef, type OrderIn, type PaymentIn } from '../../operation.js';
import { coded, object, objectType } from '../../schema/field.js';
import * as schema from '../../schema/objects.js';
import * as responses from '../../schema/response-objects.js';
import { cardInd, walletId } from '../../schema/wallet-objects.js';
import { paymentAnswer } from '../payment-answer.js';

/**
 * doImmediateWalletPayment (DirectPaymentAPI): a payment with a wallet card (the default one
 * unless cardInd names another), through the acquirer like doAuthorization. The CVV is taken
 * from the request when given, never from the wallet (it is not kept). 02503 unknown wallet,
 * 02505 wallet or card disabled, 02518 no such card.
 */
export const doImmediateWalletPayment: OperationDef = {
  name: 'doImmediateWalletPayment',
  service: 'DirectPaymentAPI',
  request: objectType(
    'doImmediateWalletPaymentRequest',
    {
      version: schema.version,
      payment: object(schema.payment),
      order: object(schema.order),
      buyer: object(schema.buyer),
      walletId,
      cardInd,
      cvx: coded(4, /^\d{3,4}$/, '3 or 4 digits'),
      privateDataList: schema.walletPrivateDataList,
      media: schema.media,
    },
    ['version', 'payment', 'order', 'walletId'],
  ),
  response: responses.responseType('doImmediateWalletPaymentResponse', {
    transaction: object(responses.transaction),
    authorization: object(schema.authorization),
  }),
  async handle(context, request) {
    const checked = checkNewPayment(request.payment as PaymentIn, [100, 101]);
    if (!checked.ok) return checked.answer;
    const order = request.order as OrderIn;
    const outcome = await context.wallets.payFromWallet(context.merchant, {
      merchant: context.merchant,
      walletId: request.walletId as string,
      ...(request.cardInd !== undefined ? { cardInd: request.cardInd as number } : {}),
      ...(request.cvx ? { cvx: request.cvx as string } : {}),
      terms: checked.terms,
      orderRef: order.ref,
      order,
      ...(request.buyer ? { buyer: request.buyer as OrderIn } : {}),
      ...(request.privateDataList ? { privateDataList: request.privateDataList as never } : {}),
    });
    return paymentAnswer(outcome, context.timeZone, { authorization: true });
  },
};
