import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, captureRequest, card, creditRequest, debitRequest, refundRequest, resetRequest, withField } from '../support/requests.js';
import { details, expectCode, HOUR } from '../support/api-helpers.js';

/** doRefund (421) over HTTP: only captured money, several times, never beyond. */
describe('doRefund', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  const authorize = async (amount: number, action = 101) =>
    (await expectCode(gw, 'doAuthorization', authorizationRequest(amount, { action }), '00000')).transaction.id as string;

  const refundsOf = async (id: string) =>
    (await details(gw, id)).associatedTransactionsList.associatedTransactions.filter((t: any) => t.type === 'REFUND').map((t: any) => t.amount);

  it('refunds a captured payment as a new transaction', async () => {
    const id = await authorize(1000);
    const refund = await expectCode(gw, 'doRefund', refundRequest(id, 1000), '00000');
    assert.match(refund.transaction.id, /^1\d{17}$/);
    assert.notEqual(refund.transaction.id, id);
    const viaRefund = await details(gw, refund.transaction.id);
    assert.equal(viaRefund.transaction.id, refund.transaction.id);
    assert.deepEqual([viaRefund.payment.action, viaRefund.payment.amount], [421, 1000]);
  });

  it('refuses to refund an authorization not yet captured: 02618', async () => {
    const id = await authorize(1000, 100);
    await expectCode(gw, 'doRefund', refundRequest(id, 1000), '02618');
    assert.deepEqual(await refundsOf(id), []);
  });

  it('refunds in several parts, then refuses beyond what was captured with 02613', async () => {
    const id = await authorize(1000, 100);
    await expectCode(gw, 'doCapture', captureRequest(id, 800), '00000');
    await expectCode(gw, 'doRefund', refundRequest(id, 300), '00000');
    await expectCode(gw, 'doRefund', refundRequest(id, 300), '00000');
    await expectCode(gw, 'doRefund', refundRequest(id, 201), '02613');
    await expectCode(gw, 'doRefund', refundRequest(id, 200), '00000');
    await expectCode(gw, 'doRefund', refundRequest(id, 1), '02613');
    assert.deepEqual(await refundsOf(id), [300, 300, 200]);
  });

  it('takes a capture’s transaction id', async () => {
    const id = await authorize(1000, 100);
    const capture = await expectCode(gw, 'doCapture', captureRequest(id, 1000), '00000');
    await expectCode(gw, 'doRefund', refundRequest(capture.transaction.id, 250), '00000');
    assert.deepEqual(await refundsOf(id), [250]);
  });

  it('refuses to refund a reset payment, captured or not: 02302', async () => {
    const authorized = await authorize(1000, 100);
    await expectCode(gw, 'doReset', resetRequest(authorized), '00000');
    await expectCode(gw, 'doRefund', refundRequest(authorized, 1000), '02302');
    const paid = await authorize(1000, 101);
    await expectCode(gw, 'doReset', resetRequest(paid), '00000');
    await expectCode(gw, 'doRefund', refundRequest(paid, 1000), '02302');
  });

  it('refuses another currency (02620), an unknown transaction (02604), a refused one (02302)', async () => {
    const id = await authorize(1000);
    await expectCode(gw, 'doRefund', withField(refundRequest(id, 1000), 'payment.currency', 826), '02620');
    await expectCode(gw, 'doRefund', refundRequest('100000000000000000', 1000), '02604');
    const refused = await expectCode(gw, 'doAuthorization', authorizationRequest(1000, { card: card('4000000000011009', 'VISA') }), '01100');
    await expectCode(gw, 'doRefund', refundRequest(refused.transaction.id, 1000), '02302');
    assert.deepEqual(await refundsOf(id), []);
  });

  it('refunds a debit, not a credit (02302)', async () => {
    const debit = await expectCode(gw, 'doDebit', debitRequest(900), '00000');
    await expectCode(gw, 'doRefund', refundRequest(debit.transaction.id, 900), '00000');
    const credit = await expectCode(gw, 'doCredit', creditRequest(900), '00000');
    await expectCode(gw, 'doRefund', refundRequest(credit.transaction.id, 900), '02302');
  });

  it('refuses any action but 421 (02321) and a zero amount (02305)', async () => {
    const id = await authorize(1000);
    await expectCode(gw, 'doRefund', withField(refundRequest(id, 100), 'payment.action', 201), '02321');
    await expectCode(gw, 'doRefund', withField(refundRequest(id, 100), 'payment.action', 422), '02321');
    const zero = await expectCode(gw, 'doRefund', refundRequest(id, 0), '02305');
    assert.match(zero.result.longMessage, /^payment\.amount /);
    assert.deepEqual(await refundsOf(id), []);
  });

  describe('after the remittance', () => {
    let local: TestGateway;
    before(async () => (local = await startTestGateway()));
    after(() => local.close());

    it('refunds remitted captures (where a reset answers 02105)', async () => {
      const id = (await expectCode(local, 'doAuthorization', authorizationRequest(1000), '00000')).transaction.id;
      await local.advance(15 * HOUR);
      await expectCode(local, 'doReset', resetRequest(id), '02105');
      await expectCode(local, 'doRefund', refundRequest(id, 400), '00000');
      await expectCode(local, 'doRefund', refundRequest(id, 600), '00000');
      await expectCode(local, 'doRefund', refundRequest(id, 1), '02613');
    });
  });
});
