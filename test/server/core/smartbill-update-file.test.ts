import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseUpdateFile, parseUpdateLine } from '../../../server/core/smartbill-update-file.js';

describe('parseUpdateLine: one network update per line, bad fields named', () => {
  const cases: [line: string, expected: unknown][] = [
    ['{"alias":"W1","status":"EDU","expirationDate":"0631"}', { status: 'EDU', alias: 'W1', expirationDate: '0631' }],
    ['{"alias":"W1","status":"PU","product":"Platinum Card"}', { status: 'PU', alias: 'W1', product: 'Platinum Card' }],
    ['{"alias":"W1","status":"CC","cancellationCode":"C01"}', { status: 'CC', alias: 'W1', cancellationCode: 'C01' }],
    ['{"alias":"W1","status":"EDU","expirationDate":"1331"}', { error: 'expirationDate must be MMYY with a month from 01 to 12' }],
    ['{"alias":"W1","status":"EDU"}', { error: 'expirationDate must be MMYY with a month from 01 to 12' }],
    ['{"alias":"W1","status":"XX"}', { error: 'status must be EDU, PU or CC' }],
    ['{"status":"CC","cancellationCode":"C01"}', { error: 'alias must be walletId + cardInd (2 to 52 printable characters)' }],
    ['{"alias":"W1","status":"CC","cancellationCode":"C 01"}', { error: 'cancellationCode must be 1 to 10 letters or digits' }],
    ['{"alias":"W1","status":"PU","product":"<script>"}', { error: "product must be 1 to 50 letters, digits, spaces or . _ ' -" }],
    ['{"alias":"W1","status":"CC","cancellationCode":"C01","expirationDate":"0631"}', { error: 'expirationDate is not a field of a CC update (alias, status, cancellationCode)' }],
    ['{"alias":"W1"', { error: 'not a JSON object' }],
    ['["W1","CC"]', { error: 'not a JSON object' }],
    [`{"alias":"W1","status":"PU","product":"${'x'.repeat(2000)}"}`, { error: 'line longer than 1024 characters' }],
  ];
  for (const [line, expected] of cases) it(line.slice(0, 70), () => assert.deepEqual(parseUpdateLine(line), expected));
});

describe('parseUpdateFile', () => {
  it('keeps the good lines, reports the bad ones by number, skips blanks and comments (CRLF too)', () => {
    const text = ['# network file 2026-03-03', '{"alias":"W1","status":"EDU","expirationDate":"0631"}', '', 'not json', '{"alias":"W21","status":"CC","cancellationCode":"C02"}', '{"alias":"W3","status":"ZZ"}', ''].join('\r\n');
    assert.deepEqual(parseUpdateFile(text), {
      updates: [
        { line: 2, update: { status: 'EDU', alias: 'W1', expirationDate: '0631' } },
        { line: 5, update: { status: 'CC', alias: 'W21', cancellationCode: 'C02' } },
      ],
      errors: [
        { line: 4, message: 'not a JSON object' },
        { line: 6, message: 'status must be EDU, PU or CC' },
      ],
    });
  });
});
