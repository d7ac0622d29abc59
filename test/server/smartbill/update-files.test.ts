import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AMEX_EA, createWalletRequest, DAY, getWalletRequest, HOUR, startSmartBillTest, type SmartBillTest } from './support/smartbill-harness.js';

/** The PAN whose first digits are `payload`, with its Luhn check digit. */
function luhnComplete(payload: string): string {
  const sum = [...payload].reverse().reduce((total, c, i) => {
    const d = Number(c) * (i % 2 === 0 ? 2 : 1);
    return total + (d > 9 ? d - 9 : d);
  }, 0);
  return payload + ((10 - (sum % 10)) % 10);
}

/**
 * The SmartBill update file dropped in the data folder (seed 001 "Étape 3"): read by the hourly
 * job on the test clock, its good lines applied, its bad lines reported by number and skipped
 * without touching any card, then moved to done/ with its report.
 */
describe('SmartBill update files in the data folder', () => {
  let t: SmartBillTest;
  let inbox: string;
  let done: string;

  before(async () => {
    t = await startSmartBillTest();
    inbox = join(t.dataDir, 'smartbill', 'demo-merchant', 'inbox');
    done = join(t.dataDir, 'smartbill', 'demo-merchant', 'done');
    for (const walletId of ['A', 'B']) assert.equal((await t.call('createWallet', createWalletRequest(walletId, AMEX_EA))).result.code, '02500');
    await t.tick(DAY);
    assert.equal((await t.call('getWallet', getWalletRequest('A'))).wallet.card_status, 'EA');
  });
  after(() => t.close());

  it('applies the good lines, reports the bad ones by line number and leaves their cards alone', async () => {
    mkdirSync(inbox, { recursive: true });
    const lines = [
      '# AMEX card updates, 3 March 2026',
      '{"alias":"A1","status":"PU","product":"Platinum"}',
      '{"alias":"B1","status":"EDU","expirationDate":"1399"}',
      '{"alias":"B1","status":"CC"',
      '{"alias":"B1","status":"CC","cancellationCode":"C01","extra":1}',
      '{"alias":"Z9","status":"CC","cancellationCode":"C01"}',
      '{"alias":"A1","status":"EDU","expirationDate":"0734"}',
    ];
    // A file still being copied (not .jsonl yet) is left for later.
    writeFileSync(join(inbox, 'updates-0303.jsonl.part'), lines.join('\n'));
    writeFileSync(join(inbox, 'updates-0303.jsonl'), lines.join('\n') + '\n');
    await t.tick(HOUR);
    assert.equal(existsSync(join(inbox, 'updates-0303.jsonl')), false, 'moved out of the inbox');
    assert.equal(existsSync(join(inbox, 'updates-0303.jsonl.part')), true);
    assert.equal(existsSync(join(done, 'updates-0303.jsonl')), true);
    const report = JSON.parse(readFileSync(join(done, 'updates-0303.jsonl.report.json'), 'utf8'));
    assert.deepEqual(
      { applied: report.applied, unchanged: report.unchanged, refused: report.refused, errors: report.errors },
      {
        applied: 2,
        unchanged: 0,
        refused: [{ line: 6, alias: 'Z9', message: 'alias Z9 is not an Amex Recurring card of this merchant' }],
        errors: [
          { line: 3, message: 'expirationDate must be MMYY with a month from 01 to 12' },
          { line: 4, message: 'not a JSON object' },
          { line: 5, message: 'extra is not a field of a CC update (alias, status, cancellationCode)' },
        ],
      },
    );
    const a = await t.call('getWallet', getWalletRequest('A'));
    assert.deepEqual([a.wallet.card_status, a.wallet.card.expirationDate], ['EDU', '0734'], 'both good lines applied, in order');
    const b = await t.call('getWallet', getWalletRequest('B'));
    assert.deepEqual([b.wallet.card_status, b.wallet.card.expirationDate, b.isDisabled], ['EA', '1230', '0'], 'no bad line half-applied');
  });

  it('a file applied again (a run cut short before the move) changes nothing', async () => {
    writeFileSync(join(inbox, 'updates-0304.jsonl'), '{"alias":"A1","status":"EDU","expirationDate":"0734"}\n');
    await t.tick(HOUR);
    const report = JSON.parse(readFileSync(join(done, 'updates-0304.jsonl.report.json'), 'utf8'));
    assert.deepEqual([report.applied, report.unchanged], [0, 1]);
  });

  it('an alias that names two cards (AMB + 12, AMB1 + 2) is refused as ambiguous, never guessed', async () => {
    const pans = Array.from({ length: 13 }, (_, i) => luhnComplete(`3742000001${String(i + 1).padStart(4, '0')}`));
    assert.equal((await t.call('createWallet', createWalletRequest('AMB', pans[0]!))).result.code, '02500');
    for (const pan of pans.slice(1, 12)) {
      const added = await t.call('updateWallet', { version: '34', contractNumber: 'AMEX-REC', wallet: { walletId: 'AMB', card: { number: pan, type: 'AMEX-REC BILLING', expirationDate: '1230' } } });
      assert.equal(added.result.code, '02500', JSON.stringify(added.result));
    }
    assert.equal((await t.call('createWallet', createWalletRequest('AMB1', pans[12]!))).result.code, '02500');
    assert.equal((await t.call('updateWallet', { version: '34', contractNumber: 'AMEX-REC', wallet: { walletId: 'AMB1', card: { number: AMEX_EA, type: 'AMEX-REC BILLING', expirationDate: '1230' } } })).result.code, '02500');
    const response = await t.fetch('/sandbox/smartbill/updates', {
      method: 'POST',
      headers: { authorization: 'Basic ' + Buffer.from('demo-merchant:demo-access-key').toString('base64') },
      body: '{"alias":"AMB12","status":"CC","cancellationCode":"C01"}',
    });
    assert.deepEqual(((await response.json()) as { refused: unknown }).refused, [{ line: 1, alias: 'AMB12', message: 'alias AMB12 is ambiguous (AMB1 + 2, AMB + 12)' }]);
  });

  it('the same format through POST /sandbox/smartbill/updates reports the same way', async () => {
    const response = await t.fetch('/sandbox/smartbill/updates', {
      method: 'POST',
      headers: { authorization: 'Basic ' + Buffer.from('demo-merchant:demo-access-key').toString('base64') },
      body: 'garbage\n{"alias":"B1","status":"CC","cancellationCode":"C09"}\n',
    });
    assert.deepEqual(await response.json(), { applied: 1, unchanged: 0, refused: [], errors: [{ line: 1, message: 'not a JSON object' }] });
    const b = await t.call('getWallet', getWalletRequest('B'));
    assert.deepEqual([b.wallet.card_status, b.isDisabled], ['CC', '1']);
  });
});
