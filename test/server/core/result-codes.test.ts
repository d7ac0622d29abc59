import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CODES, isAcceptedCode, isKnownCode, resultFor } from '../../../server/core/result-codes.js';

/** Every code of payline-api.md §5, ranges expanded, 014xx cheque codes left out. */
const REFERENCE_CODES: Record<string, string> = {
  '5.2': '00000',
  '5.3':
    '01100 01101 01102 01103 01108 01109 01110 01111 01113 01114 01115 01116 01117 01118 01119 ' +
    '01120 01121 01122 01123 01125 01126 01128 01129 01130 01131 01132 01133 01180 01181 01182 ' +
    '01183 01184 01185 01196 01197 01198 01199 01200 01201 01202 01206 01207 01208 01209 01280 ' +
    '01902 01904 01907 01909 01912 01913 01914 01915 01917 01940 01941 01942 01943',
  '5.4 documented':
    '02000 02001 02002 02003 02004 02005 02006 02008 02009 02010 02011 02012 02013 02014 02015 ' +
    '02016 02020 02101 02102 02103 02104 02105 02106 02110 02201 02202 02203 02204 02301 02302 ' +
    '02303 02304 02305 02306',
  '5.4 older lists':
    '02307 02308 02309 02310 02311 02312 02313 02314 02317 02318 02319 02320 02321 02322 02323 ' +
    '02324 02400 02401 02402 02403 02500 02501 02502 02503 02504 02505 02506 02507 02508 02509 ' +
    '02510 02511 02512 02513 02514 02515 02516 02517 02518 02519 02520 02521 02522 02523 02524 ' +
    '02525 02526 02527 02528 02529 02532 02533 02534 02535 02536 02538 02539 02540 02541 02600 ' +
    '02601 02602 02603 02604 02605 02606 02607 02608 02609 02610 02611 02612 02613 02614 02615 ' +
    '02616 02617 02618 02619 02620 02621 02622 02623 02624 02625',
  '5.6':
    '03000 03001 03002 03003 03004 03005 03006 03007 03008 03009 03010 03011 03012 03021 03022 ' +
    '03030 03100 03101 03102 03103 03104 03200',
  '5.7':
    '04000 04001 04002 04003 04101 04102 04103 04104 04301 04302 04303 04401 04402 04403 04404 ' +
    '04901 04902',
  '5.8': '09101 09102 09104 09201',
  'seed 004 gift card': '02703 02998',
};
const ALL_CODES = Object.values(REFERENCE_CODES).flatMap((list) => list.split(' '));

/** §5.1: the accepted codes listed by the docs. */
const ACCEPTED = ['00000', '02400', '02500', '02501', '02517', '02520', '02616', '03000', '04000'];

describe('result-codes', () => {
  for (const [section, list] of Object.entries(REFERENCE_CODES)) {
    it(`knows every code of §${section}`, () => {
      const missing = list.split(' ').filter((code) => !isKnownCode(code));
      assert.deepEqual(missing, []);
    });
  }

  it('gives every code a 5-digit code and non-empty messages', () => {
    for (const code of ALL_CODES) {
      const result = resultFor(code);
      assert.match(result.code, /^\d{5}$/);
      assert.ok(result.shortMessage.length > 0, code);
      assert.ok(result.longMessage.length > 0, code);
    }
  });

  it('knows no code outside the reference', () => {
    const known = new Set(ALL_CODES);
    const extra: string[] = [];
    for (let n = 0; n < 10_000; n++) {
      const code = String(n).padStart(5, '0');
      if (isKnownCode(code) && !known.has(code)) extra.push(code);
    }
    assert.deepEqual(extra, []);
  });

  it('accepts the §5.1 list, and otherwise only the 3DS steps §5.6 marks ACCEPTED', () => {
    const accepted = ALL_CODES.filter(isAcceptedCode);
    const threeDsSteps = ['03100', '03101', '03102', '03103', '03104'];
    assert.deepEqual(accepted.sort(), [...ACCEPTED, ...threeDsSteps].sort());
  });

  const cases: Array<[code: string, shortMessage: string, longMessage: string]> = [
    ['00000', 'ACCEPTED', 'Transaction approved'],
    ['01113', 'REFUSED', 'Transaction refused'],
    ['01200', 'REFUSED', 'Transaction refused'],
    ['01913', 'ERROR', 'Duplicated transaction'],
    ['02610', 'REFUSED', 'The max amount is exceeded'],
    ['02703', 'ERROR', 'Action not allowed'],
    ['02998', 'REFUSED', 'Transaction refused'],
    ['02000', 'ONHOLD_PARTNER', 'In progress, wait for status'],
    ['02008', 'CANCELLED', 'Canceled by user'],
    ['02304', 'ERROR', 'No transaction found for this token'],
    ['02305', 'ERROR', 'Invalid field format'],
    ['02306', 'INPROGRESS', 'Customer has to fill his payment data'],
    ['02319', 'CANCELLED', 'Payment cancelled by the buyer'],
    ['02324', 'ERROR', 'Session expired before the consumer finished the transaction'],
    ['02500', 'ACCEPTED', 'Operation Successfull'],
    ['02533', 'INPROGRESS', 'Consumer not redirected to payment pages, session active'],
    ['02536', 'CANCELLED', 'Consumer cancelled'],
    ['04003', 'PENDING_RISK', 'Fraud suspected'],
    ['09101', 'ERROR', 'Bad username/password'],
  ];
  for (const [code, shortMessage, longMessage] of cases) {
    it(`resultFor(${code}) is ${shortMessage} "${longMessage}"`, () => {
      assert.deepEqual(resultFor(code), { code, shortMessage, longMessage });
    });
  }

  it('lets a given longMessage replace the table one', () => {
    const message = 'payment.amount must be an integer of minor units';
    assert.deepEqual(resultFor(CODES.INVALID_FIELD, message), {
      code: '02305',
      shortMessage: 'ERROR',
      longMessage: message,
    });
  });

  for (const code of ['', '99999', '1913', '014xx', '01400', ' 00000']) {
    it(`throws a TypeError for unknown code "${code}"`, () => {
      assert.equal(isKnownCode(code), false);
      assert.equal(isAcceptedCode(code), false);
      assert.throws(() => resultFor(code), TypeError);
    });
  }

  it('names only known codes in CODES, and freezes it', () => {
    for (const [name, code] of Object.entries(CODES)) assert.ok(isKnownCode(code), name);
    assert.ok(Object.isFrozen(CODES));
    assert.equal(CODES.ACCEPTED, '00000');
    assert.equal(CODES.OPERATION_SUCCESSFUL, '02500');
  });
});
