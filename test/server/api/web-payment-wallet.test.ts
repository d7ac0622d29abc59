import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { VERSION, webPaymentRequest } from '../support/requests.js';
import { assertCode, assertFieldError, expectCode } from '../support/api-helpers.js';

/**
 * doWebPayment with buyer.walletId (seed 003 "Paiement par wallet"): "save this card" creates the
 * wallet when the walletId does not exist; the next session offers the saved cards, paid with
 * the CVV typed again where the contract says `walletCvvRequired` (the sandbox's CB contract),
 * without it elsewhere (AMEX); getWebPaymentDetails reports the wallet and card used.
 */
const CB = { number: '4970101122334455', expirationDate: '1230', cvx: '123', cardholder: 'Ada Lovelace' };
const AMEX = { number: '378282246310005', expirationDate: '1230', cvx: '1234' };

let counter = 0;
const nextWalletId = () => `shopper-${process.pid}-${++counter}`;

describe('doWebPayment with a wallet', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  const gatewayOrigin = () => new URL(gw.url).origin;
  async function post(token: string, path: string, body: unknown, origin = gatewayOrigin()) {
    const response = await gw.fetch(`/widget/sessions/${token}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as any };
  }
  async function open(walletId: string, amount = 1500, contracts = ['CB', 'AMEX']): Promise<string> {
    const request = { ...webPaymentRequest(amount, { selectedContractList: contracts }), buyer: { walletId, lastName: 'Lovelace', firstName: 'Ada', email: 'ada@shop.example' } };
    return (await expectCode(gw, 'doWebPayment', request, '00000')).token;
  }
  const view = async (token: string) => (await (await gw.fetch(`/widget/sessions/${token}`)).json()) as any;
  const details = (token: string) => gw.call('getWebPaymentDetails', { version: VERSION, token });

  it('saves the new card on request, creating the wallet the walletId did not name yet', async () => {
    const walletId = nextWalletId();
    const token = await open(walletId);
    assert.deepEqual((await view(token)).wallet, { walletId, cards: [], saveCard: true });
    const paid = (await post(token, 'pay', { card: CB, saveCard: true })).body;
    assertCode(paid, '00000');
    assert.equal(paid.session.wallet.cards[0].number, '497010XXXXXX4455');
    const answer = await details(token);
    assert.deepEqual(answer.wallet, { walletId, card: { number: '497010XXXXXX4455', type: 'CB', expirationDate: '1230', cardholder: 'Ada Lovelace' } });

    // The next session offers it: masked, its CVV asked again (CB contract), the default.
    const next = await open(walletId);
    assert.deepEqual((await view(next)).wallet.cards, [
      { cardInd: '1', number: '497010XXXXXX4455', type: 'CB', expirationDate: '1230', cardholder: 'Ada Lovelace', isDefault: true, cvxRequired: true },
    ]);
  });

  it('does not save a card unless asked, nor a refused one', async () => {
    const walletId = nextWalletId();
    const token = await open(walletId);
    assertCode((await post(token, 'pay', { card: { ...CB, number: '4000000000011009' }, saveCard: true })).body, '01100');
    assertCode((await post(token, 'pay', { card: CB })).body, '00000');
    assert.equal((await details(token)).wallet, undefined);
    assert.deepEqual((await view(await open(walletId))).wallet.cards, []);
  });

  it('pays with a saved card: the CVV again where required, from the card fields only', async () => {
    const walletId = nextWalletId();
    const first = await open(walletId);
    assertCode((await post(first, 'pay', { card: CB, saveCard: true })).body, '00000');
    const token = await open(walletId, 2200);

    assertFieldError((await post(token, 'pay-saved-card', { cardInd: '1' })).body, '02305', 'cvx');
    assertFieldError((await post(token, 'pay-saved-card', { cardInd: '1', cvx: '12' })).body, '02305', 'cvx');
    assertCode((await post(token, 'pay-saved-card', { cardInd: '4', cvx: '123' })).body, '02518');
    assertFieldError((await post(token, 'pay-saved-card', { cardInd: 'x' })).body, '02305', 'cardInd');
    assert.equal((await post(token, 'pay-saved-card', { cardInd: '1', cvx: '123' }, 'https://shop.example')).status, 403);

    const paid = (await post(token, 'pay-saved-card', { cardInd: '1', cvx: '123' })).body;
    assertCode(paid, '00000');
    assert.equal(paid.card.number, '497010XXXXXX4455');
    const answer = await details(token);
    assertCode(answer, '00000');
    assert.equal(answer.authorization.authorizedAmount, 2200);
    assert.deepEqual(answer.wallet, { walletId, card: { number: '497010XXXXXX4455', type: 'CB', expirationDate: '1230', cardholder: 'Ada Lovelace' } });
  });

  it('pays with a saved card of a contract that needs no CVV, from the merchant page (CORS)', async () => {
    const walletId = nextWalletId();
    const first = await open(walletId);
    assertCode((await post(first, 'pay', { card: AMEX, saveCard: true })).body, '00000');
    const token = await open(walletId);
    const offered = (await view(token)).wallet.cards;
    assert.deepEqual(offered.map((c: any) => [c.type, c.cvxRequired]), [['AMEX', false]]);
    const paid = await post(token, 'pay-saved-card', { cardInd: '1' }, 'https://shop.example');
    assert.equal(paid.status, 200);
    assertCode(paid.body, '00000');
    assert.equal((await details(token)).card.type, 'AMEX');
    // A session whose contracts do not take the card does not offer it.
    const cbOnly = await open(walletId, 1500, ['CB']);
    assert.deepEqual((await view(cbOnly)).wallet.cards, []);
    assertCode((await post(cbOnly, 'pay-saved-card', { cardInd: '1' })).body, '02518');
  });

  it('does not offer a card once it has expired; a web wallet still shows it, to change its expiry', async () => {
    const walletId = nextWalletId();
    assertCode((await post(await open(walletId), 'pay', { card: { ...CB, expirationDate: '0326' }, saveCard: true })).body, '00000');
    assert.equal((await view(await open(walletId))).wallet.cards.length, 1);
    await gw.advance(31 * 24 * 60 * 60 * 1000); // April 2026: the card expired with March.
    const token = await open(walletId);
    assert.deepEqual((await view(token)).wallet.cards, []);
    assertCode((await post(token, 'pay-saved-card', { cardInd: '1', cvx: '123' })).body, '02518');
    const manage = (await expectCode(gw, 'manageWebWallet', { version: VERSION, contractNumber: 'CB', buyer: { walletId }, returnURL: 'https://shop.example/r', cancelURL: 'https://shop.example/c' }, '00000')).token;
    assert.deepEqual((await view(manage)).wallet.cards.map((c: any) => c.expirationDate), ['0326']);
  });

  it('saves a second card into the existing wallet under the next index; the same card is not saved twice', async () => {
    const walletId = nextWalletId();
    assertCode((await post(await open(walletId), 'pay', { card: CB, saveCard: true })).body, '00000');
    assertCode((await post(await open(walletId), 'pay', { card: AMEX, saveCard: true })).body, '00000');
    const again = await open(walletId);
    assertCode((await post(again, 'pay', { card: CB, saveCard: true })).body, '00000');
    const cards = (await view(await open(walletId))).wallet.cards;
    assert.deepEqual(cards.map((c: any) => [c.cardInd, c.type, c.isDefault]), [['1', 'CB', true], ['2', 'AMEX', false]]);
  });
});
