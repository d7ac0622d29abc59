import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { assertCode, assertFieldError, DAY, details, expectCode } from '../support/api-helpers.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { CB_CARD, card, masked, VERSION, webPaymentRequest } from '../support/requests.js';
import { createWalletRequest, getWalletRequest, nextWalletId, recordRequest } from '../support/wallet-requests.js';

/*
 * doWebPayment in NX and REC mode (payline-api.md §9.3, seed 003): the shopper pays the first
 * due date in the widget; the card goes into the wallet buyer.walletId (created when new) and
 * the due dates to come are paid from it on their days. TEST_EPOCH is 02/03/2026.
 */

describe('doWebPayment in NX and REC mode', () => {
  let gw: TestGateway;
  beforeEach(async () => (gw = await startTestGateway()));
  afterEach(() => gw.close());

  function recurringWebPayment(mode: 'NX' | 'REC', amount: number, recurring: object, walletId?: string) {
    const base = webPaymentRequest(amount);
    return { ...base, payment: { ...base.payment, mode }, recurring, ...(walletId ? { buyer: { walletId, lastName: 'Martin', email: 'lea@example.test' } } : {}) };
  }

  async function pay(token: string, payCard: object = CB_CARD): Promise<any> {
    const response = await gw.fetch(`/widget/sessions/${token}/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ card: payCard }) });
    return response.json();
  }

  it('NX: the widget takes the first due date, the wallet is created with the card, the others are paid from it', async () => {
    const walletId = nextWalletId('web');
    const opened = await expectCode(gw, 'doWebPayment', recurringWebPayment('NX', 3000, { firstAmount: 1200, amount: 900, billingCycle: 40, billingLeft: 3 }, walletId), '00000');
    const view = (await (await gw.fetch(`/widget/sessions/${opened.token}`)).json()) as any;
    assert.equal(view.amount, 1200, 'the widget shows what it charges now');
    assertCode(await pay(opened.token), '00000');

    const got = await expectCode(gw, 'getWebPaymentDetails', { version: VERSION, token: opened.token }, '00000');
    assert.deepEqual([got.payment.amount, got.payment.mode], [1200, 'NX']);
    assert.match(got.paymentRecordId, /^\d{12}$/);
    assert.deepEqual(got.billingRecordList.billingRecord.map((b: any) => [b.rank, b.date, b.amount, b.status]), [
      [1, '02/03/2026', 1200, 1],
      [2, '02/04/2026', 900, 0],
      [3, '02/05/2026', 900, 0],
    ]);
    assert.equal(got.billingRecordList.billingRecord[0].transaction.id, got.transaction.id);

    const wallet = await expectCode(gw, 'getWallet', getWalletRequest(walletId), '02500');
    assert.deepEqual([wallet.wallet.card.number, wallet.wallet.lastName, wallet.wallet.email], [masked(CB_CARD.number), 'Martin', 'lea@example.test']);

    await gw.advance(65 * DAY);
    const record = await expectCode(gw, 'getPaymentRecord', recordRequest(got.paymentRecordId), '02500');
    const due = record.billingRecordList.billingRecord;
    assert.deepEqual(due.map((b: any) => b.status), [1, 1, 1]);
    const second = await details(gw, due[1].transaction.id);
    assert.deepEqual([second.payment.amount, second.payment.mode, second.card.number], [900, 'NX', masked(CB_CARD.number)]);
  });

  it('REC into an existing wallet: a new card is added with the next index; a card already there is reused', async () => {
    const walletId = nextWalletId('web');
    await expectCode(gw, 'createWallet', createWalletRequest(walletId, CB_CARD), '02500');
    const visa = card('4111111111111111');
    const first = await expectCode(gw, 'doWebPayment', recurringWebPayment('REC', 500, { amount: 500, billingCycle: 40 }, walletId), '00000');
    assertCode(await pay(first.token, visa), '00000');
    const cards = (await expectCode(gw, 'getCards', getWalletRequest(walletId), '02500')).cardsList.cards;
    assert.deepEqual(cards.map((c: any) => [c.cardInd, c.card.number]), [['1', masked(CB_CARD.number)], ['2', masked('4111111111111111')]]);

    const again = await expectCode(gw, 'doWebPayment', recurringWebPayment('REC', 500, { amount: 500, billingCycle: 40 }, walletId), '00000');
    assertCode(await pay(again.token, visa), '00000');
    assert.equal((await expectCode(gw, 'getCards', getWalletRequest(walletId), '02500')).cardsList.cards.length, 2, 'the same card is not added twice');
    const record = (await gw.call('getWebPaymentDetails', { version: VERSION, token: again.token })).paymentRecordId;
    await gw.advance(32 * DAY);
    const paid = (await expectCode(gw, 'getPaymentRecord', recordRequest(record), '02500')).billingRecordList.billingRecord[1];
    assert.equal((await details(gw, paid.transaction.id)).card.number, masked('4111111111111111'));
  });

  it('a refused first payment opens no record and saves no card; the shopper may try again', async () => {
    const walletId = nextWalletId('web');
    const opened = await expectCode(gw, 'doWebPayment', recurringWebPayment('REC', 500, { amount: 500, billingCycle: 40 }, walletId), '00000');
    assertCode(await pay(opened.token, card('5132100000011161')), '01116');
    assertCode(await gw.call('getWallet', getWalletRequest(walletId)), '02503');
    assert.equal((await gw.gateway.store.listRecords({ kind: 'payment-record', scope: 'demo-merchant' })).length, 0);
    assertCode(await pay(opened.token), '00000');
    assert.match((await gw.call('getWebPaymentDetails', { version: VERSION, token: opened.token })).paymentRecordId, /^\d{12}$/);
  });

  it('refuses bad recurring options at doWebPayment, and opens no session', async () => {
    const walletId = nextWalletId('web');
    assertFieldError(await gw.call('doWebPayment', recurringWebPayment('NX', 3000, { amount: 900, billingCycle: 40, billingLeft: 3 }, walletId)), '02509', 'payment.amount');
    assertFieldError(await gw.call('doWebPayment', recurringWebPayment('REC', 500, { amount: 500, billingCycle: 40, startDate: '10/03/2026' }, walletId)), '02509', 'recurring.startDate');
    assertFieldError(await gw.call('doWebPayment', recurringWebPayment('REC', 500, { amount: 500, billingCycle: 40, billingDay: 0 }, walletId)), '02305', 'recurring.billingDay');
    assertCode(await gw.call('doWebPayment', recurringWebPayment('REC', 500, { amount: 500, billingCycle: 40 })), '02308');
    await expectCode(gw, 'createWallet', createWalletRequest(walletId, CB_CARD), '02500');
    await expectCode(gw, 'disableWallet', { contractNumber: 'CB', walletIdList: [walletId] }, '02500');
    const refused = await gw.call('doWebPayment', recurringWebPayment('REC', 500, { amount: 500, billingCycle: 40 }, walletId));
    assertCode(refused, '02505');
    assert.equal(refused.token, undefined);
  });
});
