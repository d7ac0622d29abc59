import { CODES, isAcceptedCode } from './result-codes.js';
import { SessionStatus, type WebSession } from './web-session-types.js';

/**
 * The life of a doWebPayment session: WAITING → PROCESSING (one attempt at the acquirer) →
 * ACCEPTED, or back to WAITING after a refusal while attempts remain, else REFUSED; WAITING →
 * CANCELLED by the shopper; WAITING → EXPIRED at expiresAt. Pure: the service commits.
 */

/** Default session lifetime (issue: configurable, 15 minutes). */
export const DEFAULT_SESSION_TTL_MS = 15 * 60 * 1000;
/** Default number of card attempts per session before 02623. */
export const DEFAULT_MAX_ATTEMPTS = 3;
/**
 * An attempt left PROCESSING this long (the process died at the acquirer) no longer blocks the
 * session: the shopper may try again.
 */
export const STALE_ATTEMPT_MS = 2 * 60 * 1000;

export type SessionStep = { ok: true; session: WebSession } | { ok: false; code: string };

/** The status a reader sees at `now`: an open session past its expiry is EXPIRED. */
export function visibleSessionStatus(session: WebSession, now: number): SessionStatus {
  const open = session.status === SessionStatus.WAITING || session.status === SessionStatus.PROCESSING;
  return open && now >= session.expiresAt ? SessionStatus.EXPIRED : session.status;
}

/** getWebPaymentDetails' code for the session (payline-api.md §5.5). */
export function sessionResultCode(session: WebSession, now: number): string {
  switch (visibleSessionStatus(session, now)) {
    case SessionStatus.WAITING:
    case SessionStatus.PROCESSING:
      return CODES.SESSION_IN_PROGRESS;
    case SessionStatus.ACCEPTED:
    case SessionStatus.REFUSED:
      return session.lastResultCode ?? CODES.INTERNAL_ERROR;
    case SessionStatus.CANCELLED:
      return CODES.CANCELLED_BY_BUYER;
    case SessionStatus.EXPIRED:
      return CODES.SESSION_EXPIRED;
  }
}

function next(session: WebSession, changes: Partial<WebSession>): WebSession {
  return { ...session, ...changes, version: session.version + 1 };
}

/** Why a session that is not open refuses a payment or a cancellation. */
function closedCode(status: SessionStatus): string {
  switch (status) {
    case SessionStatus.ACCEPTED:
      return CODES.DUPLICATE;
    case SessionStatus.PROCESSING:
      return CODES.DUPLICATE_PENDING;
    case SessionStatus.REFUSED:
      return CODES.MAX_ATTEMPTS;
    case SessionStatus.CANCELLED:
      return CODES.CANCELLED_BY_BUYER;
    case SessionStatus.EXPIRED:
    case SessionStatus.WAITING:
      return CODES.SESSION_EXPIRED;
  }
}

/** A shopper's card attempt starts: one at a time, within the attempt limit and the session's life. */
export function startAttempt(session: WebSession, now: number): SessionStep {
  const status = visibleSessionStatus(session, now);
  const stale = status === SessionStatus.PROCESSING && now >= (session.attemptStartedAt ?? 0) + STALE_ATTEMPT_MS;
  if (status !== SessionStatus.WAITING && !stale) return { ok: false, code: closedCode(status) };
  if (session.attempts >= session.maxAttempts) return { ok: false, code: CODES.MAX_ATTEMPTS };
  return { ok: true, session: next(session, { status: SessionStatus.PROCESSING, attempts: session.attempts + 1, attemptStartedAt: now }) };
}

/** The acquirer answered the attempt started by startAttempt. */
export function finishAttempt(session: WebSession, code: string, paymentId: string | undefined): WebSession {
  const accepted = isAcceptedCode(code);
  const status = accepted ? SessionStatus.ACCEPTED : session.attempts >= session.maxAttempts ? SessionStatus.REFUSED : SessionStatus.WAITING;
  return next(session, {
    status,
    lastResultCode: code,
    paymentIds: paymentId ? [...session.paymentIds, paymentId] : session.paymentIds,
  });
}

/** The shopper gives up (the widget's cancel, or the cancelURL link): 02319. */
export function cancelSession(session: WebSession, now: number): SessionStep {
  const status = visibleSessionStatus(session, now);
  if (status !== SessionStatus.WAITING) return { ok: false, code: closedCode(status) };
  return { ok: true, session: next(session, { status: SessionStatus.CANCELLED, lastResultCode: CODES.CANCELLED_BY_BUYER }) };
}

/** The expiry job: an open session past its time becomes EXPIRED (02324); anything else is left alone. */
export function expireSession(session: WebSession, now: number): WebSession | undefined {
  if (visibleSessionStatus(session, now) !== SessionStatus.EXPIRED || session.status === SessionStatus.EXPIRED) return undefined;
  return next(session, { status: SessionStatus.EXPIRED, lastResultCode: CODES.SESSION_EXPIRED });
}
