/**
 * The widget's states, with Payline's names (payline-api.md §6.4), and the pure transitions from
 * what the gateway says (a session, a pay answer) to the state to show.
 */
import type { SessionState } from '../../server/notify/socket-protocol.js';
import type { PayAnswer, PaylineResult, PublicSession } from '../protocol/session.js';

/** Payline's widget states the gateway's widget goes through. */
export const WidgetState = {
  /** The methods and the card form, waiting for the shopper. */
  PAYMENT_METHODS_LIST: 'PAYMENT_METHODS_LIST',
  /** A payment is on its way, or 3-D Secure is asking the shopper. */
  ACTIVE_WAITING: 'ACTIVE_WAITING',
  PAYMENT_SUCCESS: 'PAYMENT_SUCCESS',
  /** Accepted, with the ticket shown at once (`force-ticket`). */
  PAYMENT_SUCCESS_FORCE_TICKET_DISPLAY: 'PAYMENT_SUCCESS_FORCE_TICKET_DISPLAY',
  /** Refused and no attempt left. */
  PAYMENT_FAILURE: 'PAYMENT_FAILURE',
  /** Refused; the form is back for another attempt. */
  PAYMENT_FAILURE_WITH_RETRY: 'PAYMENT_FAILURE_WITH_RETRY',
  /** Single L, as Payline spells the state (not the CANCELLED shortMessage). */
  PAYMENT_CANCELED: 'PAYMENT_CANCELED',
  /** Unknown or expired token. */
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  /** A web-wallet session (manageWebWallet…): the shopper adds, updates, removes cards. */
  MANAGE_WEB_WALLET: 'MANAGE_WEB_WALLET',
} as const;
/** One of WidgetState. */
export type WidgetState = (typeof WidgetState)[keyof typeof WidgetState];

const FINAL: ReadonlySet<WidgetState> = new Set([
  WidgetState.PAYMENT_SUCCESS,
  WidgetState.PAYMENT_SUCCESS_FORCE_TICKET_DISPLAY,
  WidgetState.PAYMENT_FAILURE,
  WidgetState.PAYMENT_CANCELED,
  WidgetState.TOKEN_EXPIRED,
]);

/** Whether `state` ends the session: the finalstatehasbeenreached callback fires for it. */
export function isFinal(state: WidgetState): boolean {
  return FINAL.has(state);
}

/** Whether the card form takes input in `state`. */
export function isPayable(state: WidgetState | undefined): boolean {
  return state === WidgetState.PAYMENT_METHODS_LIST || state === WidgetState.PAYMENT_FAILURE_WITH_RETRY;
}

/** The widget state of a session that has ended. */
function finalState(status: 'ACCEPTED' | 'REFUSED' | 'CANCELLED' | 'EXPIRED', forceTicket: boolean): WidgetState {
  switch (status) {
    case 'ACCEPTED':
      return forceTicket ? WidgetState.PAYMENT_SUCCESS_FORCE_TICKET_DISPLAY : WidgetState.PAYMENT_SUCCESS;
    case 'REFUSED':
      return WidgetState.PAYMENT_FAILURE;
    case 'CANCELLED':
      return WidgetState.PAYMENT_CANCELED;
    case 'EXPIRED':
      return WidgetState.TOKEN_EXPIRED;
  }
}

/**
 * The state a session shows: an open session after a failed attempt offers the retry; an
 * accepted one shows the ticket at once when `forceTicket`.
 */
export function stateOfSession(session: PublicSession, forceTicket: boolean): WidgetState {
  if (session.wallet?.operation && session.state === 'WAITING') return WidgetState.MANAGE_WEB_WALLET;
  switch (session.state) {
    case 'WAITING':
      return session.attempts > 0 && session.result !== undefined && session.result.shortMessage !== 'ACCEPTED'
        ? WidgetState.PAYMENT_FAILURE_WITH_RETRY
        : WidgetState.PAYMENT_METHODS_LIST;
    case 'PROCESSING':
    case 'AUTHENTICATING':
      return WidgetState.ACTIVE_WAITING;
    default:
      return finalState(session.state, forceTicket);
  }
}

/**
 * The state after a pay answer, `before` being the state the payment started from: a challenge
 * keeps ACTIVE_WAITING; an unreachable gateway goes back to `before`; a refused attempt on a
 * session still open offers the retry.
 */
export function stateAfterPayment(answer: PayAnswer, before: WidgetState, forceTicket: boolean): WidgetState {
  if (answer.error) return before;
  if (answer.challenge) return WidgetState.ACTIVE_WAITING;
  if (!answer.session) return WidgetState.PAYMENT_FAILURE_WITH_RETRY;
  if (answer.session.state === 'WAITING' && answer.result.shortMessage !== 'ACCEPTED') {
    return WidgetState.PAYMENT_FAILURE_WITH_RETRY;
  }
  return stateOfSession(answer.session, forceTicket);
}

/** The code of an open session nothing was tried on yet (02306, in progress). */
const IN_PROGRESS = '02306';

/**
 * The state a live `session-state` leads to (docs/WIDGET-PROTOCOL.md "Live events"): a refusal
 * with attempts left offers the retry; an attempt under way elsewhere (PROCESSING,
 * AUTHENTICATING) or a session nothing was tried on changes nothing (undefined).
 */
export function stateOfLive(live: SessionState, forceTicket: boolean): WidgetState | undefined {
  switch (live.state) {
    case 'WAITING':
      return live.attempts > 0 && live.code !== IN_PROGRESS ? WidgetState.PAYMENT_FAILURE_WITH_RETRY : undefined;
    case 'PROCESSING':
    case 'AUTHENTICATING':
      return undefined;
    default:
      return finalState(live.state, forceTicket);
  }
}

/** Payline's result as a live state tells it: its code, the short message from the state or the code. */
export function resultOfLive(live: SessionState): PaylineResult {
  const byState = live.state === 'ACCEPTED' ? 'ACCEPTED' : live.state === 'CANCELLED' ? 'CANCELLED' : undefined;
  return { code: live.code, shortMessage: byState ?? (/^0[13]/.test(live.code) ? 'REFUSED' : 'ERROR'), longMessage: '' };
}
