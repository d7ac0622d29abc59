import type { Payment } from '../../core/payment.js';
import type { PaymentOutcome } from '../../service/payments-service.js';
import { authorizationOut, cardOut, compact, findOperation, paymentOut, privateDataListOut, resultOut, transactionOut } from '../encode/payline-objects.js';
import type { Response } from '../operation.js';

/**
 * The answer of the operations that make or change a transaction: result, then the transaction
 * the call produced (or the one it refused) and, as each operation's schema lists them, the
 * card, authorization and payment objects.
 */
export interface AnswerParts {
  card?: boolean;
  authorization?: boolean;
  payment?: boolean;
  contractNumber?: boolean;
  privateDataList?: boolean;
}

export function paymentAnswer(outcome: PaymentOutcome, timeZone: string, parts: AnswerParts = {}): Response {
  const result = resultOut(outcome.code, outcome.message);
  const payment: Payment | undefined = outcome.payment;
  if (!payment) return { result };
  const operation = findOperation(payment, outcome.transactionId ?? payment.id);
  return compact({
    result,
    transaction: transactionOut(payment, operation, timeZone),
    payment: parts.payment ? paymentOut(payment, operation) : undefined,
    authorization: parts.authorization ? authorizationOut(payment, timeZone) : undefined,
    card: parts.card ? cardOut(payment) : undefined,
    contractNumber: parts.contractNumber ? payment.contractNumber : undefined,
    privateDataList: parts.privateDataList ? privateDataListOut(payment.privateDataList) : undefined,
  });
}
