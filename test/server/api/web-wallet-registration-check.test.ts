import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { VERSION, webPaymentRequest } from '../support/requests.js';
import { assertCode, expectCode } from '../support/api-helpers.js';

/**
 * The check a card passes before the web pages save it (GatewayOptions.cardRegistrationCheck:
 * where Amex Recurring's 1 EUR authorization plugs in): asked with the wallet, the contract and
 * the card, for a web wallet's card and for "save this card"; its refusal code refuses the card
 * and nothing is saved. Here a stand-in refuses Amex cards with 01100.
 */
describe('the card registration check of the web pages', () => {
  let gw: TestGateway;
  const asked: Array<{ walletId: string; contractNumber: string; type: string }> = [];
  before(async () => {
    gw = await startTestGateway({}, {
      cardRegistrationCheck: async (_merchant, input) => {
        asked.push({ walletId: input.walletId, contractNumber: input.contractNumber, type: input.card.type });
        return input.card.type === 'AMEX' ? { ok: false, code: '01100', message: 'the 1 EUR authorization was refused (01100)' } : { ok: true };
      },
    });
  });
  after(() => gw.close());

  const post = async (token: string, path: string, body: unknown) =>
    (await (await gw.fetch(`/widget/sessions/${token}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: new URL(gw.url).origin }, body: JSON.stringify(body) })).json()) as any;

  it('refuses a web wallet card the check refuses, saves one it accepts', async () => {
    const opened = await expectCode(gw, 'manageWebWallet', { version: VERSION, contractNumber: 'AMEX', buyer: { walletId: 'checked-1' }, returnURL: 'https://shop.example/r', cancelURL: 'https://shop.example/c' }, '00000');
    assertCode(await post(opened.token, 'wallet/cards', { card: { number: '378282246310005', expirationDate: '1230', cvx: '1234' } }), '01100');
    assertCode(await gw.call('getWebWallet', { version: VERSION, token: opened.token }), '02533');
    assert.equal((await gw.call('getWebWallet', { version: VERSION, token: opened.token })).wallet, undefined);
    assert.deepEqual(asked.at(-1), { walletId: 'checked-1', contractNumber: 'AMEX', type: 'AMEX' });

    const cb = await expectCode(gw, 'manageWebWallet', { version: VERSION, contractNumber: 'CB', buyer: { walletId: 'checked-2' }, returnURL: 'https://shop.example/r', cancelURL: 'https://shop.example/c' }, '00000');
    assertCode(await post(cb.token, 'wallet/cards', { card: { number: '4970101122334455', expirationDate: '1230', cvx: '123' } }), '02500');
    assert.deepEqual(asked.at(-1), { walletId: 'checked-2', contractNumber: 'CB', type: 'CB' });
  });

  it('asks it before "save this card" too: the payment stands, the card is not saved', async () => {
    const request = { ...webPaymentRequest(1500, { selectedContractList: ['CB', 'AMEX'] }), buyer: { walletId: 'checked-3' } };
    const token = (await expectCode(gw, 'doWebPayment', request, '00000')).token;
    assertCode(await post(token, 'pay', { card: { number: '378282246310005', expirationDate: '1230', cvx: '1234' }, saveCard: true }), '00000');
    assert.deepEqual(asked.at(-1), { walletId: 'checked-3', contractNumber: 'AMEX', type: 'AMEX' });
    assert.equal((await gw.call('getWebPaymentDetails', { version: VERSION, token })).wallet, undefined);
  });
});
