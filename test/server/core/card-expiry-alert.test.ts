import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expiringCardsCsv, expiryAlertFrom, isExpiryAlertDue } from '../../../server/core/card-expiry-alert.js';

const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

describe('the expiring-cards alert falls due two months before the card stops working (seed 002)', () => {
  it('05/26 (valid through May) is alerted from 1 April 2026', () => assert.equal(expiryAlertFrom('0526'), utc(2026, 4, 1)));
  it('01/27 is alerted from 1 December 2026 (across the year)', () => assert.equal(expiryAlertFrom('0127'), utc(2026, 12, 1)));
  it('an unreadable date has no alert', () => assert.equal(expiryAlertFrom('1326'), undefined));
  const cases: [mmyy: string, now: number, due: boolean][] = [
    ['0526', utc(2026, 3, 31, 23), false],
    ['0526', utc(2026, 4, 1), true],
    ['0526', utc(2026, 5, 31, 23), true],
    ['0526', utc(2026, 6, 1), false],
    ['1230', utc(2026, 4, 1), false],
  ];
  for (const [mmyy, now, due] of cases) it(`${mmyy} at ${new Date(now).toISOString()} → ${due}`, () => assert.equal(isExpiryAlertDue(mmyy, now), due));
});

describe('expiringCardsCsv', () => {
  it('a header, one line per card, the PAN masked, CRLF, fields quoted and formula-safe', () => {
    const csv = expiringCardsCsv([
      { walletId: 'W1', cardInd: 1, cardType: 'CB', maskedNumber: '497010XXXXXX4455', expirationDate: '0526', lastName: 'Durand; fils', firstName: '=cmd', email: 'a@b.fr' },
      { walletId: 'W2', cardInd: 3, cardType: 'AMEX-REC BILLING', maskedNumber: '374200XXXXX0004', expirationDate: '0526' },
    ]);
    assert.equal(
      csv,
      'walletId;cardInd;cardType;cardNumber;expirationDate;lastName;firstName;email\r\n' +
        'W1;1;CB;497010XXXXXX4455;0526;"Durand; fils";\'=cmd;a@b.fr\r\n' +
        'W2;3;AMEX-REC BILLING;374200XXXXX0004;0526;;;\r\n',
    );
  });
});
