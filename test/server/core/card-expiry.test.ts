import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isExpired, parseExpiry } from '../../../server/core/card-expiry.js';

describe('parseExpiry', () => {
  const cases: [mmyy: string, expected: { month: number; year: number } | undefined][] = [
    ['1255', { month: 12, year: 2055 }],
    ['0126', { month: 1, year: 2026 }],
    ['0900', { month: 9, year: 2000 }],
    ['1299', { month: 12, year: 2099 }],
    ['0026', undefined],
    ['1326', undefined],
    ['126', undefined],
    ['12026', undefined],
    ['12/26', undefined],
    ['ab26', undefined],
    ['', undefined],
  ];
  for (const [mmyy, expected] of cases) {
    it(`${JSON.stringify(mmyy)} → ${JSON.stringify(expected)}`, () => assert.deepEqual(parseExpiry(mmyy), expected));
  }
});

describe('isExpired', () => {
  const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) => Date.UTC(y, m - 1, d, h, min, s, ms);
  const cases: [mmyy: string, now: number, expired: boolean, why: string][] = [
    ['0326', utc(2026, 3, 1), false, 'first instant of the expiry month'],
    ['0326', utc(2026, 3, 31, 23, 59, 59, 999), false, 'last instant of the expiry month'],
    ['0326', utc(2026, 4, 1), true, 'first instant of the next month'],
    ['0226', utc(2026, 2, 28, 12), false, 'last day of a short month'],
    ['0224', utc(2024, 2, 29, 23), false, 'leap day'],
    ['0224', utc(2024, 3, 1), true, 'after a leap February'],
    ['1226', utc(2026, 12, 31, 23, 59, 59, 999), false, 'last instant of a year'],
    ['1226', utc(2027, 1, 1), true, 'new year'],
    ['0120', utc(2026, 1, 15), true, 'years ago'],
    ['1255', utc(2026, 1, 15), false, 'far ahead'],
    ['1326', utc(2026, 1, 15), true, 'unreadable month counts as expired'],
    ['abcd', utc(2026, 1, 15), true, 'unreadable date counts as expired'],
  ];
  for (const [mmyy, now, expired, why] of cases) {
    it(`${mmyy} at ${new Date(now).toISOString()} → ${expired} (${why})`, () => assert.equal(isExpired(mmyy, now), expired));
  }
});
