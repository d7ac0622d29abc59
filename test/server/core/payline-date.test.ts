import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatCompactDate,
  formatDate,
  formatDateTime,
  formatShortDateTime,
  parseDate,
  parseDateTime,
  parseShortDate,
} from '../../../server/core/payline-date.js';

const utc = (iso: string): number => Date.parse(iso);

describe('payline-date', () => {
  const formats: Array<[iso: string, tz: string | undefined, dateTime: string, short: string, date: string, compact: string]> = [
    ['2024-01-15T11:05:09Z', undefined, '15/01/2024 12:05:09', '15/01/24 12:05', '15/01/2024', '20240115'],
    ['2024-07-15T11:05:09Z', undefined, '15/07/2024 13:05:09', '15/07/24 13:05', '15/07/2024', '20240715'],
    ['2024-12-31T23:30:00Z', 'Europe/Paris', '01/01/2025 00:30:00', '01/01/25 00:30', '01/01/2025', '20250101'],
    ['2024-12-31T23:30:00Z', 'UTC', '31/12/2024 23:30:00', '31/12/24 23:30', '31/12/2024', '20241231'],
    ['2024-03-01T04:00:00Z', 'America/New_York', '29/02/2024 23:00:00', '29/02/24 23:00', '29/02/2024', '20240229'],
    ['2024-06-01T00:00:00Z', 'Pacific/Tahiti', '31/05/2024 14:00:00', '31/05/24 14:00', '31/05/2024', '20240531'],
    // Paris, spring forward on Sunday 31 March 2024 at 01:00 UTC (02:00 → 03:00).
    ['2024-03-31T00:59:59Z', undefined, '31/03/2024 01:59:59', '31/03/24 01:59', '31/03/2024', '20240331'],
    ['2024-03-31T01:00:00Z', undefined, '31/03/2024 03:00:00', '31/03/24 03:00', '31/03/2024', '20240331'],
    // Paris, fall back on Sunday 27 October 2024 at 01:00 UTC (03:00 → 02:00): 02:30 twice.
    ['2024-10-27T00:30:00Z', undefined, '27/10/2024 02:30:00', '27/10/24 02:30', '27/10/2024', '20241027'],
    ['2024-10-27T01:30:00Z', undefined, '27/10/2024 02:30:00', '27/10/24 02:30', '27/10/2024', '20241027'],
    ['2024-10-26T22:00:00Z', undefined, '27/10/2024 00:00:00', '27/10/24 00:00', '27/10/2024', '20241027'],
  ];
  for (const [iso, tz, dateTime, short, date, compact] of formats) {
    it(`formats ${iso} in ${tz ?? 'the default zone'}`, () => {
      const ms = utc(iso);
      assert.equal(formatDateTime(ms, tz), dateTime);
      assert.equal(formatShortDateTime(ms, tz), short);
      assert.equal(formatDate(ms, tz), date);
      assert.equal(formatCompactDate(ms, tz), compact);
    });
  }

  const dateTimes: Array<[text: string, tz: string | undefined, iso: string]> = [
    ['15/01/2024 12:05', undefined, '2024-01-15T11:05:00Z'],
    ['15/01/2024 12:05:09', undefined, '2024-01-15T11:05:09Z'],
    ['15/07/2024 13:05:09', 'Europe/Paris', '2024-07-15T11:05:09Z'],
    ['15/07/2024 13:05', 'UTC', '2024-07-15T13:05:00Z'],
    ['29/02/2024 23:00', 'America/New_York', '2024-03-01T04:00:00Z'],
    ['31/03/2024 01:59:59', undefined, '2024-03-31T00:59:59Z'],
    ['31/03/2024 03:00', undefined, '2024-03-31T01:00:00Z'],
    ['31/03/2024 02:30', undefined, '2024-03-31T01:30:00Z'], // skipped: read as 03:30
    ['27/10/2024 02:30', undefined, '2024-10-27T00:30:00Z'], // shown twice: the earlier
    ['27/10/2024 03:00', undefined, '2024-10-27T02:00:00Z'],
    ['27/10/2024 01:59:59', undefined, '2024-10-26T23:59:59Z'],
    ['31/12/2099 23:59:59', 'UTC', '2099-12-31T23:59:59Z'],
  ];
  for (const [text, tz, iso] of dateTimes) {
    it(`parseDateTime("${text}") in ${tz ?? 'the default zone'} is ${iso}`, () => {
      assert.equal(parseDateTime(text, tz), utc(iso));
    });
  }

  const dates: Array<[text: string, tz: string | undefined, iso: string]> = [
    ['15/01/2024', undefined, '2024-01-14T23:00:00Z'],
    ['31/03/2024', undefined, '2024-03-30T23:00:00Z'],
    ['01/04/2024', undefined, '2024-03-31T22:00:00Z'],
    ['27/10/2024', undefined, '2024-10-26T22:00:00Z'],
    ['28/10/2024', undefined, '2024-10-27T23:00:00Z'],
    ['29/02/2024', 'UTC', '2024-02-29T00:00:00Z'],
    ['29/02/2000', 'UTC', '2000-02-29T00:00:00Z'],
  ];
  for (const [text, tz, iso] of dates) {
    it(`parseDate("${text}") in ${tz ?? 'the default zone'} is ${iso}`, () => {
      assert.equal(parseDate(text, tz), utc(iso));
    });
    const short = `${text.slice(0, 6)}${text.slice(8)}`;
    it(`parseShortDate("${short}") in ${tz ?? 'the default zone'} is ${iso}`, () => {
      assert.equal(parseShortDate(short, tz), utc(iso));
    });
  }

  const malformedDateTimes = [
    '', '31/02/2024 10:00', '29/02/2023 10:00', '31/04/2024 10:00', '00/01/2024 10:00',
    '15/13/2024 10:00', '15/00/2024 10:00', '15/01/2024 24:00', '15/01/2024 10:60',
    '15/01/2024 10:00:60', '15/01/2024', '15/01/24 10:00', '1/01/2024 10:00', '15/01/2024 1:00',
    '15/01/2024T10:00', ' 15/01/2024 10:00', '15/01/2024 10:00 ', '15-01-2024 10:00',
    '15/01/2024 10:00:0', 'aa/bb/cccc dd:ee', '15/01/2024 10:00:00.000',
  ];
  for (const text of malformedDateTimes) {
    it(`parseDateTime("${text}") is undefined`, () => {
      assert.equal(parseDateTime(text), undefined);
    });
  }

  const malformedDates = ['', '31/02/2024', '29/02/2100', '32/01/2024', '15/13/2024', '15/01/24', '15/1/2024', '2024-01-15'];
  for (const text of malformedDates) {
    it(`parseDate("${text}") is undefined`, () => {
      assert.equal(parseDate(text), undefined);
    });
  }

  const malformedShortDates = ['', '31/02/24', '29/02/23', '15/13/24', '15/01/2024', '15/1/24', '00/01/24'];
  for (const text of malformedShortDates) {
    it(`parseShortDate("${text}") is undefined`, () => {
      assert.equal(parseShortDate(text), undefined);
    });
  }

  const roundTrips: Array<[iso: string, tz: string | undefined]> = [
    ['2024-01-15T11:05:09Z', undefined],
    ['2024-03-31T00:59:59Z', undefined],
    ['2024-03-31T01:00:00Z', undefined],
    ['2024-10-27T00:30:00Z', undefined],
    ['2024-10-27T02:00:00Z', undefined],
    ['2025-03-30T01:00:00Z', undefined],
    ['2025-10-26T00:59:59Z', undefined],
    ['2024-07-01T12:00:00Z', 'America/New_York'],
    ['2024-07-01T12:00:00Z', 'Asia/Tokyo'],
    ['2024-07-01T12:00:00Z', 'Australia/Lord_Howe'],
  ];
  for (const [iso, tz] of roundTrips) {
    it(`round-trips ${iso} in ${tz ?? 'the default zone'}`, () => {
      const ms = utc(iso);
      assert.equal(parseDateTime(formatDateTime(ms, tz), tz), ms);
      const midnight = parseDate(formatDate(ms, tz), tz);
      assert.ok(midnight !== undefined);
      assert.equal(formatDateTime(midnight, tz), `${formatDate(ms, tz)} 00:00:00`);
      assert.equal(parseShortDate(formatShortDateTime(ms, tz).slice(0, 8), tz), midnight);
    });
  }

  it('round-trips every hour of 2024 in Paris', () => {
    const start = utc('2024-01-01T00:00:00Z');
    for (let ms = start; ms < utc('2025-01-01T00:00:00Z'); ms += 3_600_000) {
      const text = formatDateTime(ms);
      const back = parseDateTime(text);
      // 02:00 is shown twice on the fall-back day; it reads as the earlier instant.
      const expected = text === '27/10/2024 02:00:00' ? utc('2024-10-27T00:00:00Z') : ms;
      assert.equal(back, expected, text);
    }
  });
});
