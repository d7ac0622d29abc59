import type { StoredEvent } from '../store/store.js';
import type { EventSubject } from './event-subject.js';
import {
  authorizationOut,
  cardOut,
  compact,
  findOperation,
  orderOut,
  paymentOut,
  resultOut,
  transactionOut,
} from '../api/encode/payline-objects.js';

/**
 * The body of a webhook, pure: Standard Webhooks' `{ type, timestamp, data }` plus the event id.
 * `data` is the event's own data with the Payline objects a merchant would get from
 * getTransactionDetails (result, transaction, payment, authorization, card, order): the card
 * masked, never more; no buyer. Built once per event, so every endpoint and retry gets the
 * same bytes.
 */
export interface WebhookBody {
  id: string;
  type: string;
  /** ISO 8601, the event's time. */
  timestamp: string;
  data: Record<string, unknown>;
}

export function webhookBody(event: StoredEvent, subject: EventSubject, timeZone: string): WebhookBody {
  return {
    id: event.id,
    type: event.type,
    timestamp: new Date(event.occurredAt).toISOString(),
    data: { ...event.data, ...paylineObjects(event, subject, timeZone) },
  };
}

function paylineObjects(event: StoredEvent, { payment, session }: EventSubject, timeZone: string): Record<string, unknown> {
  if (payment) {
    const operation = findOperation(payment, String(event.data.transactionId ?? payment.id));
    return compact({
      result: resultOut(operation.resultCode),
      transaction: transactionOut(payment, operation, timeZone),
      payment: paymentOut(payment, operation),
      authorization: authorizationOut(payment, timeZone),
      card: cardOut(payment),
      order: orderOut(payment.order, timeZone),
      contractNumber: payment.contractNumber,
    });
  }
  if (session) {
    return compact({
      result: typeof event.data.code === 'string' ? resultOut(event.data.code) : undefined,
      payment: { ...session.payment },
      order: orderOut(session.order, timeZone),
    });
  }
  return {};
}
