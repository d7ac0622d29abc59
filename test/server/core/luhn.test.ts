import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isLuhnValid, luhnCheckDigit } from '../../../server/core/luhn.js';

describe('luhnCheckDigit', () => {
  const cases: [payload: string, digit: string][] = [
    // payline-api.md §8.2 worked examples
    ['497010346901206', '6'],
    ['497010346901108', '4'],
    ['497010346901100', '1'],
    ['497010346901116', '7'],
    ['497010112233445', '5'], // §8.3 SDK card
    ['7992739871', '3'],
    ['0', '0'],
  ];
  for (const [payload, digit] of cases) {
    it(`${payload} → ${digit}`, () => assert.equal(luhnCheckDigit(payload), digit));
  }

  for (const payload of ['', '4970 1034', '49701a', '-1']) {
    it(`refuses ${JSON.stringify(payload)}`, () => assert.throws(() => luhnCheckDigit(payload), RangeError));
  }
});

describe('isLuhnValid', () => {
  const cases: [pan: string, valid: boolean][] = [
    ['4970103469012066', true],
    ['4970103469011084', true],
    ['4970103469011001', true],
    ['4970103469011167', true],
    ['4970101122334455', true],
    ['378282246310005', true],
    ['36227206271667', true],
    ['4970103469012067', false],
    ['4970103469012060', false],
    ['4970101122334454', false],
    ['00', true],
    ['0', false],
    ['', false],
    ['4970 1034 6901 2066', false],
    ['497010346901206x', false],
    [' 4970103469012066', false],
  ];
  for (const [pan, valid] of cases) {
    it(`${JSON.stringify(pan)} → ${valid}`, () => assert.equal(isLuhnValid(pan), valid));
  }

  it('accepts every payload completed by luhnCheckDigit, and no other last digit', () => {
    for (const payload of ['4', '42', '49701034690', '513210000001201', '622126000000000000']) {
      const digit = luhnCheckDigit(payload);
      for (let d = 0; d <= 9; d++) assert.equal(isLuhnValid(payload + d), String(d) === digit, payload + d);
    }
  });
});
