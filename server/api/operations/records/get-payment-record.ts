import { CODES } from '../../../core/result-codes.js';
import type { OperationDef } from '../../operation.js';
import { object, objectType, text } from '../../schema/field.js';
import * as schema from '../../schema/objects.js';
import * as responses from '../../schema/response-objects.js';
import { billingRecordList, paymentRecordId, recurring } from '../../schema/wallet-objects.js';
import { paymentRecordAnswer } from './record-answer.js';

/** The fields getPaymentRecord and updatePaymentRecord answer (payline-api.md §2.5). */
export const paymentRecordResponseFields = {
  recurring: object(recurring),
  isDisabled: responses.out,
  disableDate: responses.out,
  billingRecordList,
  privateDataList: schema.privateDataList,
  order: object(schema.order),
  walletId: responses.out,
};

/** getPaymentRecord (DirectPaymentAPI): the record, its recurring options and every billing record. Stops its BILL notifications. */
export const getPaymentRecord: OperationDef = {
  name: 'getPaymentRecord',
  service: 'DirectPaymentAPI',
  request: objectType('getPaymentRecordRequest', { version: schema.version, contractNumber: text(20), paymentRecordId }, ['version', 'contractNumber', 'paymentRecordId']),
  response: responses.responseType('getPaymentRecordResponse', paymentRecordResponseFields),
  async handle(context, request) {
    const id = request.paymentRecordId as string;
    const stored = await context.paymentRecords.get(context.merchant, id);
    if (!stored) return paymentRecordAnswer({ code: CODES.PAYMENT_RECORD_NOT_FOUND, message: `payment record ${id} does not exist` }, context.timeZone);
    await context.detailsFetched.paymentRecord(context.merchant.merchantId, id);
    return paymentRecordAnswer({ code: CODES.OPERATION_SUCCESSFUL, record: stored.value }, context.timeZone);
  },
};
