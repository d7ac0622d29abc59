import type { Payment } from '../core/payment.js';
import type { PaymentSearch } from './store.js';

/** How every backend filters payments for Store.searchPayments. */

/** Every criterion given must hold (merchantId and limit are applied by the caller). */
export function matchesSearch(payment: Payment, search: PaymentSearch): boolean {
  const { transactionId: tx } = search;
  return (
    (search.from === undefined || payment.createdAt >= search.from) &&
    (search.to === undefined || payment.createdAt <= search.to) &&
    (search.orderRef === undefined || payment.orderRef === search.orderRef) &&
    (tx === undefined || payment.id === tx || payment.operations.some((operation) => operation.id === tx)) &&
    (search.contractNumber === undefined || payment.contractNumber === search.contractNumber) &&
    (search.resultCode === undefined || payment.resultCode === search.resultCode) &&
    (search.authorizationNumber === undefined || payment.authorizationNumber === search.authorizationNumber) &&
    (search.currency === undefined || payment.currency === search.currency) &&
    (search.minAmount === undefined || payment.amount >= search.minAmount) &&
    (search.maxAmount === undefined || payment.amount <= search.maxAmount) &&
    (search.token === undefined || payment.token === search.token)
  );
}
