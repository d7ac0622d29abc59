import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AMEX_EA, createWalletRequest, DAY, pointOfSell, startSmartBillTest, type SmartBillTest } from './support/smartbill-harness.js';

/**
 * Seed 001 "Configuration > Vos points de vente": which wallet notifications a point of sale
 * receives, by email and by server notification, set in the merchants file. Here the enrolment
 * result goes by server only, and the wallet-created notification is switched off.
 */
describe('wallet notifications per point of sale', () => {
  let t: SmartBillTest;

  before(async () => {
    t = await startSmartBillTest({
      merchant: (receiver) => ({
        pointsOfSell: [
          pointOfSell(receiver, {
            walletNotifications: { smartbillEnrollResult: { email: false, server: true }, walletCreated: { server: false }, smartBillCanceledCard: { server: false } },
          }),
        ],
      }),
    });
  });
  after(() => t.close());

  it('no wallet-created notification, the enrolment result by server only, no cancellation notification', async () => {
    assert.equal((await t.call('createWallet', createWalletRequest('POS-1', AMEX_EA))).result.code, '02500');
    await t.tick(DAY);
    await t.fetch('/sandbox/smartbill/updates', {
      method: 'POST',
      headers: { authorization: 'Basic ' + Buffer.from('demo-merchant:demo-access-key').toString('base64') },
      body: '{"alias":"POS-11","status":"CC","cancellationCode":"C01"}',
    });
    await t.settle();
    assert.deepEqual(t.notifications(), [{ notificationType: 'Wallet', walletId: 'POS-1', type: 'smartbillEnrollResult', result: 'Y', resultCode: '00' }]);
    // Give a wrongly sent email time to arrive: none may.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(t.smtp.mails.length, 0);
  });
});
