import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, captureRequest, card, resetRequest, withField } from '../support/requests.js';
import { assertCode, DAY, details, expectCode } from '../support/api-helpers.js';

/** doCapture (201) over HTTP: whole, partial, several, and every refusal of the state machine. */
describe('doCapture', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  const authorize = async (amount: number, overrides: Parameters<typeof authorizationRequest>[1] = {}) =>
    (await expectCode(gw, 'doAuthorization', authorizationRequest(amount, { action: 100, ...overrides }), '00000')).transaction.id as string;

  const capturedOf = async (id: string) =>
    (await details(gw, id)).associatedTransactionsList.associatedTransactions.filter((t: any) => t.type === 'CAPTURE').map((t: any) => t.amount);

  it('captures the whole amount as a new transaction of the payment', async () => {
    const id = await authorize(1000);
    const capture = await expectCode(gw, 'doCapture', captureRequest(id, 1000), '00000');
    assert.match(capture.transaction.id, /^1\d{17}$/);
    assert.notEqual(capture.transaction.id, id);
    assert.equal(capture.transaction.date, '02/03/2026 11:00:00');
    const list = (await details(gw, id)).associatedTransactionsList.associatedTransactions;
    assert.deepEqual(
      list.map((t: any) => [t.transactionId, t.type, t.amount, t.originTransactionId]),
      [
        [id, 'AUTHORIZATION', 1000, id],
        [capture.transaction.id, 'CAPTURE', 1000, id],
      ],
    );
    await expectCode(gw, 'doCapture', captureRequest(id, 1), '02617');
  });

  it('captures in several parts up to the authorized amount, then refuses the excess with 02613', async () => {
    const id = await authorize(1000);
    await expectCode(gw, 'doCapture', captureRequest(id, 300), '00000');
    await expectCode(gw, 'doCapture', captureRequest(id, 300), '00000');
    const over = await expectCode(gw, 'doCapture', captureRequest(id, 401), '02613');
    assert.equal(over.transaction.id, id, 'the refusal names the transaction it concerns');
    await expectCode(gw, 'doCapture', captureRequest(id, 400), '00000');
    assert.deepEqual(await capturedOf(id), [300, 300, 400]);
    await expectCode(gw, 'doCapture', captureRequest(id, 1), '02617');
  });

  it('refuses a capture beyond the authorization at once (02613) and captures nothing', async () => {
    const id = await authorize(1000);
    await expectCode(gw, 'doCapture', captureRequest(id, 1001), '02613');
    assert.deepEqual(await capturedOf(id), []);
  });

  it('refuses to capture an authorization + capture (101) payment: 02617', async () => {
    const id = await authorize(1000, { action: 101 });
    await expectCode(gw, 'doCapture', captureRequest(id, 1000), '02617');
    await expectCode(gw, 'doCapture', captureRequest(id, 1), '02617');
  });

  it('refuses to capture a reset authorization: 02302', async () => {
    const id = await authorize(1000);
    await expectCode(gw, 'doReset', resetRequest(id), '00000');
    await expectCode(gw, 'doCapture', captureRequest(id, 1000), '02302');
  });

  it('refuses to capture a refused transaction: 02302', async () => {
    const refused = await expectCode(gw, 'doAuthorization', authorizationRequest(1000, { action: 100, card: card('4000000000011009', 'VISA') }), '01100');
    await expectCode(gw, 'doCapture', captureRequest(refused.transaction.id, 1000), '02302');
  });

  it('refuses another currency than the authorization’s: 02620', async () => {
    const id = await authorize(1000);
    await expectCode(gw, 'doCapture', withField(captureRequest(id, 1000), 'payment.currency', 840), '02620');
    assert.deepEqual(await capturedOf(id), []);
  });

  it('answers 02604 for a transaction that does not exist', async () => {
    await expectCode(gw, 'doCapture', captureRequest('100000000000000000', 1000), '02604');
  });

  it('takes a capture’s own transaction id to capture the rest of its payment', async () => {
    const id = await authorize(1000);
    const first = await expectCode(gw, 'doCapture', captureRequest(id, 600), '00000');
    const rest = await expectCode(gw, 'doCapture', captureRequest(first.transaction.id, 400), '00000');
    assert.deepEqual(await capturedOf(id), [600, 400]);
    const viaCapture = await details(gw, rest.transaction.id);
    assert.equal(viaCapture.transaction.id, rest.transaction.id);
    assert.equal(viaCapture.payment.action, 201);
    assert.equal(viaCapture.payment.amount, 400);
  });

  it('refuses any action but 201: 02321', async () => {
    const id = await authorize(1000);
    for (const action of [100, 101, 421]) {
      await expectCode(gw, 'doCapture', withField(captureRequest(id, 1000), 'payment.action', action), '02321');
    }
    assert.deepEqual(await capturedOf(id), []);
  });

  it('refuses a zero amount: 02305 naming payment.amount', async () => {
    const id = await authorize(1000);
    const answer = await expectCode(gw, 'doCapture', captureRequest(id, 0), '02305');
    assert.match(answer.result.longMessage, /^payment\.amount /);
  });

  describe('after 7 days', () => {
    let local: TestGateway;
    before(async () => (local = await startTestGateway()));
    after(() => local.close());

    it('captures until the last moment, then answers 02602 (authorization expired)', async () => {
      const early = (await expectCode(local, 'doAuthorization', authorizationRequest(1000, { action: 100 }), '00000')).transaction.id;
      const late = (await expectCode(local, 'doAuthorization', authorizationRequest(1000, { action: 100 }), '00000')).transaction.id;
      await expectCode(local, 'doCapture', captureRequest(early, 200), '00000');
      await local.advance(7 * DAY - 1);
      await expectCode(local, 'doCapture', captureRequest(early, 200), '00000');
      await local.advance(1);
      await expectCode(local, 'doCapture', captureRequest(late, 1000), '02602');
      await expectCode(local, 'doCapture', captureRequest(early, 600), '02602');
      const stored = await details(local, late);
      assert.equal(stored.statusHistoryList.statusHistory[0].status, 'EXPIRED');
      assert.equal(stored.statusHistoryList.statusHistory[0].date, '09/03/2026 11:00:00', 'expired when its 7 days ran out');
      assertCode(stored, '00000');
      await local.advance(DAY);
      const captured = await details(local, early);
      assert.equal(captured.statusHistoryList.statusHistory[0].status, 'AUTHORIZED');
      assert.equal(captured.statusHistoryList.statusHistory[0].date, captured.associatedTransactionsList.associatedTransactions.at(-1).date, 'since its last transaction');
    });
  });
});
