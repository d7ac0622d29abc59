import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, captureRequest, card, nextOrderRef, refundRequest, resetRequest, searchRequest, VERSION, withField } from '../support/requests.js';
import { assertCode, callAs, details, expectCode, OTHER_AUTH, twoMerchants } from '../support/api-helpers.js';

/** getTransactionDetails over HTTP: any transaction of a payment, by id or order ref, and no one else's. */
describe('getTransactionDetails', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway({}, { merchants: await twoMerchants() })));
  after(() => gw.close());

  it('answers every object of an authorization, the order date echoed with seconds', async () => {
    const buyer = { lastName: 'Martin', firstName: 'Alice', email: 'alice@example.org' };
    const privateData = [{ key: 'cart', value: 'c-42' }];
    const request = withField(withField(authorizationRequest(1000, { action: 100 }), 'buyer', buyer), 'privateDataList', privateData);
    const auth = await expectCode(gw, 'doAuthorization', request, '00000');
    const answer = await details(gw, auth.transaction.id);
    assert.deepEqual(answer.result, { code: '00000', shortMessage: 'ACCEPTED', longMessage: 'Transaction approved' });
    assert.deepEqual(answer.transaction, auth.transaction);
    assert.deepEqual(answer.payment, { amount: 1000, currency: 978, action: 100, mode: 'CPT', contractNumber: 'CB' });
    assert.deepEqual(answer.authorization, auth.authorization);
    assert.deepEqual(answer.order, { ...request.order, date: '02/03/2026 11:00:00' });
    assert.deepEqual(answer.buyer, buyer);
    assert.deepEqual(answer.privateDataList, { privateData });
    assert.deepEqual(answer.card, { number: '497010XXXXXX4455', type: 'CB', expirationDate: '1230' });
    assert.equal(answer.contractNumber, 'CB');
    assert.deepEqual(answer.associatedTransactionsList.associatedTransactions, [
      {
        transactionId: auth.transaction.id,
        type: 'AUTHORIZATION',
        date: '02/03/2026 11:00:00',
        amount: 1000,
        status: 'ACCEPTED',
        originTransactionId: auth.transaction.id,
        currency: 978,
      },
    ]);
    const [status] = answer.statusHistoryList.statusHistory;
    assert.deepEqual([status.transactionId, status.amount, status.status], [auth.transaction.id, 1000, 'AUTHORIZED']);
  });

  it('answers about the transaction asked for: a capture, a refund, with their own amount and action', async () => {
    const id = (await expectCode(gw, 'doAuthorization', authorizationRequest(1000, { action: 100 }), '00000')).transaction.id;
    const capture = await expectCode(gw, 'doCapture', captureRequest(id, 800), '00000');
    const refund = await expectCode(gw, 'doRefund', refundRequest(id, 300), '00000');
    const rows = [
      [id, 1000, 100],
      [capture.transaction.id, 800, 201],
      [refund.transaction.id, 300, 421],
    ] as const;
    for (const [transactionId, amount, action] of rows) {
      const answer = await details(gw, transactionId);
      assertCode(answer, '00000');
      assert.equal(answer.transaction.id, transactionId);
      assert.deepEqual([answer.payment.amount, answer.payment.action], [amount, action]);
      assert.deepEqual(
        answer.associatedTransactionsList.associatedTransactions.map((t: any) => [t.transactionId, t.type, t.amount, t.originTransactionId]),
        [
          [id, 'AUTHORIZATION', 1000, id],
          [capture.transaction.id, 'CAPTURE', 800, id],
          [refund.transaction.id, 'REFUND', 300, id],
        ],
      );
    }
  });

  it('shows a reset payment as RESET', async () => {
    const id = (await expectCode(gw, 'doAuthorization', authorizationRequest(1000, { action: 100 }), '00000')).transaction.id;
    const reset = await expectCode(gw, 'doReset', resetRequest(id), '00000');
    const answer = await details(gw, reset.transaction.id);
    assert.equal(answer.transaction.id, reset.transaction.id);
    assert.equal(answer.statusHistoryList.statusHistory[0].status, 'RESET');
  });

  it('answers a refused transaction with its refusal code and no authorization', async () => {
    const refused = await expectCode(gw, 'doAuthorization', authorizationRequest(1000, { card: card('4970110000012091') }), '01209');
    const answer = await details(gw, refused.transaction.id);
    assertCode(answer, '01209', 'REFUSED');
    assert.equal(answer.authorization, undefined);
    assert.equal(answer.card.number, '497011XXXXXX2091');
    assert.deepEqual(answer.associatedTransactionsList.associatedTransactions.map((t: any) => t.status), ['REFUSED']);
  });

  it('finds the newest transaction of an order ref', async () => {
    const ref = nextOrderRef('gtd');
    await expectCode(gw, 'doAuthorization', authorizationRequest(1000, { orderRef: ref, card: card('4000000000011009', 'VISA') }), '01100');
    const accepted = await expectCode(gw, 'doAuthorization', authorizationRequest(1000, { orderRef: ref }), '00000');
    const answer = await gw.call('getTransactionDetails', { version: VERSION, orderRef: ref });
    assertCode(answer, '00000');
    assert.equal(answer.transaction.id, accepted.transaction.id);
    assertCode(await gw.call('getTransactionDetails', { version: VERSION, orderRef: nextOrderRef('none') }), '02604');
  });

  it('hides a merchant’s transactions from another merchant', async () => {
    const ref = nextOrderRef('private');
    const id = (await expectCode(gw, 'doAuthorization', authorizationRequest(1000, { action: 100, orderRef: ref }), '00000')).transaction.id;
    const asOther = (operation: string, body: unknown) => callAs(gw, OTHER_AUTH, operation, body).then((r) => r.body);
    assertCode(await asOther('getTransactionDetails', { version: VERSION, transactionId: id }), '02604');
    assertCode(await asOther('getTransactionDetails', { version: VERSION, orderRef: ref }), '02604');
    assertCode(await asOther('transactionsSearch', searchRequest({ orderRef: ref })), '02310');
    assertCode(await asOther('doCapture', captureRequest(id, 1000)), '02604');
    assertCode(await asOther('doReset', resetRequest(id)), '02604');
    // Its own order refs are its own: the same ref is no duplicate across merchants.
    assertCode(await asOther('doAuthorization', authorizationRequest(1000, { action: 100, orderRef: ref })), '00000');
    assert.equal((await details(gw, id)).associatedTransactionsList.associatedTransactions.length, 1);
  });
});
