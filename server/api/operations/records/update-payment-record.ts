import type { OperationDef } from '../../operation.js';
import { object, objectType, text } from '../../schema/field.js';
import * as schema from '../../schema/objects.js';
import * as responses from '../../schema/response-objects.js';
import { paymentRecordId, recurringForUpdate } from '../../schema/wallet-objects.js';
import type { RecurringUpdate } from '../../../service/payment-records-service.js';
import { paymentRecordResponseFields } from './get-payment-record.js';
import { paymentRecordAnswer } from './record-answer.js';

/**
 * updatePaymentRecord (DirectPaymentAPI): billingLeft (due dates still to come), billingDay,
 * endDate, newAmount from amountModificationDate; the due dates not yet tried are planned again.
 * 02507 unknown, 02508 disabled, 02515 nothing to change.
 */
export const updatePaymentRecord: OperationDef = {
  name: 'updatePaymentRecord',
  service: 'DirectPaymentAPI',
  request: objectType(
    'updatePaymentRecordRequest',
    { version: schema.version, contractNumber: text(20), paymentRecordId, recurring: object(recurringForUpdate) },
    ['contractNumber', 'paymentRecordId', 'recurring'],
  ),
  response: responses.responseType('updatePaymentRecordResponse', paymentRecordResponseFields),
  async handle(context, request) {
    const outcome = await context.paymentRecords.update(context.merchant, request.paymentRecordId as string, request.recurring as RecurringUpdate);
    return paymentRecordAnswer(outcome, context.timeZone);
  },
};
