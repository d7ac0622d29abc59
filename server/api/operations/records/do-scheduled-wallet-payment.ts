import { CODES } from '../../../core/result-codes.js';
import { checkNewPayment, resultOnly, type OperationDef, type PaymentIn } from '../../operation.js';
import { resultOut } from '../../encode/payline-objects.js';
import { object, objectType, text } from '../../schema/field.js';
import * as schema from '../../schema/objects.js';
import * as responses from '../../schema/response-objects.js';
import { cardInd, day, walletId } from '../../schema/wallet-objects.js';
import { recordRequestOf } from './record-request.js';

/**
 * doScheduledWalletPayment (DirectPaymentAPI): a wallet payment run on `scheduledDate`
 * (dd/mm/yyyy, today or later; 02506 for a past day) by the job runner, answered with its
 * paymentRecordId. Its payment notifies TRSWALLET when it runs.
 */
export const doScheduledWalletPayment: OperationDef = {
  name: 'doScheduledWalletPayment',
  service: 'DirectPaymentAPI',
  request: objectType(
    'doScheduledWalletPaymentRequest',
    {
      version: schema.version,
      payment: object(schema.payment),
      orderRef: text(50),
      orderDate: schema.dateTime,
      scheduledDate: day,
      walletId,
      cardInd,
      order: object(schema.order),
      privateDataList: schema.walletPrivateDataList,
      media: schema.media,
    },
    ['version', 'payment', 'scheduledDate', 'walletId'],
  ),
  response: responses.responseType('doScheduledWalletPaymentResponse', { paymentRecordId: responses.out }),
  async handle(context, request) {
    const checked = checkNewPayment(request.payment as PaymentIn, [100, 101]);
    if (!checked.ok) return checked.answer;
    if (checked.terms.mode !== 'CPT') return resultOnly(CODES.INVALID_PAYMENT_MODE, 'payment.mode must be CPT for a scheduled payment');
    if (!request.orderRef && !request.order) return resultOnly(CODES.INVALID_FIELD, 'orderRef is required (or order)');
    const outcome = await context.paymentRecords.create(context.merchant, { ...recordRequestOf(request, checked.terms), scheduledDate: request.scheduledDate as string });
    return { result: resultOut(outcome.code, outcome.message), ...(outcome.code === CODES.OPERATION_SUCCESSFUL ? { paymentRecordId: outcome.record!.paymentRecordId } : {}) };
  },
};
