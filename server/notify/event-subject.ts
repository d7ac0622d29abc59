import type { Payment } from '../core/payment.js';
import type { WebSession } from '../core/web-session-types.js';
import type { Store, StoredEvent } from '../store/store.js';

/** What an event is about, read from the store when it is dispatched: its payment and its web session. */
export interface EventSubject {
  payment?: Payment;
  session?: WebSession;
}

/** Reads the payment (`data.paymentId`) and the session (`data.token`) an event names, within its merchant. */
export async function loadEventSubject(store: Store, event: StoredEvent): Promise<EventSubject> {
  const { paymentId, token } = event.data;
  const [payment, session] = await Promise.all([
    typeof paymentId === 'string' ? store.getPayment(event.merchantId, paymentId) : undefined,
    typeof token === 'string' ? store.getSession(token) : undefined,
  ]);
  return {
    ...(payment ? { payment } : {}),
    ...(session && session.merchantId === event.merchantId ? { session } : {}),
  };
}
