import { notificationUrlProblem } from '../../core/notification-url.js';
import { CODES } from '../../core/result-codes.js';
import { checkNewPayment, resultOnly, type OperationDef, type OrderIn, type PaymentIn } from '../operation.js';
import { object, objectType, text } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import * as responses from '../schema/response-objects.js';
import { resultOut } from '../encode/payline-objects.js';
import { recurring } from '../schema/wallet-objects.js';
import type { Recurring } from '../../core/payment-record.js';

/**
 * doWebPayment: opens a payment session; the shopper pays it in the widget under its token.
 * In mode NX or REC (with `recurring` and `buyer.walletId`) the widget takes the first due date;
 * the card is saved in the wallet and the others are paid from it (payline-api.md §9.3).
 */
export const doWebPayment: OperationDef = {
  name: 'doWebPayment',
  service: 'WebPaymentAPI',
  request: objectType(
    'doWebPaymentRequest',
    {
      version: schema.version,
      payment: object(schema.payment),
      returnURL: schema.url,
      cancelURL: schema.url,
      order: object(schema.order),
      notificationURL: schema.url,
      selectedContractList: schema.selectedContractList,
      secondSelectedContractList: schema.selectedContractList,
      privateDataList: schema.privateDataList,
      languageCode: schema.languageCode,
      customPaymentPageCode: text(50),
      buyer: object(schema.buyer),
      owner: object(schema.owner),
      securityMode: text(10),
      recurring: object(recurring),
      customPaymentTemplateURL: schema.url,
      merchantName: text(100),
    },
    ['version', 'payment', 'returnURL', 'cancelURL', 'order'],
  ),
  response: responses.responseType('doWebPaymentResponse', { token: responses.out, redirectURL: responses.out }),
  async handle(context, request) {
    const payment = request.payment as PaymentIn;
    const checked = checkNewPayment(payment, [100, 101]);
    if (!checked.ok) return checked.answer;
    const urlProblem = request.notificationURL ? notificationUrlProblem(request.notificationURL as string) : undefined;
    if (urlProblem) return resultOnly(CODES.INVALID_FIELD, `notificationURL ${urlProblem}`);
    const order = request.order as OrderIn;
    const walletId = (request.buyer as { walletId?: string } | undefined)?.walletId;
    const outcome = await context.webPayments.create({
      merchant: context.merchant,
      terms: checked.terms,
      orderRef: order.ref,
      order,
      selectedContracts: (request.selectedContractList as string[] | undefined) ?? [],
      returnURL: request.returnURL as string,
      cancelURL: request.cancelURL as string,
      ...(request.notificationURL ? { notificationURL: request.notificationURL as string } : {}),
      ...(request.languageCode ? { languageCode: request.languageCode as string } : {}),
      ...(request.buyer ? { buyer: request.buyer as OrderIn } : {}),
      ...(request.privateDataList ? { privateDataList: request.privateDataList as never } : {}),
      ...(request.recurring ? { recurring: request.recurring as Omit<Recurring, 'startDate'> } : {}),
      ...(walletId ? { walletId } : {}),
    });
    if (!outcome.session) return { result: resultOut(outcome.code, outcome.message) };
    return { result: resultOut(outcome.code), token: outcome.session.token, redirectURL: outcome.redirectURL };
  },
};
