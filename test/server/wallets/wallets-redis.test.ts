import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertCode, DAY, details, expectCode } from '../support/api-helpers.js';
import type { TestGateway } from '../support/gateway-harness.js';
import { startRedisGateway } from '../support/redis-gateway.js';
import { CB_CARD, card } from '../support/requests.js';
import { createWalletRequest, getWalletRequest, nextWalletId, recordRequest, recurrentRequest, updateWalletRequest } from '../support/wallet-requests.js';

/*
 * Wallets and payment records on the Redis store (REDIS_URL, a real redis-server): a wallet's and
 * a record's versioned writes, the record's indexes (the card's records stopped together on
 * 01133) and a due date committed with its payment, events and next job in one Lua step.
 */
describe('wallets and payment records on Redis', () => {
  let gw: TestGateway;
  before(async () => {
    gw = await startRedisGateway();
  });
  after(() => gw.close());

  it('keeps wallets, plays due dates and stops the card\'s records on 01133', async () => {
    assert.equal(gw.gateway.store.name, 'redis');
    const walletId = nextWalletId('redis');
    await expectCode(gw, 'createWallet', createWalletRequest(walletId, CB_CARD), '02500');
    assertCode(await gw.call('createWallet', createWalletRequest(walletId, CB_CARD)), '02502');
    await expectCode(gw, 'updateWallet', updateWalletRequest(walletId, card('4111111111111111')), '02500');
    assert.equal((await expectCode(gw, 'getCards', getWalletRequest(walletId), '02500')).cardsList.cards.length, 2);

    const nx = await expectCode(gw, 'doRecurrentWalletPayment', recurrentRequest(walletId, 'NX', 3000, { amount: 1000, billingCycle: 40, billingLeft: 3 }), '02500');
    const rec = await expectCode(gw, 'doRecurrentWalletPayment', recurrentRequest(walletId, 'REC', 500, { amount: 500, billingCycle: 40 }, { orderRef: 'redis-rec' }), '02500');
    await gw.advance(40 * DAY);
    const paid = (await expectCode(gw, 'getPaymentRecord', recordRequest(nx.paymentRecordId), '02500')).billingRecordList.billingRecord;
    assert.deepEqual(paid.map((b: any) => b.status), [1, 1, 0]);
    assert.equal((await details(gw, paid[1].transaction.id)).payment.amount, 1000);

    await expectCode(gw, 'updateWallet', updateWalletRequest(walletId, card('4970110000011333'), 1), '02500');
    await gw.advance(31 * DAY);
    const stopped = await expectCode(gw, 'getPaymentRecord', recordRequest(nx.paymentRecordId), '02500');
    assert.equal(stopped.isDisabled, '1');
    assert.deepEqual(stopped.billingRecordList.billingRecord.map((b: any) => b.status), [1, 1, 4]);
    assert.equal((await expectCode(gw, 'getPaymentRecord', recordRequest(rec.paymentRecordId), '02500')).isDisabled, '1');
  });
});
