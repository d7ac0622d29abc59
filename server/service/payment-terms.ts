import { currencyByNumeric } from '../core/money.js';
import type { Payment, PaymentMode } from '../core/payment.js';
import { formatDate, parseShortDate } from '../core/payline-date.js';
import { CODES } from '../core/result-codes.js';
import { findContract, type Merchant } from '../merchants/merchant.js';
import type { Job } from '../store/store.js';

/**
 * The `payment` object's business checks, shared by doAuthorization, doDebit, doCredit,
 * doWebPayment and the widget's pay endpoint: contract, card type, currency, mode.
 */
export interface PaymentTerms {
  amount: number;
  currency: number;
  action: number;
  mode: string;
  contractNumber: string;
  differedActionDate?: string;
  /** payment.softDescriptor: carried to the acquirer and the transaction. */
  softDescriptor?: string;
}

export type CheckedTerms = { ok: true; deferredCaptureAt?: number } | { ok: false; code: string; message: string };

/** payline-api.md §3.2: differedActionDate must be earlier than today + 7 days (so 6 days ahead at most). */
const MAX_DEFERRAL_DAYS = 6;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Calendar days from today (in the zone) to a `dd/mm/yy` date, counted on the dates themselves. */
function daysFromToday(shortDate: string, now: number, timeZone: string): number {
  const [d, m, y] = shortDate.split('/').map(Number) as [number, number, number];
  const [td, tm, ty] = formatDate(now, timeZone).split('/').map(Number) as [number, number, number];
  return Math.round((Date.UTC(2000 + y, m - 1, d) - Date.UTC(ty, tm - 1, td)) / DAY_MS);
}

/** Checks the terms; `cardType` is undefined for a web session, whose card comes later. */
export function checkPaymentTerms(merchant: Merchant, terms: PaymentTerms, cardType: string | undefined, now: number, timeZone: string): CheckedTerms {
  const contract = findContract(merchant, terms.contractNumber);
  if (!contract) return { ok: false, code: CODES.INVALID_CONTRACT, message: `payment.contractNumber ${terms.contractNumber} is not a contract of this merchant` };
  if (!currencyByNumeric(terms.currency)) return { ok: false, code: CODES.INVALID_FIELD, message: `payment.currency ${terms.currency} is not an ISO 4217 currency` };
  if (terms.currency !== contract.currency) {
    return { ok: false, code: CODES.INVALID_FIELD, message: `payment.currency must be ${contract.currency}, the currency of contract ${contract.contractNumber}` };
  }
  if (cardType !== undefined && !contract.cardTypes.includes(cardType)) {
    return { ok: false, code: CODES.INVALID_FIELD, message: `card.type ${cardType} is not accepted by contract ${contract.contractNumber} (${contract.cardTypes.join(', ')})` };
  }
  if (terms.mode === 'NX' || terms.mode === 'REC') {
    return { ok: false, code: CODES.INVALID_PAYMENT_MODE, message: `payment.mode ${terms.mode} is for doWebPayment (with recurring) and doRecurrentWalletPayment` };
  }
  if (terms.mode !== 'DIF') {
    if (terms.differedActionDate) return { ok: false, code: CODES.INVALID_FIELD, message: 'payment.differedActionDate must be empty unless payment.mode is DIF' };
    return { ok: true };
  }
  if (!terms.differedActionDate) return { ok: false, code: CODES.INVALID_FIELD, message: 'payment.differedActionDate is required when payment.mode is DIF' };
  const at = parseShortDate(terms.differedActionDate, timeZone);
  if (at === undefined) return { ok: false, code: CODES.INVALID_FIELD, message: 'payment.differedActionDate must be a real date dd/mm/yy' };
  const days = daysFromToday(terms.differedActionDate, now, timeZone);
  if (at <= now || days < 1 || days > MAX_DEFERRAL_DAYS) {
    return { ok: false, code: CODES.INVALID_FIELD, message: 'payment.differedActionDate must be after today and earlier than today + 7 days' };
  }
  return { ok: true, deferredCaptureAt: at };
}

/** The job that captures a DIF payment (action 101) on its date. */
export function deferredCaptureJob(payment: Payment, at: number): Job {
  return { id: `deferred-capture:${payment.id}`, type: 'deferred-capture', at, merchantId: payment.merchantId, ref: payment.id };
}

/** The mode of a stored payment from validated terms (NX and REC were refused before). */
export function paymentMode(terms: PaymentTerms): PaymentMode {
  return terms.mode === 'DIF' ? 'DIF' : 'CPT';
}
