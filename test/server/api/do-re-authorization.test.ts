import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, captureRequest, card, creditRequest, debitRequest, reAuthorizationRequest, resetRequest } from '../support/requests.js';
import { DAY, details, expectCode } from '../support/api-helpers.js';

/** doReAuthorization over HTTP: renews an authorization on the same card (the vault's PAN). */
describe('doReAuthorization', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  const authorize = async (amount: number, overrides: Parameters<typeof authorizationRequest>[1] = {}) =>
    (await expectCode(gw, 'doAuthorization', authorizationRequest(amount, { action: 100, ...overrides }), '00000')).transaction.id as string;

  it('renews an expired authorization as a new transaction on the same masked card', async () => {
    const amexCard = card('378282246310005', 'AMEX');
    const original = await authorize(5000, { contractNumber: 'AMEX', card: amexCard });
    await gw.advance(7 * DAY);
    await expectCode(gw, 'doCapture', captureRequest(original, 5000), '02602');
    const renewed = await expectCode(gw, 'doReAuthorization', reAuthorizationRequest(original, 5000), '00000');
    assert.match(renewed.transaction.id, /^1\d{17}$/);
    assert.notEqual(renewed.transaction.id, original);
    assert.deepEqual(renewed.card, { number: '378282XXXXX0005', type: 'AMEX', expirationDate: '1230' });
    assert.equal(renewed.transaction.date, '09/03/2026 11:00:00');
    // The new authorization can be captured; the old one stays expired.
    await expectCode(gw, 'doCapture', captureRequest(renewed.transaction.id, 5000), '00000');
    await expectCode(gw, 'doCapture', captureRequest(original, 5000), '02602');
    const stored = await details(gw, renewed.transaction.id);
    assert.equal(stored.contractNumber, 'AMEX');
    assert.equal(stored.card.number, '378282XXXXX0005');
    assert.equal(stored.authorization.authorizedAmount, 5000);
  });

  it('renews in mode DIF (action 101): captured by the job runner on differedActionDate', async () => {
    const original = await authorize(2600);
    const request = reAuthorizationRequest(original, 2600, { action: 101 });
    const renewed = await expectCode(gw, 'doReAuthorization', { ...request, payment: { ...request.payment, mode: 'DIF', differedActionDate: '' } }, '02305');
    assert.match(renewed.result.longMessage, /^payment\.differedActionDate is required/);
    const now = new Date(gw.clock.now() + 2 * DAY);
    const date = `${String(now.getUTCDate()).padStart(2, '0')}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${String(now.getUTCFullYear()).slice(2)}`;
    const deferred = await expectCode(gw, 'doReAuthorization', { ...request, payment: { ...request.payment, mode: 'DIF', differedActionDate: date } }, '00000');
    const id = deferred.transaction.id;
    assert.deepEqual((await details(gw, id)).associatedTransactionsList.associatedTransactions.map((t: any) => t.type), ['AUTHORIZATION']);
    await gw.advance(2 * DAY);
    assert.deepEqual((await details(gw, id)).associatedTransactionsList.associatedTransactions.map((t: any) => [t.type, t.amount]), [
      ['AUTHORIZATION', 2600],
      ['CAPTURE', 2600],
    ]);
  });

  it('renews with the same order ref without being a duplicate', async () => {
    const request = authorizationRequest(3000, { action: 100 });
    const original = (await expectCode(gw, 'doAuthorization', request, '00000')).transaction.id;
    const renewed = await expectCode(gw, 'doReAuthorization', reAuthorizationRequest(original, 3000, { orderRef: request.order.ref }), '00000');
    assert.equal(renewed.transaction.isDuplicated, '0');
    assert.equal((await details(gw, renewed.transaction.id)).order.ref, request.order.ref);
  });

  it('captures at once with action 101', async () => {
    const original = await authorize(2000);
    const renewed = await expectCode(gw, 'doReAuthorization', reAuthorizationRequest(original, 2000, { action: 101 }), '00000');
    await expectCode(gw, 'doCapture', captureRequest(renewed.transaction.id, 1), '02617');
    const types = (await details(gw, renewed.transaction.id)).associatedTransactionsList.associatedTransactions.map((t: any) => t.type);
    assert.deepEqual(types, ['AUTHORIZATION_CAPTURE']);
  });

  it('goes through the simulator again: an amount of 333.05 EUR is refused with 01100', async () => {
    const original = await authorize(2000);
    await expectCode(gw, 'doReAuthorization', reAuthorizationRequest(original, 33305), '01100');
  });

  it('refuses to renew a refused authorization (02302) or a reset one (02302)', async () => {
    const refused = await expectCode(gw, 'doAuthorization', authorizationRequest(1000, { card: card('4000000000011009', 'VISA') }), '01100');
    await expectCode(gw, 'doReAuthorization', reAuthorizationRequest(refused.transaction.id, 1000), '02302');
    const reset = await authorize(1000);
    await expectCode(gw, 'doReset', resetRequest(reset), '00000');
    await expectCode(gw, 'doReAuthorization', reAuthorizationRequest(reset, 1000), '02302');
  });

  it('renews authorizations only: a debit or a credit is 02302', async () => {
    const debit = await expectCode(gw, 'doDebit', debitRequest(1000), '00000');
    await expectCode(gw, 'doReAuthorization', reAuthorizationRequest(debit.transaction.id, 1000), '02302');
    const credit = await expectCode(gw, 'doCredit', creditRequest(1000), '00000');
    await expectCode(gw, 'doReAuthorization', reAuthorizationRequest(credit.transaction.id, 1000), '02302');
  });

  it('refuses an unknown transaction (02604), another currency (02620), action 201 (02321)', async () => {
    const original = await authorize(1000);
    await expectCode(gw, 'doReAuthorization', reAuthorizationRequest('100000000000000000', 1000), '02604');
    await expectCode(gw, 'doReAuthorization', reAuthorizationRequest(original, 1000, { currency: 840 }), '02620');
    await expectCode(gw, 'doReAuthorization', reAuthorizationRequest(original, 1000, { action: 201 }), '02321');
  });
});
