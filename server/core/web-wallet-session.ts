import { CODES } from './result-codes.js';
import { SessionStatus, type WalletManagement, type WebSession } from './web-session-types.js';
import { visibleSessionStatus, type SessionStep } from './web-session.js';

/**
 * The life of a web-wallet session (manageWebWallet, createWebWallet, updateWebWallet), pure:
 * WAITING while the shopper manages the wallet (each change committed to the wallet at once),
 * then ACCEPTED when done (02500; createWebWallet ends by itself once its card is saved),
 * CANCELLED (02536) or EXPIRED (02535). getWebWallet answers 02533 while it is open.
 */

/** getWebWallet's codes of a session (payline-api.md §5.4); the wallet's own codes are CODES'. */
export const WEB_WALLET_CODES = {
  DONE: CODES.OPERATION_SUCCESSFUL,
  IN_PROGRESS: '02533',
  EXPIRED: '02535',
  CANCELLED: '02536',
} as const;

/** 02532: wallet management not allowed (an action the session does not offer, or after it is done). */
const NOT_ALLOWED = '02532';

/** What the shopper may do in a web-wallet session. */
export type WalletAction = 'add' | 'update' | 'remove' | 'default' | 'finish';

const ACTIONS: Record<WalletManagement['operation'], readonly WalletAction[]> = {
  manageWebWallet: ['add', 'update', 'remove', 'default', 'finish'],
  createWebWallet: ['add'],
  updateWebWallet: ['update', 'finish'],
};

/** The actions a session's operation offers (the widget shows only those). */
export function walletActions(management: WalletManagement): readonly WalletAction[] {
  return ACTIONS[management.operation];
}

/** getWebWallet's code for a web-wallet session at `now`. */
export function webWalletResultCode(session: WebSession, now: number): string {
  switch (visibleSessionStatus(session, now)) {
    case SessionStatus.ACCEPTED:
      return WEB_WALLET_CODES.DONE;
    case SessionStatus.CANCELLED:
      return WEB_WALLET_CODES.CANCELLED;
    case SessionStatus.EXPIRED:
    case SessionStatus.REFUSED:
      return WEB_WALLET_CODES.EXPIRED;
    default:
      return WEB_WALLET_CODES.IN_PROGRESS;
  }
}

function next(session: WebSession, changes: Partial<WebSession>): WebSession {
  return { ...session, ...changes, version: session.version + 1 };
}

/** Whether `action` may be done now: an open session of an operation that offers it (else 02532, or the session's end). */
export function checkWalletAction(session: WebSession, action: WalletAction, now: number): { ok: true } | { ok: false; code: string } {
  const management = session.walletManagement;
  if (!management) return { ok: false, code: CODES.TOKEN_NOT_FOUND };
  const status = visibleSessionStatus(session, now);
  // A session the shopper is done with takes no more changes (02532); a cancelled or expired one says so.
  if (status === SessionStatus.ACCEPTED) return { ok: false, code: NOT_ALLOWED };
  if (status !== SessionStatus.WAITING) return { ok: false, code: webWalletResultCode(session, now) };
  return walletActions(management).includes(action) ? { ok: true } : { ok: false, code: NOT_ALLOWED };
}

/** A change was committed to the wallet: counted; createWebWallet's card ends the session (02500). */
export function recordWalletChange(session: WebSession): WebSession {
  const management = session.walletManagement!;
  const ends = management.operation === 'createWebWallet';
  return next(session, {
    walletManagement: { ...management, changes: management.changes + 1 },
    ...(ends ? { status: SessionStatus.ACCEPTED, lastResultCode: WEB_WALLET_CODES.DONE } : {}),
  });
}

/** The shopper is done: 02500 from then on. */
export function finishWalletSession(session: WebSession, now: number): SessionStep {
  const allowed = checkWalletAction(session, 'finish', now);
  if (!allowed.ok) return allowed;
  return { ok: true, session: next(session, { status: SessionStatus.ACCEPTED, lastResultCode: WEB_WALLET_CODES.DONE }) };
}

/** The shopper gives up: 02536; the changes already made stay. */
export function cancelWalletSession(session: WebSession, now: number): SessionStep {
  if (visibleSessionStatus(session, now) !== SessionStatus.WAITING) return { ok: false, code: webWalletResultCode(session, now) };
  return { ok: true, session: next(session, { status: SessionStatus.CANCELLED, lastResultCode: WEB_WALLET_CODES.CANCELLED }) };
}

/** The event of a session's end, with its token: WEBWALLET for the merchant, who then calls getWebWallet. */
export function walletSessionEnded(session: WebSession, how: 'finished' | 'cancelled' | 'expired') {
  const code = how === 'finished' ? WEB_WALLET_CODES.DONE : how === 'cancelled' ? WEB_WALLET_CODES.CANCELLED : WEB_WALLET_CODES.EXPIRED;
  return { type: `wallet.web.${how}`, data: { token: session.token, walletId: session.walletManagement!.walletId, code } };
}
