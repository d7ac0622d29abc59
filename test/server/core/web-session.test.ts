import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SessionStatus, type PendingChallenge, type WebSession } from '../../../server/core/web-session-types.js';
import {
  awaitChallenge,
  cancelSession,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_SESSION_TTL_MS,
  expireSession,
  finishAttempt,
  resumeChallenge,
  sessionResultCode,
  STALE_ATTEMPT_MS,
  startAttempt,
  visibleSessionStatus,
} from '../../../server/core/web-session.js';
import { deepFreeze, MINUTE, session, T0 } from '../support/core-fixtures.js';

const { WAITING, PROCESSING, AUTHENTICATING, ACCEPTED, REFUSED, CANCELLED, EXPIRED } = SessionStatus;
const END = T0 + 15 * MINUTE; // the fixture's expiresAt
const in1 = T0 + MINUTE;
const started = T0 + 5 * MINUTE;
const processing = session({ status: PROCESSING, attempts: 1, attemptStartedAt: started, version: 2 });
const waiting = session();
const frozen = (s: WebSession) => deepFreeze(structuredClone(s));

it('has the documented defaults', () => {
  assert.deepEqual([DEFAULT_SESSION_TTL_MS, DEFAULT_MAX_ATTEMPTS, STALE_ATTEMPT_MS], [15 * MINUTE, 3, 2 * MINUTE]);
});

describe('visibleSessionStatus and sessionResultCode', () => {
  const rows: Array<[string, WebSession, number, SessionStatus, string]> = [
    ['waiting', waiting, in1, WAITING, '02306'],
    ['waiting 1 ms before expiry', waiting, END - 1, WAITING, '02306'],
    ['waiting at expiry', waiting, END, EXPIRED, '02324'],
    ['waiting after a refused attempt', session({ attempts: 1, lastResultCode: '01100' }), in1, WAITING, '02306'],
    ['processing', processing, started + 1, PROCESSING, '02306'],
    ['processing at expiry', processing, END, EXPIRED, '02324'],
    ['accepted', session({ status: ACCEPTED, lastResultCode: '00000' }), in1, ACCEPTED, '00000'],
    ['accepted, long after expiry', session({ status: ACCEPTED, lastResultCode: '00000' }), END + 60 * MINUTE, ACCEPTED, '00000'],
    ['accepted without a code', session({ status: ACCEPTED }), in1, ACCEPTED, '02101'],
    ['refused: the last refusal', session({ status: REFUSED, attempts: 3, lastResultCode: '01116' }), END + 1, REFUSED, '01116'],
    ['cancelled', session({ status: CANCELLED, lastResultCode: '02319' }), END + 1, CANCELLED, '02319'],
    ['expired', session({ status: EXPIRED, lastResultCode: '02324' }), END + 1, EXPIRED, '02324'],
  ];
  for (const [name, s, now, status, code] of rows) {
    it(`${name}: ${status}, ${code}`, () => {
      assert.equal(visibleSessionStatus(s, now), status);
      assert.equal(sessionResultCode(s, now), code);
    });
  }
});

describe('startAttempt', () => {
  const rows: Array<[string, WebSession, number, string | number]> = [
    ['first attempt', waiting, in1, 1],
    ['third and last attempt', session({ attempts: 2, lastResultCode: '01100' }), in1, 3],
    ['with no attempt left', session({ attempts: 3 }), in1, '02623'],
    ['while an attempt is at the acquirer', processing, started + 1, '02002'],
    ['1 ms before that attempt is stale', processing, started + STALE_ATTEMPT_MS - 1, '02002'],
    ['once that attempt is stale', processing, started + STALE_ATTEMPT_MS, 2],
    ['a stale attempt without a start time', session({ status: PROCESSING, attempts: 1 }), in1, 2],
    ['a stale last attempt', session({ status: PROCESSING, attempts: 3, attemptStartedAt: started }), started + STALE_ATTEMPT_MS, '02623'],
    ['a stale attempt past expiry', processing, END, '02324'],
    ['after acceptance', session({ status: ACCEPTED, attempts: 1, lastResultCode: '00000' }), in1, '02001'],
    ['after the last refusal', session({ status: REFUSED, attempts: 3, lastResultCode: '01100' }), in1, '02623'],
    ['after cancellation', session({ status: CANCELLED }), in1, '02319'],
    ['after expiry (stored)', session({ status: EXPIRED }), in1, '02324'],
    ['at expiry (not yet stored)', waiting, END, '02324'],
  ];
  for (const [name, input, now, expect] of rows) {
    it(`${name} → ${typeof expect === 'string' ? expect : `attempt ${expect}`}`, () => {
      const s = frozen(input);
      const step = startAttempt(s, now);
      assert.deepEqual(s, input, 'the input is unchanged');
      if (typeof expect === 'string') return assert.deepEqual(step, { ok: false, code: expect });
      assert.deepEqual(step, { ok: true, session: { ...s, status: PROCESSING, attempts: expect, attemptStartedAt: now, version: s.version + 1 } });
    });
  }
});

describe('finishAttempt', () => {
  const at = (attempts: number) => session({ status: PROCESSING, attempts, attemptStartedAt: started, version: 2, paymentIds: attempts > 1 ? ['P0'] : [] });
  const rows: Array<[string, WebSession, string, string | undefined, SessionStatus]> = [
    ['accepted', at(1), '00000', 'P1', ACCEPTED],
    ['accepted on the last attempt', at(3), '00000', 'P1', ACCEPTED],
    ['refused with attempts left', at(1), '01100', 'P1', WAITING],
    ['refused on the second of three', at(2), '01101', 'P1', WAITING],
    ['refused on the last attempt', at(3), '01116', 'P1', REFUSED],
    ['a duplicate order, no payment of this session', at(1), '01913', undefined, WAITING],
    ['a duplicate order on the last attempt', at(3), '01913', undefined, REFUSED],
  ];
  for (const [name, input, code, paymentId, status] of rows) {
    it(`${name} → ${status}`, () => {
      const s = frozen(input);
      const next = finishAttempt(s, code, paymentId);
      assert.deepEqual(s, input, 'the input is unchanged');
      const paymentIds = paymentId ? [...input.paymentIds, paymentId] : input.paymentIds;
      assert.deepEqual(next, { ...input, status, lastResultCode: code, paymentIds, version: 3 });
    });
  }
});

describe('cancelSession', () => {
  it('cancels a waiting session: 02319 from then on', () => {
    const s = frozen(session({ attempts: 1, lastResultCode: '01100' }));
    const step = cancelSession(s, in1);
    assert.deepEqual(step, { ok: true, session: { ...s, status: CANCELLED, lastResultCode: '02319', version: 2 } });
    assert.equal(step.ok && sessionResultCode(step.session, END + 1), '02319');
  });
  const refusals: Array<[string, WebSession, number, string]> = [
    ['processing', processing, started + 1, '02002'],
    ['processing, stale', processing, started + STALE_ATTEMPT_MS, '02002'],
    ['accepted', session({ status: ACCEPTED }), in1, '02001'],
    ['refused', session({ status: REFUSED }), in1, '02623'],
    ['cancelled', session({ status: CANCELLED }), in1, '02319'],
    ['expired', session({ status: EXPIRED }), in1, '02324'],
    ['waiting at expiry', waiting, END, '02324'],
  ];
  for (const [name, s, now, code] of refusals) {
    it(`refuses ${name} with ${code}`, () => assert.deepEqual(cancelSession(frozen(s), now), { ok: false, code }));
  }
});

describe('expireSession', () => {
  const rows: Array<[string, WebSession, number, boolean]> = [
    ['waiting at expiry', waiting, END, true],
    ['waiting after a refusal, past expiry', session({ attempts: 2, lastResultCode: '01100' }), END + MINUTE, true],
    ['processing past expiry', processing, END, true],
    ['waiting 1 ms before expiry', waiting, END - 1, false],
    ['already expired', session({ status: EXPIRED }), END + 1, false],
    ['accepted', session({ status: ACCEPTED }), END + 1, false],
    ['refused', session({ status: REFUSED }), END + 1, false],
    ['cancelled', session({ status: CANCELLED }), END + 1, false],
  ];
  for (const [name, input, now, expires] of rows) {
    it(`${name} → ${expires ? 'EXPIRED' : 'left alone'}`, () => {
      const next = expireSession(frozen(input), now);
      assert.deepEqual(next, expires ? { ...input, status: EXPIRED, lastResultCode: '02324', version: input.version + 1 } : undefined);
    });
  }
});

describe('a whole session', () => {
  /** Applies start+finish for each code; returns the session and the codes startAttempt refused with. */
  function attempts(codes: string[], s = session()): { s: WebSession; refusals: string[] } {
    const refusals: string[] = [];
    let now = in1;
    for (const [i, code] of codes.entries()) {
      const step = startAttempt(frozen(s), (now += MINUTE));
      if (!step.ok) {
        refusals.push(step.code);
        continue;
      }
      s = finishAttempt(frozen(step.session), code, `P${i}`);
    }
    return { s, refusals };
  }

  it('three refusals use up the attempts: REFUSED with the last code, 02623 after', () => {
    const { s, refusals } = attempts(['01100', '01101', '01116', '00000']);
    assert.deepEqual([s.status, s.attempts, s.paymentIds, s.version, refusals], [REFUSED, 3, ['P0', 'P1', 'P2'], 7, ['02623']]);
    assert.equal(sessionResultCode(s, END + 1), '01116');
    assert.deepEqual(cancelSession(s, END + 1), { ok: false, code: '02623' });
    assert.equal(expireSession(s, END + 1), undefined);
  });

  it('a refusal then an acceptance: ACCEPTED, 02001 after, never expired', () => {
    const { s, refusals } = attempts(['01100', '00000', '00000']);
    assert.deepEqual([s.status, s.attempts, s.paymentIds, refusals], [ACCEPTED, 2, ['P0', 'P1'], ['02001']]);
    assert.equal(sessionResultCode(s, END + 1), '00000');
    assert.equal(expireSession(s, END + 1), undefined);
  });

  it('respects a maxAttempts of 1', () => {
    const { s, refusals } = attempts(['01100', '00000'], session({ maxAttempts: 1 }));
    assert.deepEqual([s.status, s.attempts, refusals], [REFUSED, 1, ['02623']]);
  });
});

describe('with a 3-D Secure challenge', () => {
  // Only the fields the core reads; the rest of the shape belongs to the 3-D Secure service.
  const pending = {
    id: 'acs-1',
    url: 'http://127.0.0.1/acs/acs-1',
    contractNumber: 'CB',
    card: { type: 'CB', expirationDate: '1230', panCipher: 'v1.pan' },
  } as PendingChallenge;
  const challenged = awaitChallenge(frozen(processing), pending);
  const { pendingChallenge: _, ...withoutChallenge } = challenged;

  it('awaitChallenge holds the attempt and its card', () => {
    assert.deepEqual(challenged, { ...processing, status: AUTHENTICATING, pendingChallenge: pending, version: 3 });
    assert.deepEqual([visibleSessionStatus(challenged, END - 1), sessionResultCode(challenged, END - 1)], [AUTHENTICATING, '02306']);
    assert.deepEqual([visibleSessionStatus(challenged, END), sessionResultCode(challenged, END)], [EXPIRED, '02324']);
    assert.deepEqual(startAttempt(challenged, started + 1), { ok: false, code: '02002' });
  });

  it('resumeChallenge hands the card back once and drops it from the session', () => {
    const now = started + MINUTE;
    const resumed = resumeChallenge(frozen(challenged), 'acs-1', now);
    assert.deepEqual(resumed, { ok: true, pending, session: { ...withoutChallenge, status: PROCESSING, attemptStartedAt: now, version: 4 } });
    assert.ok(resumed.ok && !('pendingChallenge' in resumed.session));
    assert.deepEqual(resumed.ok && resumeChallenge(resumed.session, 'acs-1', now), { ok: false, code: '02002' }, 'a second answer finds nothing');
  });

  const refusals: Array<[string, WebSession, string, number, string]> = [
    ['another challenge id', challenged, 'acs-2', started + 1, '03006'],
    ['at expiry', challenged, 'acs-1', END, '02324'],
    ['after cancellation', session({ status: CANCELLED }), 'acs-1', in1, '02319'],
    ['after acceptance', session({ status: ACCEPTED }), 'acs-1', in1, '02001'],
    ['while waiting', waiting, 'acs-1', in1, '02324'],
  ];
  for (const [name, s, id, now, code] of refusals) {
    it(`resumeChallenge refuses ${name} with ${code}`, () => assert.deepEqual(resumeChallenge(frozen(s), id, now), { ok: false, code }));
  }

  it('cancelling or expiring during the challenge drops the held card', () => {
    assert.deepEqual(cancelSession(frozen(challenged), started + 1), { ok: true, session: { ...withoutChallenge, status: CANCELLED, lastResultCode: '02319', version: 4 } });
    assert.deepEqual(expireSession(frozen(challenged), END), { ...withoutChallenge, status: EXPIRED, lastResultCode: '02324', version: 4 });
    assert.equal(expireSession(challenged, END - 1), undefined);
  });
});
