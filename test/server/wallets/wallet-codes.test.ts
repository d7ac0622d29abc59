import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertCode, assertFieldError, expectCode } from '../support/api-helpers.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { GIFT, GIFT_CONTRACT } from '../support/gift-card-calls.js';
import { authorizationRequest, CB_CARD, VERSION, webPaymentRequest } from '../support/requests.js';
import { createWalletRequest, getWalletRequest, nextWalletId, recurrentRequest, updateWalletRequest } from '../support/wallet-requests.js';

/*
 * The wallet codes of payline-api.md §5.4 beyond the everyday ones: 02511 (a gift card cannot be
 * saved), 02514 (over 99 privateData), 02528 (a web wallet on more than one contract), 02538
 * (card.number and card.token both), 02529 (selected contract other than contractNumber), 02540 (a
 * token alone), 02541 (a non-Amex card on the Amex Recurring contract).
 * Each refusal leaves the store as it was.
 */

const AMEX = '374200000000004';
const VISA = '4111111111111111';
const AMEX_REC = { number: AMEX, type: 'AMEX-REC BILLING', expirationDate: '1230' };

const privateData = (count: number) => ({ privateData: Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });

describe('wallet codes', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  const stored = (walletId: string) => gw.gateway.store.getRecord('wallet', 'demo-merchant', walletId);
  const cards = async (walletId: string) => (await expectCode(gw, 'getCards', getWalletRequest(walletId), '02500')).cardsList.cards as any[];

  /** createWallet refused with `code`: no wallet by that id afterwards. */
  async function refusedCreate(body: { wallet: { walletId: string } } & Record<string, unknown>, code: string): Promise<any> {
    const answer = await expectCode(gw, 'createWallet', body, code);
    assert.equal(await stored(body.wallet.walletId), undefined);
    await expectCode(gw, 'getWallet', getWalletRequest(body.wallet.walletId), '02503');
    return answer;
  }

  /** updateWallet refused with `code`: the wallet's record is byte for byte what it was. */
  async function refusedUpdate(walletId: string, body: unknown, code: string): Promise<any> {
    const before = await stored(walletId);
    const cardsBefore = await cards(walletId);
    const answer = await expectCode(gw, 'updateWallet', body, code);
    assert.deepEqual(await stored(walletId), before);
    assert.deepEqual(await cards(walletId), cardsBefore);
    return answer;
  }

  describe('02541 card not eligible (Amex Recurring contract)', () => {
    const onAmexRec = (walletId: string, card: object) => ({ ...createWalletRequest(walletId, card), contractNumber: 'AMEX-REC' });

    it('takes an Amex card of type AMEX-REC BILLING', async () => {
      const walletId = nextWalletId('rec');
      await expectCode(gw, 'createWallet', onAmexRec(walletId, AMEX_REC), '02500');
      assert.equal((await cards(walletId)).length, 1);
    });

    it('refuses a Visa number sent as AMEX-REC BILLING, naming the brand', async () => {
      const answer = await refusedCreate(onAmexRec(nextWalletId('rec'), { ...AMEX_REC, number: VISA }), '02541');
      assert.equal(answer.result.shortMessage, 'ERROR');
      assert.match(answer.result.longMessage, /VISA card is not eligible for Amex Recurring contract AMEX-REC/);
    });

    it('refuses a Visa of type VISA on the AMEX-REC contract (not 02305)', async () => {
      const answer = await refusedCreate(onAmexRec(nextWalletId('rec'), { number: VISA, type: 'VISA', expirationDate: '1230' }), '02541');
      assert.match(answer.result.longMessage, /a VISA card is not eligible/);
    });

    it('refuses an Amex card sent as plain AMEX on the AMEX-REC contract', async () => {
      const answer = await refusedCreate(onAmexRec(nextWalletId('rec'), { ...AMEX_REC, type: 'AMEX' }), '02541');
      assert.match(answer.result.longMessage, /card\.type AMEX is not eligible/);
    });

    it('refuses adding a Visa to an Amex Recurring wallet, which keeps its one card', async () => {
      const walletId = nextWalletId('rec');
      await expectCode(gw, 'createWallet', onAmexRec(walletId, AMEX_REC), '02500');
      await refusedUpdate(walletId, { ...updateWalletRequest(walletId, { ...AMEX_REC, number: VISA }), contractNumber: 'AMEX-REC' }, '02541');
      assert.equal((await cards(walletId)).length, 1);
    });

    it("refuses the card of an earlier CB transaction (transactionID) on AMEX-REC", async () => {
      const paid = await expectCode(gw, 'doAuthorization', authorizationRequest(1000), '00000');
      const walletId = nextWalletId('rec');
      const body = { ...onAmexRec(walletId, { type: 'AMEX-REC BILLING' }), transactionID: paid.transaction.id };
      await refusedCreate(body, '02541');
    });

    it('still answers a Visa on the AMEX contract with 02305 (the contract does not take the type)', async () => {
      const walletId = nextWalletId('amex');
      const answer = await expectCode(gw, 'createWallet', { ...createWalletRequest(walletId, { number: VISA, type: 'VISA', expirationDate: '1230' }), contractNumber: 'AMEX' }, '02305');
      assert.match(answer.result.longMessage, /^wallet\.card\.type VISA is not accepted by contract AMEX/);
      assert.equal(await stored(walletId), undefined);
    });
  });

  describe('02511 wallet not supported for this card', () => {
    it('refuses saving a gift card (CADEAU_CARREFOUR on the gift-card contract)', async () => {
      const body = { ...createWalletRequest(nextWalletId('gift'), { number: GIFT.g30.number, type: 'CADEAU_CARREFOUR', expirationDate: '1230' }), contractNumber: GIFT_CONTRACT };
      const answer = await refusedCreate(body, '02511');
      assert.match(answer.result.longMessage, /gift-card contract, its cards cannot be saved in a wallet/);
    });

    it('refuses adding a gift card to an existing wallet', async () => {
      const walletId = nextWalletId('gift');
      await expectCode(gw, 'createWallet', createWalletRequest(walletId), '02500');
      const body = { ...updateWalletRequest(walletId, { number: GIFT.g50.number, type: 'CADEAU_CARREFOUR', expirationDate: '1230' }), contractNumber: GIFT_CONTRACT };
      await refusedUpdate(walletId, body, '02511');
    });
  });

  describe('02514 privateData limited to 99', () => {
    it('takes 99 entries and refuses 100 on createWallet', async () => {
      const ok = nextWalletId('pd');
      await expectCode(gw, 'createWallet', { ...createWalletRequest(ok), privateDataList: privateData(99) }, '02500');
      const answer = await refusedCreate({ ...createWalletRequest(nextWalletId('pd')), privateDataList: privateData(100) }, '02514');
      assertFieldError(answer, '02514', 'privateDataList');
    });

    it('refuses 100 entries on updateWallet, the wallet unchanged', async () => {
      const walletId = nextWalletId('pd');
      await expectCode(gw, 'createWallet', { ...createWalletRequest(walletId), privateDataList: privateData(2) }, '02500');
      await refusedUpdate(walletId, { ...updateWalletRequest(walletId, { type: 'CB', expirationDate: '1231' }, 1), privateDataList: privateData(100) }, '02514');
    });

    it('refuses 100 entries on doImmediateWalletPayment and manageWebWallet', async () => {
      const walletId = nextWalletId('pd');
      await expectCode(gw, 'createWallet', createWalletRequest(walletId), '02500');
      const pay = {
        version: VERSION,
        payment: { amount: 1000, currency: 978, action: 101, mode: 'CPT', contractNumber: 'CB' },
        order: { ref: `pd-${walletId}`, amount: 1000, currency: 978, date: '02/03/2026 11:00' },
        walletId,
        privateDataList: privateData(100),
      };
      assertFieldError(await gw.call('doImmediateWalletPayment', pay), '02514', 'privateDataList');
      assert.deepEqual(await gw.call('transactionsSearch', { version: VERSION, orderRef: `pd-${walletId}` }).then((a) => a.transactionList?.transaction ?? []), []);
      assertFieldError(await gw.call('manageWebWallet', { ...webWalletRequest(walletId), privateDataList: privateData(100) }), '02514', 'privateDataList');
    });

    it('refuses 100 entries on doRecurrentWalletPayment and creates no payment record', async () => {
      const walletId = nextWalletId('pd');
      await expectCode(gw, 'createWallet', createWalletRequest(walletId), '02500');
      const records = async () => (await gw.gateway.store.listRecords({ kind: 'payment-record', scope: 'demo-merchant' })).length;
      const before = await records();
      const body = { ...recurrentRequest(walletId, 'REC', 1000, { amount: 1000, billingCycle: 40, billingLeft: 12 }), privateDataList: privateData(100) };
      assertFieldError(await gw.call('doRecurrentWalletPayment', body), '02514', 'privateDataList');
      assert.equal(await records(), before);
    });

    it('leaves 02305 to operations outside wallets (doWebPayment)', async () => {
      assertFieldError(await gw.call('doWebPayment', { ...webPaymentRequest(1000), privateDataList: privateData(100) }), '02305', 'privateDataList');
    });
  });

  describe('02538 card.number or card.token, not both', () => {
    it('refuses createWallet with both', async () => {
      const answer = await refusedCreate(createWalletRequest(nextWalletId('tok'), { ...CB_CARD, token: 'tok-123' }), '02538');
      assert.match(answer.result.longMessage, /wallet\.card\.number and wallet\.card\.token/);
    });

    it('refuses updateWallet with both, the wallet unchanged', async () => {
      const walletId = nextWalletId('tok');
      await expectCode(gw, 'createWallet', createWalletRequest(walletId), '02500');
      await refusedUpdate(walletId, updateWalletRequest(walletId, { number: '5132100000000008', type: 'CB', expirationDate: '1230', token: 'tok-123' }), '02538');
    });
  });

  it('02540: a card.token alone names no card (Guichet issues no card tokens), nothing created', async () => {
    const answer = await refusedCreate(createWalletRequest(nextWalletId('tok'), { type: 'CB', token: 'tok-123', expirationDate: '1230' }), '02540');
    assert.match(answer.result.longMessage, /^wallet\.card\.token tok-123 names no card/);
  });

  describe('02528 selectedContractList must have exactly one contract', () => {
    it('refuses manageWebWallet and createWebWallet on two contracts, takes one', async () => {
      for (const operation of ['manageWebWallet', 'createWebWallet']) {
        const walletId = nextWalletId('web');
        const answer = await gw.call(operation, { ...webWalletRequest(walletId), selectedContractList: { selectedContract: ['CB', 'AMEX'] } });
        assertCode(answer, '02528');
        assert.equal(answer.token, undefined);
        assert.match(answer.result.longMessage, /exactly one contract \(it holds 2\)/);
        assert.equal(await stored(walletId), undefined);
        assertCode(await gw.call(operation, { ...webWalletRequest(walletId), selectedContractList: { selectedContract: ['CB'] } }), '00000');
      }
    });

    it('02529: the one selected contract must be contractNumber', async () => {
      const walletId = nextWalletId('web');
      const answer = await gw.call('manageWebWallet', { ...webWalletRequest(walletId), selectedContractList: { selectedContract: ['AMEX'] } });
      assertCode(answer, '02529');
      assert.equal(answer.token, undefined);
      assert.match(answer.result.longMessage, /selectedContractList names AMEX, contractNumber CB/);
    });
  });
});

function webWalletRequest(walletId: string) {
  return {
    version: VERSION,
    contractNumber: 'CB',
    buyer: { walletId, lastName: 'Lovelace', firstName: 'Ada', email: 'ada@shop.example' },
    returnURL: 'https://shop.example/wallet/return',
    cancelURL: 'https://shop.example/wallet/cancel',
  };
}
