import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertCode, assertFieldError, DAY, details, expectCode } from '../support/api-helpers.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, CB_CARD, card, masked, withField } from '../support/requests.js';
import {
  createWalletRequest,
  getWalletRequest,
  immediateRequest,
  nextWalletId,
  updateWalletRequest,
} from '../support/wallet-requests.js';

/*
 * Wallets over the JSON face (payline-api.md §2.4, §3.8, §9.1–9.2): createWallet, getWallet,
 * updateWallet, disableWallet, enableWallet, getCards and doImmediateWalletPayment, each code of
 * reference §5 they answer, and what is (never) stored.
 */

const VISA = '4111111111111111';
const MASTERCARD = '5132100000000008';

describe('wallets', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  async function newWallet(walletCard: object = CB_CARD): Promise<string> {
    const walletId = nextWalletId();
    await expectCode(gw, 'createWallet', createWalletRequest(walletId, walletCard), '02500');
    return walletId;
  }

  const cards = async (walletId: string) => (await expectCode(gw, 'getCards', getWalletRequest(walletId), '02500')).cardsList.cards as any[];

  describe('createWallet', () => {
    it('creates the wallet with its card as cardInd 1, the default, masked in every answer', async () => {
      const walletId = nextWalletId();
      const created = await expectCode(gw, 'createWallet', createWalletRequest(walletId), '02500');
      assert.equal(created.result.shortMessage, 'ACCEPTED');
      assert.deepEqual(created.card, { number: masked(CB_CARD.number), type: 'CB', expirationDate: '1230' });
      const got = await expectCode(gw, 'getWallet', getWalletRequest(walletId), '02500');
      assert.deepEqual(got.wallet, {
        walletId,
        lastName: 'Martin',
        firstName: 'Léa',
        email: 'lea@example.test',
        card: { number: masked(CB_CARD.number), type: 'CB', expirationDate: '1230' },
        default: 'Y',
      });
      assert.equal(got.isDisabled, '0');
      const [only, ...none] = await cards(walletId);
      assert.equal(none.length, 0);
      assert.equal(only.cardInd, '1');
      assert.equal(only.default, 'Y');
    });

    it('keeps the PAN sealed and never the CVV', async () => {
      const walletId = await newWallet();
      const record = await gw.gateway.store.getRecord('wallet', 'demo-merchant', walletId);
      const text = JSON.stringify(record);
      assert.ok(!text.includes(CB_CARD.number), 'no clear PAN at rest');
      assert.ok(!text.includes('"cvx"') && !text.includes(`"${CB_CARD.cvx}"`), 'no CVV at rest');
      assert.match(text, /"panCipher":"v1\./);
      assert.ok(gw.logs.every((line) => !line.includes(CB_CARD.number)), 'no PAN in the logs');
    });

    it('creates a wallet from the card of an earlier transaction (transactionID)', async () => {
      const paid = await gw.call('doAuthorization', authorizationRequest(1000, { card: card(VISA) }));
      const walletId = nextWalletId();
      const created = await expectCode(gw, 'createWallet', { ...createWalletRequest(walletId, { type: 'CB' }), transactionID: paid.transaction.id }, '02500');
      assert.equal(created.card.number, masked(VISA));
    });

    it('refuses a walletId that exists (02502) and leaves the wallet as it was', async () => {
      const walletId = await newWallet();
      const again = await gw.call('createWallet', createWalletRequest(walletId, card(VISA)));
      assertCode(again, '02502', 'ERROR');
      assert.equal(again.card, undefined);
      assert.equal((await cards(walletId))[0].card.number, masked(CB_CARD.number));
    });

    const bad: Array<[string, (walletId: string) => object, string, string]> = [
      ['a PAN failing Luhn', (w) => createWalletRequest(w, card('4970101122334456')), '02614', 'wallet.card.number'],
      ['an expired card', (w) => createWalletRequest(w, card(VISA, 'CB', { expirationDate: '0126' })), '02305', 'wallet.card.expirationDate'],
      ['month 13', (w) => createWalletRequest(w, card(VISA, 'CB', { expirationDate: '1330' })), '02305', 'wallet.card.expirationDate'],
      ['a card type that is not its brand', (w) => createWalletRequest(w, card(VISA, 'MASTERCARD')), '02305', 'wallet.card.type'],
      ['a card type the contract does not take', (w) => createWalletRequest(w, card('378282246310005', 'AMEX')), '02305', 'wallet.card.type'],
      ['a CVV of the wrong length', (w) => createWalletRequest(w, card(VISA, 'CB', { cvx: '12' })), '02305', 'wallet.card.cvx'],
      ['no walletId', (w) => withField(createWalletRequest(w), 'wallet.walletId', undefined), '02305', 'wallet.walletId'],
      ['no card number and no transactionID', (w) => createWalletRequest(w, { type: 'CB' }), '02305', 'wallet.card.number'],
      ['an unknown contract', (w) => withField(createWalletRequest(w), 'contractNumber', 'NOPE'), '02303', 'contractNumber'],
    ];
    for (const [name, build, code, field] of bad) {
      it(`refuses ${name} (${code} naming ${field}) and creates nothing`, async () => {
        const walletId = nextWalletId();
        assertFieldError(await gw.call('createWallet', build(walletId)), code, field);
        await expectCode(gw, 'getWallet', getWalletRequest(walletId), '02503');
      });
    }
  });

  describe('updateWallet', () => {
    it('adds a card with the next index without cardInd; the default moves with default Y', async () => {
      const walletId = await newWallet();
      const added = await expectCode(gw, 'updateWallet', updateWalletRequest(walletId, card(VISA)), '02500');
      assert.equal(added.card.number, masked(VISA));
      await expectCode(gw, 'updateWallet', updateWalletRequest(walletId, card(MASTERCARD), undefined, { default: 'Y' }), '02500');
      const list = await cards(walletId);
      assert.deepEqual(list.map((c) => [c.cardInd, c.card.number, c.default]), [
        ['1', masked(CB_CARD.number), 'N'],
        ['2', masked(VISA), 'N'],
        ['3', masked(MASTERCARD), 'Y'],
      ]);
      assert.equal((await gw.call('getWallet', getWalletRequest(walletId))).wallet.card.number, masked(MASTERCARD), 'getWallet answers the default card');
      assert.equal((await gw.call('getWallet', getWalletRequest(walletId, 2))).wallet.card.number, masked(VISA));
    });

    it('refuses a card already in the wallet (02521)', async () => {
      const walletId = await newWallet();
      assertCode(await gw.call('updateWallet', updateWalletRequest(walletId, CB_CARD)), '02521');
      await expectCode(gw, 'updateWallet', updateWalletRequest(walletId, card(VISA)), '02500');
      assertCode(await gw.call('updateWallet', updateWalletRequest(walletId, card(VISA), 1)), '02521', 'ERROR');
      assert.equal((await cards(walletId)).length, 2);
    });

    it('updates card cardInd: a new expiry, the owner, or a new card number', async () => {
      const walletId = await newWallet();
      await expectCode(gw, 'updateWallet', updateWalletRequest(walletId, { type: 'CB', expirationDate: '0631' }, 1, { lastName: 'Durand' }), '02500');
      let [first] = await cards(walletId);
      assert.equal(first.card.expirationDate, '0631');
      assert.equal(first.card.number, masked(CB_CARD.number));
      assert.equal(first.lastName, 'Durand');
      assert.equal(first.firstName, 'Léa', 'owner fields not given are kept');
      await expectCode(gw, 'updateWallet', updateWalletRequest(walletId, card(VISA), 1), '02500');
      [first] = await cards(walletId);
      assert.equal(first.card.number, masked(VISA));
    });

    it('refuses a bad expiry on update (02305 naming the field) and keeps the card', async () => {
      const walletId = await newWallet();
      assertFieldError(await gw.call('updateWallet', updateWalletRequest(walletId, { type: 'CB', expirationDate: '0120' }, 1)), '02305', 'wallet.card.expirationDate');
      assertFieldError(await gw.call('updateWallet', updateWalletRequest(walletId, { type: 'CB', expirationDate: '0031' }, 1)), '02305', 'wallet.card.expirationDate');
      assertFieldError(await gw.call('updateWallet', updateWalletRequest(walletId, { type: 'CB', expirationDate: '12-30' }, 1)), '02305', 'wallet.card.expirationDate');
      assert.equal((await cards(walletId))[0].card.expirationDate, '1230');
    });

    it('answers 02503 for an unknown wallet, 02518 for a bad index, 02305 for a card to add without number', async () => {
      assertCode(await gw.call('updateWallet', updateWalletRequest(nextWalletId(), card(VISA))), '02503');
      const walletId = await newWallet();
      assertCode(await gw.call('updateWallet', updateWalletRequest(walletId, card(VISA), 5)), '02518');
      assertFieldError(await gw.call('updateWallet', updateWalletRequest(walletId, { type: 'CB' })), '02305', 'wallet.card.number');
      assertFieldError(await gw.call('updateWallet', updateWalletRequest(walletId, card(VISA), 0)), '02305', 'cardInd');
    });
  });

  describe('disableWallet, enableWallet', () => {
    it('disables one card (MAN), which then cannot pay (02505); enabling it again lets it pay', async () => {
      const walletId = await newWallet();
      await expectCode(gw, 'updateWallet', updateWalletRequest(walletId, card(VISA)), '02500');
      const disabled = await expectCode(gw, 'disableWallet', { contractNumber: 'CB', cardInd: 2, walletIdList: { walletId: [walletId] } }, '02500');
      assert.deepEqual(disabled.walletIdList, { walletId: [] });
      const second = (await cards(walletId))[1];
      assert.equal(second.isDisabled, '1');
      assert.equal(second.cardStatus, 'MAN');
      assert.match(second.disableDate, /^\d{2}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
      assertCode(await gw.call('doImmediateWalletPayment', immediateRequest(walletId, 1000, { cardInd: 2 })), '02505');
      await expectCode(gw, 'doImmediateWalletPayment', immediateRequest(walletId, 1000, { cardInd: 1 }), '00000');
      await expectCode(gw, 'enableWallet', { contractNumber: 'CB', walletId, cardInd: 2 }, '02500');
      assert.equal((await cards(walletId))[1].cardStatus, undefined);
      await expectCode(gw, 'doImmediateWalletPayment', immediateRequest(walletId, 1000, { cardInd: 2 }), '00000');
    });

    it('hands the default to the next card when the default card is disabled', async () => {
      const walletId = await newWallet();
      await expectCode(gw, 'updateWallet', updateWalletRequest(walletId, card(VISA)), '02500');
      await expectCode(gw, 'disableWallet', { contractNumber: 'CB', cardInd: 1, walletIdList: [walletId] }, '02500');
      assert.deepEqual((await cards(walletId)).map((c) => c.default), ['N', 'Y']);
      const paid = await expectCode(gw, 'doImmediateWalletPayment', immediateRequest(walletId, 1000), '00000');
      assert.equal((await details(gw, paid.transaction.id)).card.number, masked(VISA));
    });

    it('disables whole wallets: 02500 all, 02517 some, 02516 none, walletIdList naming those left', async () => {
      const a = await newWallet();
      const b = await newWallet();
      const unknown = nextWalletId();
      const some = await expectCode(gw, 'disableWallet', { contractNumber: 'CB', walletIdList: { walletId: [a, unknown] } }, '02517');
      assert.deepEqual(some.walletIdList, { walletId: [unknown] });
      assertCode(await gw.call('disableWallet', { contractNumber: 'CB', walletIdList: [a] }), '02516');
      await expectCode(gw, 'disableWallet', { contractNumber: 'CB', walletIdList: [b] }, '02500');
      const got = await expectCode(gw, 'getWallet', getWalletRequest(a), '02500');
      assert.equal(got.isDisabled, '1');
      assert.match(got.disableDate, /^\d{2}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
      assertCode(await gw.call('doImmediateWalletPayment', immediateRequest(a, 1000)), '02505', 'ERROR');
      assertCode(await gw.call('updateWallet', updateWalletRequest(a, card(VISA))), '02505');
      await expectCode(gw, 'enableWallet', { contractNumber: 'CB', walletId: a }, '02500');
      assert.equal((await gw.call('getWallet', getWalletRequest(a))).isDisabled, '0');
      await expectCode(gw, 'doImmediateWalletPayment', immediateRequest(a, 1000), '00000');
    });

    it('answers enableWallet 02519 when nothing is disabled, 02503 unknown, 02518 bad index; disableWallet 02513 for an empty list', async () => {
      const walletId = await newWallet();
      assertCode(await gw.call('enableWallet', { contractNumber: 'CB', walletId }), '02519');
      assertCode(await gw.call('enableWallet', { contractNumber: 'CB', walletId, cardInd: 1 }), '02519');
      assertCode(await gw.call('enableWallet', { contractNumber: 'CB', walletId: nextWalletId() }), '02503');
      assertCode(await gw.call('enableWallet', { contractNumber: 'CB', walletId, cardInd: 7 }), '02518');
      assertCode(await gw.call('disableWallet', { contractNumber: 'CB', walletIdList: [] }), '02513');
      assertCode(await gw.call('disableWallet', { contractNumber: 'CB', cardInd: 3, walletIdList: [walletId] }), '02516');
      assertCode(await gw.call('disableWallet', { contractNumber: 'NOPE', walletIdList: [walletId] }), '02303');
    });
  });

  describe('getWallet, getCards', () => {
    it('answers 02503 for an unknown wallet and 02518 for a bad index', async () => {
      assertCode(await gw.call('getWallet', getWalletRequest(nextWalletId())), '02503', 'ERROR');
      assertCode(await gw.call('getCards', getWalletRequest(nextWalletId())), '02503');
      const walletId = await newWallet();
      assertCode(await gw.call('getWallet', getWalletRequest(walletId, 4)), '02518', 'ERROR');
      assertCode(await gw.call('getCards', getWalletRequest(walletId, 4)), '02518');
      assert.equal((await expectCode(gw, 'getCards', getWalletRequest(walletId, 1), '02500')).cardsList.cards.length, 1);
    });

    it('shows cardStatus EXP once the card has expired (test clock)', async () => {
      const walletId = await newWallet(card(VISA, 'CB', { expirationDate: '0426' }));
      assert.equal((await gw.call('getWallet', getWalletRequest(walletId))).wallet.cardStatus, undefined);
      await gw.advance(70 * DAY);
      assert.equal((await gw.call('getWallet', getWalletRequest(walletId))).wallet.cardStatus, 'EXP');
      assertCode(await gw.call('doImmediateWalletPayment', immediateRequest(walletId, 1000)), '01101', 'REFUSED');
    });
  });

  describe('doImmediateWalletPayment', () => {
    it('pays with the default card or cardInd, through the acquirer; the transaction shows the masked card', async () => {
      const walletId = await newWallet();
      await expectCode(gw, 'updateWallet', updateWalletRequest(walletId, card(VISA)), '02500');
      const paid = await expectCode(gw, 'doImmediateWalletPayment', immediateRequest(walletId, 1500), '00000');
      assert.match(paid.authorization.number, /^[0-9A-Z]{6}$/);
      const got = await details(gw, paid.transaction.id);
      assert.equal(got.card.number, masked(CB_CARD.number));
      assert.equal(got.payment.amount, 1500);
      const second = await expectCode(gw, 'doImmediateWalletPayment', immediateRequest(walletId, 1500, { cardInd: 2, cvx: '321' }), '00000');
      assert.equal((await details(gw, second.transaction.id)).card.number, masked(VISA));
    });

    it('answers the simulator: a refusing card in the wallet, a 333.xx amount', async () => {
      const walletId = await newWallet(card('5132100000011161', 'CB'));
      assertCode(await gw.call('doImmediateWalletPayment', immediateRequest(walletId, 1000)), '01116', 'REFUSED');
      const other = await newWallet();
      assertCode(await gw.call('doImmediateWalletPayment', immediateRequest(other, 33305)), '01100');
    });

    const bad: Array<[string, (w: string) => object, string, string]> = [
      ['an unknown wallet', () => immediateRequest(nextWalletId(), 1000), '02503', 'wallet'],
      ['a bad card index', (w) => immediateRequest(w, 1000, { cardInd: 9 }), '02518', 'cardInd'],
      ['a CVV of 2 digits', (w) => immediateRequest(w, 1000, { cvx: '12' }), '02305', 'cvx'],
      ['action 201', (w) => withField(immediateRequest(w, 1000), 'payment.action', 201), '02321', 'payment.action'],
      ['mode NX', (w) => withField(immediateRequest(w, 1000), 'payment.mode', 'NX'), '02308', 'payment.mode'],
      ['no walletId', (w) => withField(immediateRequest(w, 1000), 'walletId', undefined), '02305', 'walletId'],
      ['an unknown contract', (w) => withField(immediateRequest(w, 1000), 'payment.contractNumber', 'NOPE'), '02303', 'payment.contractNumber'],
    ];
    for (const [name, build, code, field] of bad) {
      it(`refuses ${name} (${code}) and makes no payment`, async () => {
        const walletId = await newWallet();
        const before = (await gw.gateway.store.searchPayments({ merchantId: 'demo-merchant', limit: 10_000 })).length;
        const answer = await gw.call('doImmediateWalletPayment', build(walletId));
        assertCode(answer, code);
        assert.ok(String(answer.result.longMessage).includes(field), `${answer.result.longMessage} names ${field}`);
        assert.equal(answer.transaction, undefined);
        assert.equal((await gw.gateway.store.searchPayments({ merchantId: 'demo-merchant', limit: 10_000 })).length, before);
      });
    }
  });
});
