import type { OperationDef } from '../../operation.js';
import { resultOut } from '../../encode/payline-objects.js';
import { objectType, text } from '../../schema/field.js';
import * as responses from '../../schema/response-objects.js';
import { paymentRecordId } from '../../schema/wallet-objects.js';

/** disablePaymentRecord (DirectPaymentAPI): no due date of the record runs any more (status 4). 02507 unknown, 02508 already disabled. */
export const disablePaymentRecord: OperationDef = {
  name: 'disablePaymentRecord',
  service: 'DirectPaymentAPI',
  request: objectType('disablePaymentRecordRequest', { contractNumber: text(20), paymentRecordId }, ['contractNumber', 'paymentRecordId']),
  response: responses.responseType('disablePaymentRecordResponse'),
  async handle(context, request) {
    const outcome = await context.paymentRecords.disable(context.merchant, request.paymentRecordId as string);
    return { result: resultOut(outcome.code, outcome.message) };
  },
};
