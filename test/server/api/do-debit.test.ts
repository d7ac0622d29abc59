import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { captureRequest, card, debitRequest, nextOrderRef, refundRequest, withField } from '../support/requests.js';
import { assertFieldError, details, expectCode, simulatorPan } from '../support/api-helpers.js';

/** doDebit (204) over HTTP: a payment with an authorization obtained elsewhere, captured at once. */
describe('doDebit', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  it('debits the card, keeps the outside authorization number, and counts as captured', async () => {
    const debit = await expectCode(gw, 'doDebit', debitRequest(1500, { authorizationNumber: 'TEL042' }), '00000');
    assert.match(debit.transaction.id, /^1\d{17}$/);
    assert.deepEqual(debit.card, { number: '497010XXXXXX4455', type: 'CB', expirationDate: '1230' });
    const stored = await details(gw, debit.transaction.id);
    assert.equal(stored.authorization.number, 'TEL042');
    assert.equal(stored.payment.action, 204);
    assert.deepEqual(
      stored.associatedTransactionsList.associatedTransactions.map((t: any) => [t.type, t.amount]),
      [['DEBIT', 1500]],
    );
    await expectCode(gw, 'doCapture', captureRequest(debit.transaction.id, 1500), '02617');
    await expectCode(gw, 'doRefund', refundRequest(debit.transaction.id, 1500), '00000');
  });

  it('is refused like an authorization: test cards, card-number and amount simulators', async () => {
    await expectCode(gw, 'doDebit', debitRequest(1500, { card: card('4970110000012083') }), '01208');
    await expectCode(gw, 'doDebit', debitRequest(1500, { card: card(simulatorPan('01116')) }), '01116');
    await expectCode(gw, 'doDebit', debitRequest(33351), '01116');
  });

  it('answers 01913 for the same order ref and amount', async () => {
    const ref = nextOrderRef('debit');
    const first = await expectCode(gw, 'doDebit', debitRequest(1500, { orderRef: ref }), '00000');
    const again = await expectCode(gw, 'doDebit', debitRequest(1500, { orderRef: ref }), '01913');
    assert.equal(again.transaction.id, first.transaction.id);
    assert.equal(again.transaction.isDuplicated, '1');
  });

  it('requires the authorization object (number and date) and action 204', async () => {
    assertFieldError(await gw.call('doDebit', withField(debitRequest(1500), 'authorization', undefined)), '02305', 'authorization');
    assertFieldError(await gw.call('doDebit', withField(debitRequest(1500), 'authorization.number', undefined)), '02305', 'authorization.number');
    assertFieldError(await gw.call('doDebit', withField(debitRequest(1500), 'authorization.date', '2026-03-02')), '02305', 'authorization.date');
    await expectCode(gw, 'doDebit', withField(debitRequest(1500), 'payment.action', 101), '02321');
  });
});
