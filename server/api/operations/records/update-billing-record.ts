import type { OperationDef } from '../../operation.js';
import { object, objectType, text } from '../../schema/field.js';
import * as responses from '../../schema/response-objects.js';
import { billingRecordForUpdate, billingRecordId, paymentRecordId } from '../../schema/wallet-objects.js';
import type { BillingUpdate } from '../../../service/payment-records-service.js';
import { billingRecordResponseFields } from './get-billing-record.js';
import { billingRecordAnswer } from './record-answer.js';

/**
 * updateBillingRecord (DirectPaymentAPI): a due date still to come gets another date, amount,
 * execution day, or status 4 (skipped). 02508 disabled record, 02510 unknown billing record,
 * 02509 a due date that already ran or a day in the past, 02515 nothing to change.
 */
export const updateBillingRecord: OperationDef = {
  name: 'updateBillingRecord',
  service: 'DirectPaymentAPI',
  request: objectType(
    'updateBillingRecordRequest',
    { contractNumber: text(20), paymentRecordId, billingRecordId, billingRecordForUpdate: object(billingRecordForUpdate) },
    ['contractNumber', 'paymentRecordId', 'billingRecordId', 'billingRecordForUpdate'],
  ),
  response: responses.responseType('updateBillingRecordResponse', billingRecordResponseFields),
  async handle(context, request) {
    const outcome = await context.paymentRecords.updateBilling(
      context.merchant,
      request.paymentRecordId as string,
      request.billingRecordId as string,
      request.billingRecordForUpdate as BillingUpdate,
    );
    return billingRecordAnswer(outcome, context.timeZone);
  },
};
