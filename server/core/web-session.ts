import { CODES, isAcceptedCode } from './result-codes.js';
import { SessionStatus, type PendingChallenge, type WebSession } from './web-session-types.js';

/**
 * The life of a doWebPayment session: WAITING → PROCESSING (one attempt at the acquirer) →
 * ACCEPTED, or back to WAITING after a refusal while attempts remain, else REFUSED; WAITING →
 * CANCELLED by the shopper; WAITING → EXPIRED at expiresAt. A 3-D Secure challenge holds the
 * attempt: PROCESSING → AUTHENTICATING → PROCESSING once answered; an AUTHENTICATING session can
 * be cancelled and expires like a waiting one. Pure: the service commits.
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
  const open = session.status === SessionStatus.WAITING || session.status === SessionStatus.PROCESSING || session.status === SessionStatus.AUTHENTICATING;
  return open && now >= session.expiresAt ? SessionStatus.EXPIRED : session.status;
}

/** getWebPaymentDetails' code for the session (payline-api.md §5.5). */
export function sessionResultCode(session: WebSession, now: number): string {
  switch (visibleSessionStatus(session, now)) {
    case SessionStatus.WAITING:
    case SessionStatus.PROCESSING:
    case SessionStatus.AUTHENTICATING:
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

/** The next version without a pending challenge: the sealed card goes with it. */
function nextWithoutChallenge(session: WebSession, changes: Partial<WebSession>): WebSession {
  const { pendingChallenge: _dropped, ...rest } = session;
  return next(rest, changes);
}

/** Why a session that is not open refuses a payment or a cancellation. */
function closedCode(status: SessionStatus): string {
  switch (status) {
    case SessionStatus.ACCEPTED:
      return CODES.DUPLICATE;
    case SessionStatus.PROCESSING:
    case SessionStatus.AUTHENTICATING:
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

/**
 * The session may change its gift cards (add, remove) only while it waits for the shopper;
 * otherwise the code that says why.
 */
export function checkWaiting(session: WebSession, now: number): { ok: true } | { ok: false; code: string } {
  const status = visibleSessionStatus(session, now);
  return status === SessionStatus.WAITING ? { ok: true } : { ok: false, code: closedCode(status) };
}

/**
 * The shopper confirms a payment the gift cards cover entirely: PROCESSING while they are
 * captured, without counting a card attempt. A confirmation left PROCESSING by a process that
 * stopped may be confirmed again once stale (the captures are idempotent).
 */
export function startConfirmation(session: WebSession, now: number): SessionStep {
  const status = visibleSessionStatus(session, now);
  const stale = status === SessionStatus.PROCESSING && now >= (session.attemptStartedAt ?? 0) + STALE_ATTEMPT_MS;
  if (status !== SessionStatus.WAITING && !stale) return { ok: false, code: closedCode(status) };
  return { ok: true, session: next(session, { status: SessionStatus.PROCESSING, attemptStartedAt: now }) };
}

/** The gift cards were captured (and the complementary payment, if any, accepted): the order is paid. */
export function acceptOrder(session: WebSession, paymentIds: readonly string[]): WebSession {
  const ids = [...session.paymentIds, ...paymentIds.filter((id) => !session.paymentIds.includes(id))];
  return next(session, { status: SessionStatus.ACCEPTED, lastResultCode: CODES.ACCEPTED, paymentIds: ids });
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

/** 3-D Secure asks for a challenge: the attempt started by startAttempt waits for the shopper's answer. */
export function awaitChallenge(session: WebSession, pending: PendingChallenge): WebSession {
  return next(session, { status: SessionStatus.AUTHENTICATING, pendingChallenge: pending });
}

/**
 * The challenge `challengeId` was answered: its attempt goes back to PROCESSING (so a second
 * answer finds nothing to resume) and hands back the held card. Refused when the session no
 * longer waits for that challenge: cancelled, expired, or already resumed.
 */
export function resumeChallenge(
  session: WebSession,
  challengeId: string,
  now: number,
): { ok: true; session: WebSession; pending: PendingChallenge } | { ok: false; code: string } {
  const status = visibleSessionStatus(session, now);
  const pending = session.pendingChallenge;
  if (status !== SessionStatus.AUTHENTICATING || !pending) return { ok: false, code: status === SessionStatus.PROCESSING ? CODES.DUPLICATE_PENDING : closedCode(status) };
  if (pending.id !== challengeId) return { ok: false, code: CODES.INVALID_PARES };
  return { ok: true, session: nextWithoutChallenge(session, { status: SessionStatus.PROCESSING, attemptStartedAt: now }), pending };
}

/** The shopper gives up (the widget's cancel, or the cancelURL link), during a challenge too: 02319. */
export function cancelSession(session: WebSession, now: number): SessionStep {
  const status = visibleSessionStatus(session, now);
  if (status !== SessionStatus.WAITING && status !== SessionStatus.AUTHENTICATING) return { ok: false, code: closedCode(status) };
  return { ok: true, session: nextWithoutChallenge(session, { status: SessionStatus.CANCELLED, lastResultCode: CODES.CANCELLED_BY_BUYER }) };
}

/** The expiry job: an open session past its time becomes EXPIRED (02324); anything else is left alone. */
export function expireSession(session: WebSession, now: number): WebSession | undefined {
  if (visibleSessionStatus(session, now) !== SessionStatus.EXPIRED || session.status === SessionStatus.EXPIRED) return undefined;
  return nextWithoutChallenge(session, { status: SessionStatus.EXPIRED, lastResultCode: CODES.SESSION_EXPIRED });
}
