import { CODES } from '../../../core/result-codes.js';
import type { RecordOutcome } from '../../../service/payment-records-service.js';
import { compact, resultOut } from '../../encode/payline-objects.js';
import { billingRecordOut, paymentRecordFields } from '../../encode/wallet-objects.js';
import type { Response } from '../../operation.js';

/** getPaymentRecord / updatePaymentRecord: the record's fields and its billing records; the result alone when refused. */
export function paymentRecordAnswer(outcome: RecordOutcome, timeZone: string, success: string = CODES.OPERATION_SUCCESSFUL): Response {
  const result = resultOut(outcome.code, outcome.message);
  if (outcome.code !== success || !outcome.record) return { result };
  return compact({
    result,
    ...paymentRecordFields(outcome.record, timeZone),
    billingRecordList: { billingRecord: outcome.record.billingRecords.map((b) => billingRecordOut(b)) },
  });
}

/** getBillingRecord / updateBillingRecord: the record's fields and the one billing record. */
export function billingRecordAnswer(outcome: RecordOutcome, timeZone: string): Response {
  const result = resultOut(outcome.code, outcome.message);
  if (outcome.code !== CODES.OPERATION_SUCCESSFUL || !outcome.record || !outcome.billing) return { result };
  return compact({ result, ...paymentRecordFields(outcome.record, timeZone), billingRecord: billingRecordOut(outcome.billing) });
}
