import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWalletRequest, DAY, getWalletRequest, MERCHANT_TO, startSmartBillTest, type SmartBillTest } from './support/smartbill-harness.js';

/**
 * The expiring-cards alert (seed 002 "Fichier d'alerte des cartes échues (2 mois avant
 * expiration)", seed 001 "Expiration d'une carte dans un portefeuille"): the daily job on the test
 * clock writes the merchant's CSV file (masked PANs) and emails the merchant, once per card.
 */
describe('the expiring-cards alert', () => {
  let t: SmartBillTest;
  const folder = () => join(t.dataDir, 'alerts', 'demo-merchant');

  before(async () => {
    t = await startSmartBillTest();
    // A card valid through May 2026 is alerted from 1 April; one valid through 2030 is not.
    const soon = createWalletRequest('EXP-1', '4970101122334455', { contractNumber: 'CB', type: 'CB', expirationDate: '0526' });
    assert.equal((await t.call('createWallet', soon)).result.code, '02500');
    assert.equal((await t.call('createWallet', createWalletRequest('LATER-1', '5555555555554444', { contractNumber: 'CB', type: 'MASTERCARD', expirationDate: '1230' }))).result.code, '02500');
  });
  after(() => t.close());

  it('writes nothing while no card is within two months of expiry', async () => {
    await t.tick(DAY);
    assert.equal(existsSync(folder()), false);
    assert.equal(t.smtp.mails.length, 0);
  });

  it('on 1 April the file lists the card, its PAN masked, and the merchant gets the email', async () => {
    await t.tick(29 * DAY); // 2 March 10:00 + 30 days = 1 April 10:00 UTC
    const files = readdirSync(folder());
    assert.deepEqual(files, ['expiring-cards-20260401.csv']);
    const csv = readFileSync(join(folder(), files[0]!), 'utf8');
    assert.equal(csv, 'walletId;cardInd;cardType;cardNumber;expirationDate;lastName;firstName;email\r\nEXP-1;1;CB;497010XXXXXX4455;0526;Martin;Claire;claire.martin@example.com\r\n');
    assert.doesNotMatch(csv, /4970101122334455/);
    const [mail] = await t.smtp.waitFor(1);
    assert.equal(mail!.subject, "Expiration d'une carte dans le portefeuille EXP-1");
    assert.equal(mail!.to && 'text' in mail!.to ? mail!.to.text : '', MERCHANT_TO);
    assert.match(mail!.text!, /Carte : CB 497010XXXXXX4455\nDate d'expiration : 05\/26/);
    // No server notification: the seed's table sends this case by email only.
    assert.equal(t.notifications().filter((n) => n.notificationType !== 'WALLET').length, 0);
  });

  it('a card is alerted once; a new expiry re-arms it', async () => {
    await t.tick(DAY);
    assert.equal(readdirSync(folder()).length, 1);
    assert.equal(t.smtp.mails.length, 1);
    const updated = await t.call('updateWallet', { version: '34', contractNumber: 'CB', cardInd: 1, wallet: { walletId: 'EXP-1', card: { type: 'CB', expirationDate: '0626' } } });
    assert.equal(updated.result.code, '02500', JSON.stringify(updated.result));
    assert.equal((await t.call('getWallet', getWalletRequest('EXP-1', 'CB'))).wallet.card.expirationDate, '0626');
    await t.tick(DAY);
    assert.equal(readdirSync(folder()).length, 1, '06/26 is alerted from 1 May');
    await t.tick(28 * DAY);
    assert.deepEqual(readdirSync(folder()).sort(), ['expiring-cards-20260401.csv', 'expiring-cards-20260501.csv']);
    assert.match(readFileSync(join(folder(), 'expiring-cards-20260501.csv'), 'utf8'), /\r\nEXP-1;1;CB;497010XXXXXX4455;0626;/);
    await t.smtp.waitFor(2);
  });
});
