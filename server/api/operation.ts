import type { Clock } from '../core/clock.js';
import type { JsonValue } from '../core/payment.js';
import type { Merchant } from '../merchants/merchant.js';
import type { DetailsFetched } from '../service/details-fetched.js';
import type { PaymentsService } from '../service/payments-service.js';
import type { ThreeDSecureService } from '../service/three-d-secure-service.js';
import type { WebPaymentsService } from '../service/web-payments-service.js';
import type { WebWalletsService } from '../service/web-wallets-service.js';
import type { WalletsService } from '../service/wallets-service.js';
import type { PaymentRecordsService } from '../service/payment-records-service.js';
import type { ObjectType } from './schema/field.js';
import { validate } from './schema/validate.js';
import { resultOut } from './encode/payline-objects.js';
import { CODES } from '../core/result-codes.js';

/**
 * One Payline operation: its request and response schemas and its handler, written once and
 * served by both faces (JSON at /v4/{name}, SOAP on its service). The handler gets a validated
 * request and answers the response object, `result` first; `response` gives its fields'
 * Payline order, for the SOAP encoding and the WSDL.
 */
export type PaylineService = 'WebPaymentAPI' | 'DirectPaymentAPI' | 'ExtendedAPI';

export interface OperationContext {
  merchant: Merchant;
  payments: PaymentsService;
  webPayments: WebPaymentsService;
  webWallets: WebWalletsService;
  wallets: WalletsService;
  paymentRecords: PaymentRecordsService;
  threeDSecure: ThreeDSecureService;
  /** Payline's stop rule: the details operations say what the merchant has now seen. */
  detailsFetched: DetailsFetched;
  clock: Clock;
  timeZone: string;
}

export type Response = Record<string, unknown>;

export interface OperationDef {
  name: string;
  service: PaylineService;
  request: ObjectType;
  /** `{name}Response`: result first, then the fields the handler may answer, in Payline's order. */
  response: ObjectType;
  handle(context: OperationContext, request: Record<string, unknown>): Promise<Response>;
}

/** Validates then handles: bad input answers 02305 (or the field's own code) with the field's path, and nothing is written. */
export async function runOperation(operation: OperationDef, context: OperationContext, body: unknown): Promise<Response> {
  const checked = validate(operation.request, body);
  if (!checked.ok) return { result: resultOut(checked.code ?? CODES.INVALID_FIELD, checked.message) };
  return operation.handle(context, checked.value);
}

/** The validated `payment` object. */
export interface PaymentIn {
  amount: number;
  currency: number;
  action: number;
  mode: string;
  contractNumber?: string;
  differedActionDate?: string;
  /** What the shopper's statement shows (AN64, API v13+). */
  softDescriptor?: string;
}

/** The validated `order` object. */
export type OrderIn = { ref: string; amount: number; currency: number; date: string } & { [key: string]: JsonValue };

/** The validated `card` object. */
export interface CardIn {
  number?: string;
  type: string;
  expirationDate?: string;
  cvx?: string;
  cardholder?: string;
}

/** An answer with only a result. */
export function resultOnly(code: string, message?: string): Response {
  return { result: resultOut(code, message) };
}

/**
 * The checks of a `payment` that starts a transaction (doAuthorization, doDebit, doCredit,
 * doWebPayment): an allowed action (02321), a contract, an amount above 0 (02305).
 */
export function checkNewPayment(
  payment: PaymentIn,
  allowed: readonly number[],
): { ok: true; terms: PaymentIn & { contractNumber: string } } | { ok: false; answer: Response } {
  const refused = checkAction(payment, allowed);
  if (refused) return { ok: false, answer: refused };
  if (!payment.contractNumber) return { ok: false, answer: resultOnly(CODES.INVALID_FIELD, 'payment.contractNumber is required') };
  if (payment.amount === 0) return { ok: false, answer: resultOnly(CODES.INVALID_FIELD, 'payment.amount must be greater than 0') };
  return { ok: true, terms: { ...payment, contractNumber: payment.contractNumber } };
}

/** Refuses a payment.action outside `allowed` (02321). */
export function checkAction(payment: PaymentIn, allowed: readonly number[]): Response | undefined {
  return allowed.includes(payment.action)
    ? undefined
    : resultOnly(CODES.INVALID_PAYMENT_ACTION, `payment.action must be ${allowed.join(' or ')} for this operation`);
}
