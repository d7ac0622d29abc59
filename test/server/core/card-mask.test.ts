import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maskPan, scrubPans } from '../../../server/core/card-mask.js';

describe('card-mask', () => {
  const pans: Array<[pan: string, masked: string]> = [
    ['4970101234560003', '497010XXXXXX0003'], // 16 digits: 6 + 6X + 4
    ['4970 1012 3456 0003', '497010XXXXXX0003'],
    ['4970-1012-3456-0003', '497010XXXXXX0003'],
    ['374200000000004', '374200XXXXX0004'], // Amex, 15: 6 + 5X + 4
    ['36000000000008', '360000XXXX0008'], // Diners, 14: 6 + 4X + 4
    ['4970101234560000003', '497010XXXXXXXXX0003'], // 19
    ['4111111111111', '411111XXX1111'], // 13
    ['12345678901', '123456X8901'], // 11: the shortest with 6 + 4 shown
    ['1234567890', 'XXXXXX7890'], // 10: only the last 4
    ['12345', 'X2345'],
    ['1234', '1234'],
    ['', ''],
  ];
  for (const [pan, masked] of pans) {
    it(`maskPan("${pan}") is "${masked}"`, () => {
      assert.equal(maskPan(pan), masked);
    });
  }

  const texts: Array<[text: string, scrubbed: string]> = [
    ['card 4970101234560003 refused', 'card 497010XXXXXX0003 refused'],
    ['card 4970 1012 3456 0003 refused', 'card 497010XXXXXX0003 refused'],
    ['card=4970-1012-3456-0003&cvx=123', 'card=497010XXXXXX0003&cvx=123'],
    ['{"number":"374200000000004"}', '{"number":"374200XXXXX0004"}'],
    ['two: 4111111111111111, 5555555555554444.', 'two: 411111XXXXXX1111, 555555XXXXXX4444.'],
    ['amount 33305 currency 978 order 123456789012', 'amount 33305 currency 978 order 123456789012'],
    ['a 20-digit id 12345678901234567890 stays', 'a 20-digit id 12345678901234567890 stays'],
    ['double space 4970  1012  3456  0003 is not one run', 'double space 4970  1012  3456  0003 is not one run'],
    ['no digits at all', 'no digits at all'],
    ['not Luhn-valid 4970101234560004 is still masked', 'not Luhn-valid 497010XXXXXX0004 is still masked'],
    ['time 1764072000000 and transaction 123456789012345678 stay', 'time 1764072000000 and transaction 123456789012345678 stay'],
  ];
  for (const [text, scrubbed] of texts) {
    it(`scrubPans("${text}")`, () => {
      assert.equal(scrubPans(text), scrubbed);
    });
  }
});
