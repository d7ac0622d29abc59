/** Pure transitions to Payline's states and the failure reasons (widget-state.ts, result-reason.ts). */
import { expect } from '@esm-bundle/chai';
import { reasonKey } from '../../../widget/checkout/result-reason.js';
import { isFinal, resultOfLive, stateAfterPayment, stateOfLive, stateOfSession } from '../../../widget/checkout/widget-state.js';
import type { SessionState } from '../../../server/notify/socket-protocol.js';
import type { PaylineResult, PublicSession } from '../../../widget/protocol/session.js';

const REFUSED: PaylineResult = { code: '01100', shortMessage: 'REFUSED', longMessage: '' };
const ACCEPTED: PaylineResult = { code: '00000', shortMessage: 'ACCEPTED', longMessage: '' };

function session(fields: Partial<PublicSession>): PublicSession {
  return {
    token: 't', state: 'WAITING', merchantName: 'M', amount: 100, currency: 978, orderRef: 'O', contracts: [],
    attempts: 0, attemptsLeft: 3, expiresAt: '', languageCode: null, returnURL: 'r', cancelURL: 'c', ...fields,
  };
}

describe('state of a session', () => {
  const cases: Array<[Partial<PublicSession>, boolean, string]> = [
    [{}, false, 'PAYMENT_METHODS_LIST'],
    [{ attempts: 1, result: REFUSED }, false, 'PAYMENT_FAILURE_WITH_RETRY'],
    [{ state: 'PROCESSING' }, false, 'ACTIVE_WAITING'],
    [{ state: 'ACCEPTED' }, false, 'PAYMENT_SUCCESS'],
    [{ state: 'ACCEPTED' }, true, 'PAYMENT_SUCCESS_FORCE_TICKET_DISPLAY'],
    [{ state: 'REFUSED' }, false, 'PAYMENT_FAILURE'],
    [{ state: 'CANCELLED' }, false, 'PAYMENT_CANCELED'],
    [{ state: 'EXPIRED' }, false, 'TOKEN_EXPIRED'],
  ];
  for (const [fields, forceTicket, expected] of cases) {
    it(`${JSON.stringify(fields)}${forceTicket ? ' with force-ticket' : ''} → ${expected}`, () => {
      expect(stateOfSession(session(fields), forceTicket)).to.equal(expected);
    });
  }
});

describe('state after a payment', () => {
  it('keeps waiting for a challenge, goes back when the gateway is unreachable', () => {
    expect(stateAfterPayment({ result: ACCEPTED, challenge: { url: '/acs' } }, 'PAYMENT_METHODS_LIST', false)).to.equal('ACTIVE_WAITING');
    expect(stateAfterPayment({ result: REFUSED, error: 'network' }, 'PAYMENT_FAILURE_WITH_RETRY', false)).to.equal('PAYMENT_FAILURE_WITH_RETRY');
  });

  it('offers a retry while the session is open, ends it otherwise', () => {
    expect(stateAfterPayment({ result: REFUSED, session: session({ attempts: 1, result: REFUSED }) }, 'PAYMENT_METHODS_LIST', false)).to.equal('PAYMENT_FAILURE_WITH_RETRY');
    expect(stateAfterPayment({ result: REFUSED, session: session({ state: 'REFUSED' }) }, 'PAYMENT_METHODS_LIST', false)).to.equal('PAYMENT_FAILURE');
    expect(stateAfterPayment({ result: ACCEPTED, session: session({ state: 'ACCEPTED' }) }, 'PAYMENT_METHODS_LIST', true)).to.equal('PAYMENT_SUCCESS_FORCE_TICKET_DISPLAY');
  });

  it('knows the final states', () => {
    expect(['PAYMENT_SUCCESS', 'PAYMENT_FAILURE', 'PAYMENT_CANCELED', 'TOKEN_EXPIRED', 'PAYMENT_SUCCESS_FORCE_TICKET_DISPLAY'].every((s) => isFinal(s as never))).to.equal(true);
    expect(['PAYMENT_METHODS_LIST', 'ACTIVE_WAITING', 'PAYMENT_FAILURE_WITH_RETRY'].some((s) => isFinal(s as never))).to.equal(false);
  });
});

describe('failure reason', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['00000', 'ACCEPTED', undefined],
    ['02319', 'CANCELLED', undefined],
    ['01101', 'REFUSED', 'reasonCardExpired'],
    ['01116', 'REFUSED', 'reasonFunds'],
    ['03003', 'REFUSED', 'reasonAuthentication'],
    ['01208', 'REFUSED', 'reasonDeclined'],
    ['02101', 'ERROR', 'reasonTechnical'],
  ];
  for (const [code, shortMessage, key] of cases) {
    it(`${code} ${shortMessage} → ${key}`, () => {
      expect(reasonKey({ code, shortMessage, longMessage: '' })).to.equal(key);
    });
  }
});

describe('state of a live session-state', () => {
  const live = (fields: Partial<SessionState>): SessionState => ({ token: 't', state: 'WAITING', code: '02306', attempts: 0, attemptsLeft: 3, expiresAt: '', ...fields });
  const cases: Array<[Partial<SessionState>, boolean, string | undefined]> = [
    [{}, false, undefined],
    [{ state: 'AUTHENTICATING', attempts: 1 }, false, undefined],
    [{ state: 'PROCESSING', attempts: 1 }, false, undefined],
    [{ attempts: 1, code: '03003', attemptsLeft: 2 }, false, 'PAYMENT_FAILURE_WITH_RETRY'],
    [{ state: 'ACCEPTED', code: '00000', attempts: 1 }, false, 'PAYMENT_SUCCESS'],
    [{ state: 'ACCEPTED', code: '00000', attempts: 1 }, true, 'PAYMENT_SUCCESS_FORCE_TICKET_DISPLAY'],
    [{ state: 'REFUSED', code: '01100', attempts: 3, attemptsLeft: 0 }, false, 'PAYMENT_FAILURE'],
    [{ state: 'CANCELLED', code: '02319' }, false, 'PAYMENT_CANCELED'],
    [{ state: 'EXPIRED', code: '02324' }, false, 'TOKEN_EXPIRED'],
  ];
  for (const [fields, forceTicket, expected] of cases) {
    it(`${JSON.stringify(fields)}${forceTicket ? ' with force-ticket' : ''} → ${expected ?? 'no change'}`, () => {
      expect(stateOfLive(live(fields), forceTicket)).to.equal(expected);
    });
  }

  it('gives the result its reason: 03003 authentication, 01100 declined, nothing for an acceptance', () => {
    expect(reasonKey(resultOfLive(live({ attempts: 1, code: '03003' })))).to.equal('reasonAuthentication');
    expect(reasonKey(resultOfLive(live({ state: 'REFUSED', code: '01100' })))).to.equal('reasonDeclined');
    expect(reasonKey(resultOfLive(live({ state: 'ACCEPTED', code: '00000' })))).to.equal(undefined);
    expect(reasonKey(resultOfLive(live({ state: 'CANCELLED', code: '02319' })))).to.equal(undefined);
  });
});
