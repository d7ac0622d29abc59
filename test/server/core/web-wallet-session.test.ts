import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SessionStatus, type WalletManagement, type WebSession } from '../../../server/core/web-session-types.js';
import {
  cancelWalletSession,
  checkWalletAction,
  finishWalletSession,
  recordWalletChange,
  walletActions,
  walletSessionEnded,
  webWalletResultCode,
  type WalletAction,
} from '../../../server/core/web-wallet-session.js';
import { deepFreeze, MINUTE, session, T0 } from '../support/core-fixtures.js';

const { WAITING, ACCEPTED, CANCELLED, EXPIRED } = SessionStatus;
const in1 = T0 + MINUTE;
const END = T0 + 15 * MINUTE;

function walletSession(operation: WalletManagement['operation'], changes: Partial<WebSession> = {}): WebSession {
  return deepFreeze(session({ walletManagement: { operation, walletId: 'W1', changes: 0 }, ...changes }));
}

describe('webWalletResultCode', () => {
  const rows: Array<[string, WebSession, number, string]> = [
    ['open', walletSession('manageWebWallet'), in1, '02533'],
    ['open at expiry', walletSession('manageWebWallet'), END, '02535'],
    ['done', walletSession('manageWebWallet', { status: ACCEPTED }), END + MINUTE, '02500'],
    ['cancelled', walletSession('manageWebWallet', { status: CANCELLED }), in1, '02536'],
    ['expired', walletSession('manageWebWallet', { status: EXPIRED }), in1, '02535'],
  ];
  for (const [name, s, now, code] of rows) it(name, () => assert.equal(webWalletResultCode(s, now), code));
});

describe('checkWalletAction', () => {
  const rows: Array<[WalletManagement['operation'], WalletAction, true | string]> = [
    ['manageWebWallet', 'add', true],
    ['manageWebWallet', 'remove', true],
    ['manageWebWallet', 'finish', true],
    ['createWebWallet', 'add', true],
    ['createWebWallet', 'remove', '02532'],
    ['createWebWallet', 'finish', '02532'],
    ['updateWebWallet', 'update', true],
    ['updateWebWallet', 'add', '02532'],
    ['updateWebWallet', 'default', '02532'],
  ];
  for (const [operation, action, expected] of rows) {
    it(`${operation} ${action}: ${expected === true ? 'allowed' : expected}`, () => {
      const checked = checkWalletAction(walletSession(operation), action, in1);
      assert.deepEqual(checked, expected === true ? { ok: true } : { ok: false, code: expected });
      assert.equal(walletActions({ operation, walletId: 'W1', changes: 0 }).includes(action), expected === true);
    });
  }
  it('refuses any change once done (02532), cancelled (02536) or expired (02535), and on a payment session (02304)', () => {
    assert.deepEqual(checkWalletAction(walletSession('manageWebWallet', { status: ACCEPTED }), 'add', in1), { ok: false, code: '02532' });
    assert.deepEqual(checkWalletAction(walletSession('manageWebWallet', { status: CANCELLED }), 'add', in1), { ok: false, code: '02536' });
    assert.deepEqual(checkWalletAction(walletSession('manageWebWallet'), 'add', END), { ok: false, code: '02535' });
    assert.deepEqual(checkWalletAction(deepFreeze(session()), 'add', in1), { ok: false, code: '02304' });
  });
});

describe('transitions', () => {
  it('counts a change; createWebWallet ends with its card (02500)', () => {
    const managed = recordWalletChange(walletSession('manageWebWallet'));
    assert.deepEqual([managed.status, managed.walletManagement!.changes, managed.version], [WAITING, 1, 2]);
    const created = recordWalletChange(walletSession('createWebWallet'));
    assert.deepEqual([created.status, created.lastResultCode, created.walletManagement!.changes], [ACCEPTED, '02500', 1]);
  });

  it('finishes an open manage session only', () => {
    const done = finishWalletSession(walletSession('manageWebWallet'), in1);
    assert.ok(done.ok);
    assert.deepEqual([done.session.status, done.session.lastResultCode], [ACCEPTED, '02500']);
    assert.deepEqual(finishWalletSession(walletSession('createWebWallet'), in1), { ok: false, code: '02532' });
    assert.deepEqual(finishWalletSession(walletSession('manageWebWallet'), END), { ok: false, code: '02535' });
  });

  it('cancels an open session with 02536; not a finished one', () => {
    const cancelled = cancelWalletSession(walletSession('updateWebWallet'), in1);
    assert.ok(cancelled.ok);
    assert.deepEqual([cancelled.session.status, cancelled.session.lastResultCode], [CANCELLED, '02536']);
    assert.deepEqual(cancelWalletSession(walletSession('manageWebWallet', { status: ACCEPTED }), in1), { ok: false, code: '02500' });
  });

  it('says how a session ended with its token: the WEBWALLET events', () => {
    const s = walletSession('manageWebWallet');
    assert.deepEqual(walletSessionEnded(s, 'finished'), { type: 'wallet.web.finished', data: { token: s.token, walletId: 'W1', code: '02500' } });
    assert.equal(walletSessionEnded(s, 'cancelled').data.code, '02536');
    assert.equal(walletSessionEnded(s, 'expired').type, 'wallet.web.expired');
  });
});
