import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  BRAND_RULES,
  brandOfPan,
  candidateBrands,
  cardTypeAcceptsBrand,
  CardBrand,
  detectBrand,
  formatPan,
  isCbCoBadged,
  panGroups,
} from '../../../server/core/card-brand.js';

describe('brandOfPan (complete numbers)', () => {
  const cases: [pan: string, brand: CardBrand | undefined][] = [
    ['4970101122334455', 'VISA'],
    ['4111111111111', 'VISA'],
    ['4111111111111111111', 'VISA'],
    ['5105105105105100', 'MASTERCARD'],
    ['5555555555554444', 'MASTERCARD'],
    ['2221000000000009', 'MASTERCARD'],
    ['2720990000000000', 'MASTERCARD'],
    ['378282246310005', 'AMEX'],
    ['371449635398431', 'AMEX'],
    ['34343434343434', undefined], // Amex has 15 digits
    ['30569309025904', 'DINERS'],
    ['36227206271667', 'DINERS'],
    ['3841001111222233', 'DINERS'],
    ['3952000000000000', 'DINERS'],
    ['3528000000000000', 'JCB'],
    ['3589000000000000', 'JCB'],
    ['6011111111111117', 'DISCOVER'],
    ['6445644564456445', 'DISCOVER'],
    ['6500000000000000', 'DISCOVER'],
    ['6221260000000000', 'DISCOVER'],
    ['6229250000000000', 'DISCOVER'],
    ['6221250000000000', 'MAESTRO'], // just below Discover's 622126
    ['6229260000000000', 'MAESTRO'],
    ['6759649826438453', 'MAESTRO'],
    ['5018000000000', 'MAESTRO'],
    ['5600000000000000', 'MAESTRO'],
    ['5800000000000000', 'MAESTRO'],
    ['6010000000000000', 'MAESTRO'],
    ['2220990000000000', undefined],
    ['2721000000000000', undefined],
    ['3060000000000000', undefined],
    ['5900000000000000', undefined],
    ['1234567812345678', undefined],
    ['41111111111111', undefined], // 14-digit Visa
    ['51051051051051', undefined], // 14-digit Mastercard
    ['', undefined],
    ['4111-1111-1111-1111', undefined],
  ];
  for (const [pan, brand] of cases) {
    it(`${pan || '(empty)'} → ${brand}`, () => assert.equal(brandOfPan(pan), brand));
  }
});

describe('candidateBrands and detectBrand (while typing)', () => {
  const { VISA, MASTERCARD, AMEX, DINERS, JCB, DISCOVER, MAESTRO } = CardBrand;
  const cases: [digits: string, candidates: CardBrand[]][] = [
    ['', [VISA, MASTERCARD, AMEX, DINERS, JCB, DISCOVER, MAESTRO]],
    ['4', [VISA]],
    ['2', [MASTERCARD]],
    ['22', [MASTERCARD]],
    ['222', [MASTERCARD]],
    ['2220', []],
    ['27', [MASTERCARD]],
    ['273', []],
    ['3', [AMEX, DINERS, JCB]],
    ['34', [AMEX]],
    ['37', [AMEX]],
    ['30', [DINERS]],
    ['305', [DINERS]],
    ['306', []],
    ['35', [JCB]],
    ['352', [JCB]],
    ['3527', []],
    ['5', [MASTERCARD, MAESTRO]],
    ['50', [MAESTRO]],
    ['53', [MASTERCARD]],
    ['6', [DISCOVER, MAESTRO]],
    ['60', [DISCOVER, MAESTRO]],
    ['6011', [DISCOVER]],
    ['6012', [MAESTRO]],
    ['62', [DISCOVER, MAESTRO]],
    ['6221', [DISCOVER, MAESTRO]],
    ['622126', [DISCOVER]],
    ['63', [MAESTRO]],
    ['64', [DISCOVER, MAESTRO]],
    ['643', [MAESTRO]],
    ['644', [DISCOVER]],
    ['65', [DISCOVER]],
    ['1', []],
    ['9', []],
    ['4a', []],
  ];
  for (const [digits, candidates] of cases) {
    it(`${JSON.stringify(digits)} → ${candidates.join(', ') || 'none'}`, () => {
      assert.deepEqual(candidateBrands(digits), candidates);
      assert.equal(detectBrand(digits), candidates.length === 1 ? candidates[0] : undefined);
    });
  }
});

describe('BRAND_RULES', () => {
  const cvv: [CardBrand, number][] = [
    ['AMEX', 4], ['VISA', 3], ['MASTERCARD', 3], ['DINERS', 3], ['JCB', 3], ['DISCOVER', 3], ['MAESTRO', 3],
  ];
  for (const [brand, length] of cvv) {
    it(`${brand} CVV has ${length} digits`, () => assert.equal(BRAND_RULES[brand].cvvLength, length));
  }
  it('DINERS takes 14 to 19 digits', () => assert.deepEqual(BRAND_RULES.DINERS.lengths, [14, 15, 16, 17, 18, 19]));
});

describe('panGroups and formatPan', () => {
  const groups: [brand: CardBrand | undefined, length: number, expected: number[]][] = [
    ['AMEX', 15, [4, 6, 5]],
    ['DINERS', 14, [4, 6, 4]],
    ['DINERS', 16, [4, 4, 4, 4]],
    ['VISA', 16, [4, 4, 4, 4]],
    ['VISA', 13, [4, 4, 4, 1]],
    ['MAESTRO', 19, [4, 4, 4, 4, 3]],
    [undefined, 16, [4, 4, 4, 4]],
  ];
  for (const [brand, length, expected] of groups) {
    it(`${brand} ${length} digits → ${expected.join('-')}`, () => assert.deepEqual(panGroups(brand, length), expected));
  }

  const formats: [digits: string, shown: string][] = [
    ['378282246310005', '3782 822463 10005'],
    ['3782822', '3782 822'],
    ['37828224631000599', '3782 822463 10005 99'],
    ['36227206271667', '3622 720627 1667'],
    ['3622720', '3622 720'],
    ['4970101122334455', '4970 1011 2233 4455'],
    ['497010112', '4970 1011 2'],
    ['4970', '4970'],
    ['5', '5'],
    ['', ''],
  ];
  for (const [digits, shown] of formats) {
    it(`formats ${JSON.stringify(digits)} as ${JSON.stringify(shown)}`, () => assert.equal(formatPan(digits), shown));
  }
  it('formats with a brand given', () => assert.equal(formatPan('3056930902', 'DINERS'), '3056 930902'));
});

describe('isCbCoBadged', () => {
  const cases: [pan: string, coBadged: boolean][] = [
    ['4970101122334455', true],
    ['4970103469012066', true],
    ['4970110000012083', true],
    ['5132100000000008', true],
    ['4111111111111111', false],
    ['5555555555554444', false],
    ['49701', false],
    ['', false],
  ];
  for (const [pan, coBadged] of cases) {
    it(`${pan || '(empty)'} → ${coBadged}`, () => assert.equal(isCbCoBadged(pan), coBadged));
  }
});

describe('cardTypeAcceptsBrand', () => {
  const accepted: Record<string, CardBrand[]> = {
    CB: ['VISA', 'MASTERCARD', 'MAESTRO'],
    VISA: ['VISA'],
    MASTERCARD: ['MASTERCARD'],
    MAESTRO: ['MAESTRO'],
    AMEX: ['AMEX'],
    'AMEX-ONE CLICK': ['AMEX'],
    'AMEX-REC BILLING': ['AMEX'],
    DINERS: ['DINERS', 'DISCOVER'],
    JCB: ['JCB'],
    DISCOVER: ['DISCOVER'],
    PAYPAL: [],
    cb: [],
    toString: [],
    '': [],
  };
  for (const [cardType, brands] of Object.entries(accepted)) {
    for (const brand of Object.values(CardBrand)) {
      const expected = brands.includes(brand);
      it(`${JSON.stringify(cardType)} ${expected ? 'carries' : 'does not carry'} ${brand}`, () =>
        assert.equal(cardTypeAcceptsBrand(cardType, brand), expected));
    }
  }
});
