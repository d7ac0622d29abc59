import { CODES } from '../core/result-codes.js';
import { SessionStatus, type WebSession } from '../core/web-session-types.js';
import { sessionResultCode, visibleSessionStatus } from '../core/web-session.js';
import type { StoredEvent } from '../store/store.js';
import type { SessionState } from './socket-protocol.js';

/**
 * A web payment session as the widget's live room shows it, pure. `code` is the last attempt's
 * result (so a refusal with attempts left still says why), else the session's own code.
 */
export function currentSessionState(session: WebSession, now: number): SessionState {
  const state = visibleSessionStatus(session, now);
  const ended = state === SessionStatus.EXPIRED || state === SessionStatus.CANCELLED;
  return shape(session, state, ended ? sessionResultCode(session, now) : (session.lastResultCode ?? sessionResultCode(session, now)), session.paymentIds.at(-1));
}

/**
 * The state a session event leads to. The payment's event is committed just before the session
 * records the attempt's end, so the state is derived from the event rather than read back.
 */
export function sessionStateAfter(event: StoredEvent, session: WebSession): SessionState | undefined {
  const code = typeof event.data.code === 'string' ? event.data.code : undefined;
  const transactionId = typeof event.data.transactionId === 'string' ? event.data.transactionId : undefined;
  switch (event.type) {
    case 'payment.accepted':
      return shape(session, SessionStatus.ACCEPTED, code ?? CODES.ACCEPTED, transactionId, 0);
    case 'payment.refused': {
      const left = Math.max(session.maxAttempts - session.attempts, 0);
      return shape(session, left > 0 ? SessionStatus.WAITING : SessionStatus.REFUSED, code ?? CODES.INTERNAL_ERROR, transactionId, left);
    }
    case 'payment.cancelled':
      return shape(session, SessionStatus.CANCELLED, CODES.CANCELLED_BY_BUYER, session.paymentIds.at(-1), 0);
    case 'session.expired':
      return shape(session, SessionStatus.EXPIRED, CODES.SESSION_EXPIRED, session.paymentIds.at(-1), 0);
    default:
      return undefined;
  }
}

function shape(session: WebSession, state: SessionStatus, code: string, transactionId: string | undefined, attemptsLeft?: number): SessionState {
  const left = attemptsLeft ?? (state === SessionStatus.WAITING ? Math.max(session.maxAttempts - session.attempts, 0) : 0);
  return {
    token: session.token,
    state,
    code,
    attempts: session.attempts,
    attemptsLeft: left,
    expiresAt: new Date(session.expiresAt).toISOString(),
    ...(transactionId ? { transactionId } : {}),
  };
}
