import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_AMOUNT, currencyByNumeric, isValidAmount, toMajorString } from '../../../server/core/money.js';

describe('money', () => {
  const currencies: Array<[numeric: number, alpha: string, minorDigits: number]> = [
    [978, 'EUR', 2], [840, 'USD', 2], [826, 'GBP', 2], [756, 'CHF', 2], [392, 'JPY', 0],
    [953, 'XPF', 0], [952, 'XOF', 0], [950, 'XAF', 0], [414, 'KWD', 3], [48, 'BHD', 3],
    [788, 'TND', 3], [504, 'MAD', 2], [124, 'CAD', 2], [36, 'AUD', 2], [752, 'SEK', 2],
    [578, 'NOK', 2], [208, 'DKK', 2], [985, 'PLN', 2], [203, 'CZK', 2], [348, 'HUF', 2],
    [946, 'RON', 2], [975, 'BGN', 2], [156, 'CNY', 2], [344, 'HKD', 2], [702, 'SGD', 2],
    [356, 'INR', 2], [986, 'BRL', 2], [484, 'MXN', 2], [710, 'ZAR', 2], [784, 'AED', 2],
    [682, 'SAR', 2], [949, 'TRY', 2], [376, 'ILS', 2], [554, 'NZD', 2], [410, 'KRW', 0],
    [352, 'ISK', 0], [152, 'CLP', 0], [704, 'VND', 0], [8, 'ALL', 2], [512, 'OMR', 3],
  ];
  for (const [numeric, alpha, minorDigits] of currencies) {
    it(`currencyByNumeric(${numeric}) is ${alpha} with ${minorDigits} minor digits`, () => {
      assert.deepEqual(currencyByNumeric(numeric), { numeric, alpha, minorDigits });
    });
  }

  for (const code of [0, 999, 959, 963, 1978, -978, 97.8, Number.NaN]) {
    it(`currencyByNumeric(${code}) is undefined`, () => {
      assert.equal(currencyByNumeric(code), undefined);
    });
  }

  it('has MAX_AMOUNT at Payline N12', () => {
    assert.equal(MAX_AMOUNT, 999_999_999_999);
  });

  const amounts: Array<[n: number, valid: boolean]> = [
    [0, true], [1, true], [33305, true], [MAX_AMOUNT, true],
    [MAX_AMOUNT + 1, false], [-1, false], [1.5, false], [0.1 + 0.2, false],
    [Number.NaN, false], [Number.POSITIVE_INFINITY, false], [Number.MAX_SAFE_INTEGER + 1, false],
  ];
  for (const [n, valid] of amounts) {
    it(`isValidAmount(${n}) is ${valid}`, () => {
      assert.equal(isValidAmount(n), valid);
    });
  }

  const majors: Array<[amount: number, currency: number, text: string]> = [
    [33305, 978, '333.05'],
    [0, 978, '0.00'],
    [5, 978, '0.05'],
    [100, 978, '1.00'],
    [MAX_AMOUNT, 978, '9999999999.99'],
    [1500, 392, '1500'],
    [0, 392, '0'],
    [1, 414, '0.001'],
    [123456, 48, '123.456'],
    [-5, 414, '-0.005'],
    [-33305, 978, '-333.05'],
  ];
  for (const [amount, currency, text] of majors) {
    it(`toMajorString(${amount}, ${currency}) is "${text}"`, () => {
      assert.equal(toMajorString(amount, currency), text);
    });
  }

  const misuse: Array<[amount: number, currency: number]> = [[1.5, 978], [Number.NaN, 978], [100, 999], [100, 0]];
  for (const [amount, currency] of misuse) {
    it(`toMajorString(${amount}, ${currency}) throws a TypeError`, () => {
      assert.throws(() => toMajorString(amount, currency), TypeError);
    });
  }
});
