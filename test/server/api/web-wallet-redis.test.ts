import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertCode, expectCode } from '../support/api-helpers.js';
import type { TestGateway } from '../support/gateway-harness.js';
import { startRedisGateway } from '../support/redis-gateway.js';
import { VERSION, webPaymentRequest } from '../support/requests.js';

/*
 * Web wallets and saved cards on the Redis store (REDIS_URL, a real redis-server): a web-wallet
 * session kept with the payment sessions, its changes in the wallet record, its expiry job, and a
 * saved card paid in a later session.
 */
describe('web wallets and saved cards on Redis', () => {
  let gw: TestGateway;
  before(async () => {
    gw = await startRedisGateway();
  });
  after(() => gw.close());

  const post = async (token: string, path: string, body?: unknown) =>
    (await (await gw.fetch(`/widget/sessions/${token}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: new URL(gw.url).origin }, ...(body ? { body: JSON.stringify(body) } : {}) })).json()) as any;

  it('manages a wallet, then pays with its default card', async () => {
    assert.equal(gw.gateway.store.name, 'redis');
    const walletId = `redis-web-${process.pid}`;
    const session = { version: VERSION, contractNumber: 'CB', buyer: { walletId, lastName: 'Lovelace' }, returnURL: 'https://shop.example/r', cancelURL: 'https://shop.example/c' };
    const token = (await expectCode(gw, 'manageWebWallet', session, '00000')).token;
    assertCode(await post(token, 'wallet/cards', { card: { number: '4970101122334455', expirationDate: '1230', cvx: '123' } }), '02500');
    assertCode(await post(token, 'wallet/cards', { card: { number: '4111111111111111', expirationDate: '1231', cvx: '123' } }), '02500');
    assertCode(await post(token, 'wallet/cards/2/default'), '02500');
    assertCode(await post(token, 'wallet/finish'), '02500');
    const outcome = await expectCode(gw, 'getWebWallet', { version: VERSION, token }, '02500');
    assert.deepEqual([outcome.wallet.card.number, outcome.numberOfAttempt], ['411111XXXXXX1111', 3]);

    const expiring = (await expectCode(gw, 'manageWebWallet', session, '00000')).token;
    await gw.advance(15 * 60 * 1000);
    assertCode(await gw.call('getWebWallet', { version: VERSION, token: expiring }), '02535');

    const payment = (await expectCode(gw, 'doWebPayment', { ...webPaymentRequest(1800), buyer: { walletId } }, '00000')).token;
    assertCode(await post(payment, 'pay-saved-card', { cardInd: '2', cvx: '123' }), '00000');
    assert.equal((await gw.call('getWebPaymentDetails', { version: VERSION, token: payment })).wallet.card.number, '411111XXXXXX1111');
  });
});
