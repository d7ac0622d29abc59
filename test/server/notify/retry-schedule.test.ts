import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_RETRY_AFTER_MS, nextAttempt, PAYLINE_SCHEDULE, parseRetryAfter, WEBHOOK_SCHEDULE } from '../../../server/notify/retry-schedule.js';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const NOW = Date.UTC(2026, 2, 2, 10, 0, 0);

describe('retry schedules', () => {
  it('are Standard Webhooks’ and Payline’s, as data', () => {
    assert.deepEqual(WEBHOOK_SCHEDULE.delaysMs, [0, 5 * S, 5 * MIN, 30 * MIN, 2 * H, 5 * H, 10 * H, 14 * H, 20 * H, 24 * H]);
    assert.equal(WEBHOOK_SCHEDULE.jitter, 0.2);
    assert.equal(PAYLINE_SCHEDULE.delaysMs.length, 121);
    assert.ok(PAYLINE_SCHEDULE.delaysMs.slice(1).every((d) => d === MIN));
    assert.equal(PAYLINE_SCHEDULE.delaysMs.reduce((a, b) => a + b), 2 * H);
  });

  it('gives the time of the next attempt, undefined once used up', () => {
    const middle = () => 0.5;
    const cases: [number, number | undefined][] = [
      [0, NOW],
      [1, NOW + 5 * S],
      [2, NOW + 5 * MIN],
      [9, NOW + 24 * H],
      [10, undefined],
    ];
    for (const [attempt, expected] of cases) assert.equal(nextAttempt(WEBHOOK_SCHEDULE, attempt, NOW, middle), expected, `attempt ${attempt}`);
    assert.equal(nextAttempt(PAYLINE_SCHEDULE, 120, NOW, middle), NOW + MIN);
    assert.equal(nextAttempt(PAYLINE_SCHEDULE, 121, NOW, middle), undefined);
  });

  it('spreads delays by ±20 % with the random source given', () => {
    assert.equal(nextAttempt(WEBHOOK_SCHEDULE, 4, NOW, () => 0), NOW + 0.8 * 2 * H);
    assert.equal(nextAttempt(WEBHOOK_SCHEDULE, 4, NOW, () => 0.999999), NOW + Math.round(2 * H * (1 + 0.2 * (2 * 0.999999 - 1))));
    for (let i = 0; i < 200; i++) {
      const at = nextAttempt(WEBHOOK_SCHEDULE, 3, NOW, Math.random)! - NOW;
      assert.ok(at >= 0.8 * 30 * MIN && at <= 1.2 * 30 * MIN, String(at));
    }
  });

  it('waits as long as Retry-After asks, never less than the schedule, at most an hour', () => {
    const middle = () => 0.5;
    assert.equal(nextAttempt(WEBHOOK_SCHEDULE, 1, NOW, middle, 120 * S), NOW + 120 * S);
    assert.equal(nextAttempt(WEBHOOK_SCHEDULE, 2, NOW, middle, 1 * S), NOW + 5 * MIN);
    assert.equal(nextAttempt(WEBHOOK_SCHEDULE, 1, NOW, middle, 48 * H), NOW + MAX_RETRY_AFTER_MS);
    assert.equal(nextAttempt(WEBHOOK_SCHEDULE, 10, NOW, middle, 10 * S), undefined);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('120', NOW), 120 * S);
    assert.equal(parseRetryAfter(' 0 ', NOW), 0);
    assert.equal(parseRetryAfter(new Date(NOW + 90 * S).toUTCString(), NOW), 90 * S);
    assert.equal(parseRetryAfter(new Date(NOW - 90 * S).toUTCString(), NOW), 0);
    assert.equal(parseRetryAfter('soon', NOW), undefined);
    assert.equal(parseRetryAfter(null, NOW), undefined);
  });
});
