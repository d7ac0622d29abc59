import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { captureRequest, card, CB_CARD, creditRequest, nextOrderRef, withField } from '../support/requests.js';
import { details, expectCode, simulatorPan } from '../support/api-helpers.js';

/** doCredit (422) over HTTP: money sent to a card; the card is checked, the amount is not. */
describe('doCredit', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  it('credits a card and records a CREDIT transaction', async () => {
    const credit = await expectCode(gw, 'doCredit', creditRequest(2000, { card: card('5555555555554444', 'MASTERCARD') }), '00000');
    assert.deepEqual(credit.card, { number: '555555XXXXXX4444', type: 'MASTERCARD', expirationDate: '1230' });
    const stored = await details(gw, credit.transaction.id);
    assert.equal(stored.payment.action, 422);
    assert.equal(stored.statusHistoryList.statusHistory[0].status, 'CREDITED');
    assert.deepEqual(
      stored.associatedTransactionsList.associatedTransactions.map((t: any) => [t.type, t.amount, t.status]),
      [['CREDIT', 2000, 'ACCEPTED']],
    );
  });

  it('ignores the amount simulator (333.05 EUR is credited) but not the card simulators', async () => {
    await expectCode(gw, 'doCredit', creditRequest(33305), '00000');
    await expectCode(gw, 'doCredit', creditRequest(1000, { card: card(simulatorPan('01100')) }), '01100');
    await expectCode(gw, 'doCredit', creditRequest(1000, { card: card('4970110000012091') }), '01209');
    await expectCode(gw, 'doCredit', creditRequest(1000, { card: { ...CB_CARD, expirationDate: '0126' } }), '01101');
  });

  it('needs no order, and is never a duplicate', async () => {
    await expectCode(gw, 'doCredit', withField(creditRequest(700), 'order', undefined), '00000');
    const ref = nextOrderRef('credit');
    await expectCode(gw, 'doCredit', creditRequest(700, { orderRef: ref }), '00000');
    const again = await expectCode(gw, 'doCredit', creditRequest(700, { orderRef: ref }), '00000');
    assert.equal(again.transaction.isDuplicated, '0');
  });

  it('cannot be captured (02302) and only takes action 422 (02321)', async () => {
    const credit = await expectCode(gw, 'doCredit', creditRequest(700), '00000');
    await expectCode(gw, 'doCapture', captureRequest(credit.transaction.id, 700), '02302');
    await expectCode(gw, 'doCredit', withField(creditRequest(700), 'payment.action', 421), '02321');
  });
});
