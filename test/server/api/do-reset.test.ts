import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, captureRequest, card, creditRequest, debitRequest, refundRequest, resetRequest } from '../support/requests.js';
import { DAY, details, expectCode, HOUR } from '../support/api-helpers.js';

/**
 * doReset over HTTP: cancels an authorization or captures not yet remitted. The simulator
 * remits the day's captures at the next 00:00 UTC; TEST_EPOCH is 10:00 UTC, so 14 hours later.
 */
describe('doReset', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  const authorize = async (t: TestGateway, amount: number, action = 100) =>
    (await expectCode(t, 'doAuthorization', authorizationRequest(amount, { action }), '00000')).transaction.id as string;

  const history = async (t: TestGateway, id: string) => {
    const answer = await details(t, id);
    return {
      status: answer.statusHistoryList.statusHistory[0].status,
      list: answer.associatedTransactionsList.associatedTransactions.map((x: any) => [x.type, x.amount]),
    };
  };

  it('marks the captures it voids CANCELLED in associatedTransactionsList', async () => {
    const id = await authorize(gw, 3000);
    await expectCode(gw, 'doCapture', captureRequest(id, 1000), '00000');
    await expectCode(gw, 'doReset', resetRequest(id), '00000');
    const answer = await details(gw, id);
    const list = answer.associatedTransactionsList.associatedTransactions.map((x: any) => [x.type, x.amount, x.status]);
    assert.deepEqual(list, [
      ['AUTHORIZATION', 3000, 'ACCEPTED'],
      ['CAPTURE', 1000, 'CANCELLED'],
      ['RESET', 3000, 'ACCEPTED'],
    ]);
  });

  it('resets an authorization before any capture, as a new transaction', async () => {
    const id = await authorize(gw, 1000);
    const reset = await expectCode(gw, 'doReset', resetRequest(id), '00000');
    assert.match(reset.transaction.id, /^1\d{17}$/);
    assert.notEqual(reset.transaction.id, id);
    assert.deepEqual(await history(gw, id), { status: 'RESET', list: [['AUTHORIZATION', 1000], ['RESET', 1000]] });
  });

  it('resets captures not yet remitted, partial or whole', async () => {
    const id = await authorize(gw, 1000);
    await expectCode(gw, 'doCapture', captureRequest(id, 400), '00000');
    await expectCode(gw, 'doReset', resetRequest(id), '00000');
    assert.deepEqual(await history(gw, id), { status: 'RESET', list: [['AUTHORIZATION', 1000], ['CAPTURE', 400], ['RESET', 1000]] });
    const paid = await authorize(gw, 700, 101);
    await expectCode(gw, 'doReset', resetRequest(paid), '00000');
  });

  it('resets a debit before its remittance, and refuses to reset a credit (02302)', async () => {
    const debit = await expectCode(gw, 'doDebit', debitRequest(900), '00000');
    await expectCode(gw, 'doReset', resetRequest(debit.transaction.id), '00000');
    const credit = await expectCode(gw, 'doCredit', creditRequest(900), '00000');
    await expectCode(gw, 'doReset', resetRequest(credit.transaction.id), '02302');
  });

  it('answers 02601 to a second reset', async () => {
    const id = await authorize(gw, 1000);
    await expectCode(gw, 'doReset', resetRequest(id), '00000');
    await expectCode(gw, 'doReset', resetRequest(id), '02601');
  });

  it('answers 02603 once part of the payment was refunded', async () => {
    const id = await authorize(gw, 1000, 101);
    await expectCode(gw, 'doRefund', refundRequest(id, 100), '00000');
    await expectCode(gw, 'doReset', resetRequest(id), '02603');
  });

  it('refuses to reset a refused transaction (02302) and an unknown one (02604)', async () => {
    const refused = await expectCode(gw, 'doAuthorization', authorizationRequest(1000, { card: card('4000000000011009', 'VISA') }), '01100');
    await expectCode(gw, 'doReset', resetRequest(refused.transaction.id), '02302');
    await expectCode(gw, 'doReset', resetRequest('100000000000000000'), '02604');
  });

  it('checks the optional amount (02612 unless the authorized amount) and currency (02620)', async () => {
    const id = await authorize(gw, 1000);
    await expectCode(gw, 'doReset', { ...resetRequest(id), amount: 999 }, '02612');
    await expectCode(gw, 'doReset', { ...resetRequest(id), currency: 840 }, '02620');
    await expectCode(gw, 'doReset', { ...resetRequest(id), amount: 1000, currency: 978 }, '00000');
  });

  it('takes a capture’s transaction id and resets its whole payment', async () => {
    const id = await authorize(gw, 1000);
    const capture = await expectCode(gw, 'doCapture', captureRequest(id, 1000), '00000');
    await expectCode(gw, 'doReset', resetRequest(capture.transaction.id), '00000');
    assert.equal((await history(gw, id)).status, 'RESET');
    await expectCode(gw, 'doCapture', captureRequest(id, 1), '02302');
  });

  describe('with the clock', () => {
    let local: TestGateway;
    before(async () => (local = await startTestGateway()));
    after(() => local.close());

    it('answers 02105 once the capture was remitted (next 00:00 UTC), and refunds work then', async () => {
      const captured = await authorize(local, 1000);
      await expectCode(local, 'doCapture', captureRequest(captured, 1000), '00000');
      const paid = await authorize(local, 500, 101);
      const authorizedOnly = await authorize(local, 300);
      await local.advance(14 * HOUR - 1); // 23:59:59.999 UTC: not remitted yet
      const stillOpen = await authorize(local, 200, 101);
      await expectCode(local, 'doReset', resetRequest(stillOpen), '00000');
      await local.advance(1); // 00:00 UTC: remitted
      await expectCode(local, 'doReset', resetRequest(captured), '02105');
      await expectCode(local, 'doReset', resetRequest(paid), '02105');
      await expectCode(local, 'doRefund', refundRequest(paid, 500), '00000');
      await expectCode(local, 'doReset', resetRequest(authorizedOnly), '00000'); // nothing captured: still resettable
    });

    it('answers 02602 to the reset of an authorization left 7 days without capture', async () => {
      const id = await authorize(local, 1000);
      await local.advance(7 * DAY);
      await expectCode(local, 'doReset', resetRequest(id), '02602');
    });
  });
});
