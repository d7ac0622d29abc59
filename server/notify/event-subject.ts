import type { Payment } from '../core/payment.js';
import type { WebSession } from '../core/web-session-types.js';
import type { Store, StoredEvent } from '../store/store.js';

/** What an event is about, read from the store when it is dispatched: its payment and its web session. */
export interface EventSubject {
  payment?: Payment;
  session?: WebSession;
}

/** Events whose subject each store keeps at hand: a few hundred, enough for every channel to pass. */
const REMEMBERED = 512;
const readings = new WeakMap<Store, Map<string, Promise<EventSubject>>>();

/**
 * Reads the payment (`data.paymentId`) and the session (`data.token`) an event names, within its
 * merchant. The channels each take the same event within moments: the first one's read serves
 * the others, instead of one store read per channel.
 */
export function loadEventSubject(store: Store, event: StoredEvent): Promise<EventSubject> {
  let recent = readings.get(store);
  if (!recent) readings.set(store, (recent = new Map()));
  const known = recent.get(event.id);
  if (known) return known;
  const reading = readEventSubject(store, event);
  recent.set(event.id, reading);
  // Forget the oldest (Map order is insertion order); a failed read is not kept.
  if (recent.size > REMEMBERED) recent.delete(recent.keys().next().value!);
  reading.catch(() => recent.delete(event.id));
  return reading;
}

async function readEventSubject(store: Store, event: StoredEvent): Promise<EventSubject> {
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
