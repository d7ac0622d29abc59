import { CODES } from '../../../core/result-codes.js';
import { checkNewPayment, resultOnly, type OperationDef, type PaymentIn } from '../../operation.js';
import { resultOut } from '../../encode/payline-objects.js';
import { billingRecordOut } from '../../encode/wallet-objects.js';
import { coded, object, objectType, text } from '../../schema/field.js';
import * as schema from '../../schema/objects.js';
import * as responses from '../../schema/response-objects.js';
import { billingRecordList, cardInd, day, recurring, walletId } from '../../schema/wallet-objects.js';
import type { Recurring } from '../../../core/payment-record.js';
import { recordRequestOf } from './record-request.js';

/**
 * doRecurrentWalletPayment (DirectPaymentAPI): payment.mode NX (instalments: payment.amount =
 * firstAmount + (billingLeft − 1) × amount, else 02509) or REC (a subscription until endDate,
 * billingLeft due dates, or without end), billingCycle 10–90, billingDay, startDate (today or
 * later: 02509 for a past one). Answers the paymentRecordId and the billing records planned.
 */
export const doRecurrentWalletPayment: OperationDef = {
  name: 'doRecurrentWalletPayment',
  service: 'DirectPaymentAPI',
  request: objectType(
    'doRecurrentWalletPaymentRequest',
    {
      version: schema.version,
      payment: object(schema.payment),
      orderRef: text(50),
      orderDate: schema.dateTime,
      scheduledDate: day,
      walletId,
      cardInd,
      cvx: coded(4, /^\d{3,4}$/, '3 or 4 digits'),
      recurring: object(recurring),
      privateDataList: schema.walletPrivateDataList,
      order: object(schema.order),
      media: schema.media,
    },
    ['version', 'payment', 'walletId', 'recurring'],
  ),
  response: responses.responseType('doRecurrentWalletPaymentResponse', { paymentRecordId: responses.out, billingRecordList }),
  async handle(context, request) {
    const checked = checkNewPayment(request.payment as PaymentIn, [100, 101]);
    if (!checked.ok) return checked.answer;
    if (checked.terms.mode !== 'NX' && checked.terms.mode !== 'REC') return resultOnly(CODES.INVALID_PAYMENT_MODE, 'payment.mode must be NX or REC for a recurrent payment');
    if (!request.orderRef && !request.order) return resultOnly(CODES.INVALID_FIELD, 'orderRef is required (or order)');
    const outcome = await context.paymentRecords.create(context.merchant, {
      ...recordRequestOf(request, checked.terms),
      ...(request.scheduledDate ? { scheduledDate: request.scheduledDate as string } : {}),
      recurring: request.recurring as Omit<Recurring, 'startDate'>,
    });
    if (outcome.code !== CODES.OPERATION_SUCCESSFUL) return { result: resultOut(outcome.code, outcome.message) };
    const record = outcome.record!;
    return {
      result: resultOut(outcome.code),
      paymentRecordId: record.paymentRecordId,
      billingRecordList: { billingRecord: record.billingRecords.map((b) => billingRecordOut(b)) },
    };
  },
};
