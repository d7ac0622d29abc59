import type { JsonValue } from '../../../core/payment.js';
import type { PaymentIn } from '../../operation.js';
import type { NewRecordRequest } from '../../../service/payment-records-service.js';

/**
 * The parts doScheduledWalletPayment and doRecurrentWalletPayment share: the order (the `order`
 * object, else one built from orderRef and orderDate), the wallet card, the private data.
 */
export function recordRequestOf(request: Record<string, unknown>, terms: PaymentIn & { contractNumber: string }): Omit<NewRecordRequest, 'recurring' | 'scheduledDate'> {
  const given = request.order as { [key: string]: JsonValue } | undefined;
  const orderRef = (request.orderRef as string | undefined) ?? (given?.ref as string);
  const order = given ?? { ref: orderRef, amount: terms.amount, currency: terms.currency, ...(request.orderDate ? { date: request.orderDate as string } : {}) };
  const payment = request.payment as PaymentIn & { softDescriptor?: string };
  return {
    walletId: request.walletId as string,
    ...(request.cardInd !== undefined ? { cardInd: request.cardInd as number } : {}),
    terms,
    orderRef,
    order,
    ...(request.privateDataList !== undefined ? { privateDataList: request.privateDataList as JsonValue } : {}),
    ...(payment.softDescriptor ? { softDescriptor: payment.softDescriptor } : {}),
  };
}
