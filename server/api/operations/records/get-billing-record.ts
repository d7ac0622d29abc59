import type { OperationDef } from '../../operation.js';
import { object, objectType, text } from '../../schema/field.js';
import * as schema from '../../schema/objects.js';
import * as responses from '../../schema/response-objects.js';
import { billingRecord, billingRecordId, paymentRecordId, recurring } from '../../schema/wallet-objects.js';
import { billingRecordAnswer } from './record-answer.js';

/** The fields getBillingRecord and updateBillingRecord answer (payline-api.md §2.5). */
export const billingRecordResponseFields = {
  recurring: object(recurring),
  isDisabled: responses.out,
  disableDate: responses.out,
  billingRecord: object(billingRecord),
  order: object(schema.order),
  privateDataList: schema.privateDataList,
  walletId: responses.out,
};

/** getBillingRecord (DirectPaymentAPI): one due date of a record. 02507 unknown record, 02510 unknown billing record. */
export const getBillingRecord: OperationDef = {
  name: 'getBillingRecord',
  service: 'DirectPaymentAPI',
  request: objectType('getBillingRecordRequest', { contractNumber: text(20), paymentRecordId, billingRecordId }, ['contractNumber', 'paymentRecordId', 'billingRecordId']),
  response: responses.responseType('getBillingRecordResponse', billingRecordResponseFields),
  async handle(context, request) {
    const outcome = await context.paymentRecords.billing(context.merchant, request.paymentRecordId as string, request.billingRecordId as string);
    return billingRecordAnswer(outcome, context.timeZone);
  },
};
