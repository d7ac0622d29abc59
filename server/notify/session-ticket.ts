import { formatDateTime } from '../core/payline-date.js';
import type { Store } from '../store/store.js';
import type { SessionState } from './socket-protocol.js';

/**
 * An ACCEPTED session state with its ticket's facts read from the accepted payment (as the
 * widget's session view gives them: Payline dates, the card masked), so the widget shows the
 * ticket without reading the session again; any other state as it is.
 */
export async function withTicket(store: Store, timeZone: string, merchantId: string, state: SessionState): Promise<SessionState> {
  if (state.state !== 'ACCEPTED' || !state.transactionId) return state;
  const payment = await store.getPayment(merchantId, state.transactionId);
  const operation = payment?.operations[0];
  if (!payment || !operation) return state;
  const authorization = payment.authorizationNumber ? { number: payment.authorizationNumber, date: formatDateTime(payment.createdAt, timeZone) } : undefined;
  return {
    ...state,
    ticket: {
      transaction: { id: operation.id, date: formatDateTime(operation.date, timeZone) },
      ...(authorization ? { authorization } : {}),
      card: { number: payment.card.maskedNumber, type: payment.card.type },
    },
  };
}
