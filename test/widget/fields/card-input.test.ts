/** Layout of the card inputs per brand, caret keeping, paste and expiry shapes (card-input.ts). */
import { expect } from '@esm-bundle/chai';
import {
  deleteAcrossSeparator,
  editCvx,
  editExpiry,
  editNumber,
  expiryDigits,
  maxPanLength,
} from '../../../widget/fields/card-input.js';

/** The edit of a value typed with the caret at its end. */
const typed = (value: string) => ({ value, caret: value.length });

describe('card number layout per brand', () => {
  const cases: Array<[string, string, string]> = [
    ['Visa', '4111111111111111', '4111 1111 1111 1111'],
    ['Visa 19', '4111111111111111103', '4111 1111 1111 1111 103'],
    ['Mastercard 5-series', '5555555555554444', '5555 5555 5555 4444'],
    ['Mastercard 2-series', '2223003122003222', '2223 0031 2200 3222'],
    ['Amex 4-6-5', '378282246310005', '3782 822463 10005'],
    ['Diners 14 4-6-4', '36227206271667', '3622 720627 1667'],
    ['JCB', '3566002020360505', '3566 0020 2036 0505'],
    ['Discover', '6011111111111117', '6011 1111 1111 1117'],
    ['Maestro', '6759649826438453', '6759 6498 2643 8453'],
    ['CB co-badged', '4970101122334455', '4970 1011 2233 4455'],
  ];
  for (const [brand, digits, shown] of cases) {
    it(`lays out ${brand} as ${shown}`, () => {
      expect(editNumber(typed(digits)).value).to.equal(shown);
    });
  }

  it('lays out partial numbers while typing', () => {
    expect(editNumber(typed('37828')).value).to.equal('3782 8');
    expect(editNumber(typed('3782822')).value).to.equal('3782 822');
    expect(editNumber(typed('41111')).value).to.equal('4111 1');
  });

  it('caps the digits at the brand’s longest number', () => {
    expect(maxPanLength('37')).to.equal(15);
    expect(editNumber(typed('3782822463100051234')).value).to.equal('3782 822463 10005');
    expect(maxPanLength('51')).to.equal(16);
    expect(maxPanLength('')).to.equal(19);
  });

  it('keeps pasted numbers whatever their separators', () => {
    expect(editNumber(typed('4111-1111-1111-1111')).value).to.equal('4111 1111 1111 1111');
    expect(editNumber(typed(' 3782 8224 6310 005 ')).value).to.equal('3782 822463 10005');
    expect(editNumber(typed('card: 5555.5555.5555.4444')).value).to.equal('5555 5555 5555 4444');
  });

  it('keeps the caret after the same digit when typing in the middle', () => {
    // "4111 1111" with "9" typed after the 5th digit: "4111 19111"
    const edit = editNumber({ value: '4111 19111', caret: 7 });
    expect(edit).to.deep.equal({ value: '4111 1911 1', caret: 7 });
  });
});

describe('backspace across a separator', () => {
  it('deletes the digit before the space', () => {
    expect(deleteAcrossSeparator('4111 1', 5)).to.deep.equal({ value: '411 1', caret: 3 });
    expect(editNumber({ value: '411 1', caret: 3 })).to.deep.equal({ value: '4111', caret: 3 });
  });

  it('leaves a delete after a digit alone', () => {
    expect(deleteAcrossSeparator('4111 1', 6)).to.equal(undefined);
    expect(deleteAcrossSeparator('', 0)).to.equal(undefined);
  });
});

describe('expiry', () => {
  const cases: Array<[string, string]> = [
    ['1', '1'],
    ['12', '12'],
    ['123', '1230'.slice(0, 3)],
    ['4', '04'],
    ['1/30', '0130'],
    ['12/2030', '1230'],
    ['12 / 30', '1230'],
    ['122030', '1230'],
    ['12-30', '1230'],
  ];
  for (const [input, digits] of cases) {
    it(`reads "${input}" as ${digits}`, () => {
      expect(expiryDigits(input)).to.equal(digits);
    });
  }

  it('is shown as MM / YY once the year starts', () => {
    expect(editExpiry(typed('1230')).value).to.equal('12 / 30');
    expect(editExpiry(typed('12')).value).to.equal('12');
    expect(editExpiry(typed('12 / ')).value).to.equal('12');
  });
});

describe('security code', () => {
  it('keeps digits only, up to the brand’s length', () => {
    expect(editCvx(typed('12a34'), 4).value).to.equal('1234');
    expect(editCvx(typed('1234'), 3).value).to.equal('123');
  });
});
