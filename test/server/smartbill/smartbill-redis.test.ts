import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestGateway } from '../support/gateway-harness.js';
import { startRedisGateway } from '../support/redis-gateway.js';
import { VERSION } from '../support/requests.js';
import { AMEX_EA, AMEX_ER_UNKNOWN, createWalletRequest, DAY, getWalletRequest, SANDBOX_AUTH } from './support/smartbill-harness.js';

/*
 * SmartBill on the Redis store (REDIS_URL, a real redis-server): the card's WR status committed
 * with its enrolment job, the batch's ER committed in one Lua step with the disabled wallet, its
 * payment record, their events and the finished job; an EA card then updated by the network.
 */
describe('Amex Recurring on Redis', () => {
  let gw: TestGateway;
  before(async () => {
    gw = await startRedisGateway();
  });
  after(() => gw.close());

  it('enrols, refuses with the wallet and its records, applies network updates', async () => {
    assert.equal(gw.gateway.store.name, 'redis');
    assert.equal((await gw.call('createWallet', createWalletRequest('R-EA', AMEX_EA))).result.code, '02500');
    assert.equal((await gw.call('createWallet', createWalletRequest('R-ER', AMEX_ER_UNKNOWN))).result.code, '02500');
    const record = await gw.call('doRecurrentWalletPayment', {
      version: VERSION,
      payment: { amount: 990, currency: 978, action: 101, mode: 'REC', contractNumber: 'AMEX-REC' },
      orderRef: 'R-SUB',
      walletId: 'R-ER',
      recurring: { amount: 990, billingCycle: 40, startDate: '01/04/2026' },
    });
    assert.equal(record.result.code, '02500');
    assert.equal((await gw.call('getWallet', getWalletRequest('R-EA'))).wallet.card_status, 'WR');
    await gw.advance(DAY);
    assert.equal((await gw.call('getWallet', getWalletRequest('R-EA'))).wallet.card_status, 'EA');
    const refused = await gw.call('getWallet', getWalletRequest('R-ER'));
    assert.deepEqual([refused.wallet.card_status, refused.isDisabled], ['ER', '1']);
    assert.equal((await gw.call('getPaymentRecord', { version: VERSION, contractNumber: 'AMEX-REC', paymentRecordId: record.paymentRecordId })).isDisabled, '1');
    const response = await gw.fetch('/sandbox/smartbill/updates', { method: 'POST', headers: { authorization: SANDBOX_AUTH }, body: '{"alias":"R-EA1","status":"PU","product":"Gold"}\n{"alias":"R-ER1","status":"PU","product":"Gold"}' });
    assert.deepEqual(await response.json(), { applied: 1, unchanged: 0, refused: [{ line: 2, alias: 'R-ER1', message: 'alias R-ER1 is not enrolled (card_status ER)' }], errors: [] });
    assert.equal((await gw.call('getWallet', getWalletRequest('R-EA'))).wallet.card_status, 'PU');
  });
});
