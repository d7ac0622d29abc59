import { parseDate, parseDateTime } from '../../core/payline-date.js';
import { CODES } from '../../core/result-codes.js';
import type { PaymentSearch } from '../../store/store.js';
import { resultOnly, type OperationDef } from '../operation.js';
import { coded, objectType, text } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import * as responses from '../schema/response-objects.js';
import { cardOut, compact, findOperation, paymentOut, resultOut, transactionOut } from '../encode/payline-objects.js';

/** The widest search interval (02320 beyond). */
const MAX_INTERVAL_MS = 366 * 24 * 60 * 60 * 1000;
/** At most this many transactions in one answer (02311 beyond: narrow the search). */
const MAX_RESULTS = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A search bound: `dd/mm/yyyy` (a whole day) or `dd/mm/yyyy HH:mm[:ss]`. An end bound covers
 * its whole day, minute or second, so "13:00" still finds a payment at 13:00:30.
 */
function bound(value: string, timeZone: string, end: boolean): number | undefined {
  const day = parseDate(value, timeZone);
  if (day !== undefined) return end ? day + DAY_MS - 1 : day;
  const time = parseDateTime(value, timeZone);
  if (time === undefined || !end) return time;
  return time + (value.length > 16 ? 999 : 59_999);
}

/** transactionsSearch (ExtendedAPI): the merchant's transactions in a period, with filters. */
export const transactionsSearch: OperationDef = {
  name: 'transactionsSearch',
  service: 'ExtendedAPI',
  request: objectType(
    'transactionsSearchRequest',
    {
      version: schema.version,
      transactionId: schema.transactionId,
      orderRef: text(50),
      startDate: text(19),
      endDate: text(19),
      contractNumber: text(20),
      authorizationNumber: text(20),
      returnCode: coded(5, /^\d{5}$/, 'a 5-digit result code'),
      currency: schema.currency,
      minAmount: schema.amount,
      maxAmount: schema.amount,
      token: text(100),
    },
    ['version', 'startDate', 'endDate'],
  ),
  response: responses.responseType('transactionsSearchResponse', { transactionList: responses.transactionList }),
  async handle(context, request) {
    const tz = context.timeZone;
    const from = bound(request.startDate as string, tz, false);
    if (from === undefined) return resultOnly(CODES.INVALID_FIELD, 'startDate must be a date dd/mm/yyyy or dd/mm/yyyy HH:mm');
    const to = bound(request.endDate as string, tz, true);
    if (to === undefined) return resultOnly(CODES.INVALID_FIELD, 'endDate must be a date dd/mm/yyyy or dd/mm/yyyy HH:mm');
    if (to < from) return resultOnly(CODES.INVALID_SEARCH, 'endDate is before startDate');
    if (to - from > MAX_INTERVAL_MS) return resultOnly(CODES.SEARCH_INTERVAL_TOO_LONG, 'the search interval must not exceed 366 days');
    const search: PaymentSearch = {
      merchantId: context.merchant.merchantId,
      from,
      to,
      limit: MAX_RESULTS + 1,
      ...pick(request, ['transactionId', 'orderRef', 'contractNumber', 'authorizationNumber', 'currency', 'minAmount', 'maxAmount', 'token']),
      ...(request.returnCode ? { resultCode: request.returnCode as string } : {}),
    };
    const payments = await context.payments.search(search);
    if (payments.length > MAX_RESULTS) return resultOnly(CODES.TOO_MANY_MATCHES, `more than ${MAX_RESULTS} transactions match: narrow the search`);
    if (payments.length === 0) return { result: resultOut(CODES.NO_MATCH), transactionList: { transaction: [] } };
    const transaction = payments.map((payment) => {
      const operation = findOperation(payment, (request.transactionId as string | undefined) ?? payment.id);
      return compact({
        ...transactionOut(payment, operation, tz),
        orderReference: payment.orderRef,
        payment: paymentOut(payment, operation),
        card: cardOut(payment),
      });
    });
    return { result: resultOut(CODES.ACCEPTED), transactionList: { transaction } };
  },
};

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}
