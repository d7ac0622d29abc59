import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, card, CB_CARD, masked, nextOrderRef, searchRequest, VERSION, withField } from '../support/requests.js';
import { assertCode, DAY, details, expectCode } from '../support/api-helpers.js';

/** doAuthorization over HTTP: the answer's objects, every brand, refusals, duplicates. */
describe('doAuthorization', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  it('authorizes (100) and answers transaction, authorization, masked card and contract', async () => {
    const answer = await gw.call('doAuthorization', authorizationRequest(1000, { action: 100 }));
    assert.deepEqual(answer.result, { code: '00000', shortMessage: 'ACCEPTED', longMessage: 'Transaction approved' });
    assert.match(answer.transaction.id, /^1\d{17}$/);
    assert.equal(answer.transaction.date, '02/03/2026 11:00:00'); // TEST_EPOCH, 10:00 UTC, in Europe/Paris
    assert.equal(answer.transaction.isDuplicated, '0');
    assert.equal(answer.transaction.isPossibleFraud, '0');
    assert.match(answer.authorization.number, /^[0-9A-Z]{6}$/);
    assert.equal(answer.authorization.authorizedAmount, 1000);
    assert.equal(answer.authorization.authorizedCurrency, 978);
    assert.deepEqual(answer.card, { number: '497010XXXXXX4455', type: 'CB', expirationDate: '1230' });
    assert.equal(answer.contractNumber, 'CB');
    const stored = await details(gw, answer.transaction.id);
    assert.equal(stored.payment.action, 100);
    assert.equal(stored.statusHistoryList.statusHistory[0].status, 'AUTHORIZED');
  });

  it('authorizes and captures (101) in one step: the capture is the authorization itself', async () => {
    const answer = await expectCode(gw, 'doAuthorization', authorizationRequest(2500, { action: 101 }), '00000');
    const stored = await details(gw, answer.transaction.id);
    assert.deepEqual(
      stored.associatedTransactionsList.associatedTransactions.map((t: any) => [t.transactionId, t.type, t.amount, t.status]),
      [[answer.transaction.id, 'AUTHORIZATION_CAPTURE', 2500, 'ACCEPTED']],
    );
    assert.equal(stored.payment.action, 101);
  });

  const accepted = [
    { number: '4970101122334455', type: 'CB', contract: 'CB' },
    { number: '5132100000000008', type: 'CB', contract: 'CB' },
    { number: '4111111111111111', type: 'VISA', contract: 'CB' },
    { number: '5555555555554444', type: 'MASTERCARD', contract: 'CB' },
    { number: '2223003122003222', type: 'MASTERCARD', contract: 'CB' },
    { number: '6759649826438453', type: 'CB', contract: 'CB' }, // Maestro rides on CB
    { number: '378282246310005', type: 'AMEX', contract: 'AMEX' },
    { number: '36227206271667', type: 'DINERS', contract: 'DINERS' },
    { number: '6011111111111117', type: 'DINERS', contract: 'DINERS' }, // Discover on the Diners network
    { number: '3566002020360505', type: 'JCB', contract: 'JCB' },
  ];
  for (const row of accepted) {
    it(`accepts test card ${row.number} as ${row.type} on contract ${row.contract}`, async () => {
      const answer = await gw.call('doAuthorization', authorizationRequest(1234, { action: 100, contractNumber: row.contract, card: card(row.number, row.type) }));
      assertCode(answer, '00000', 'ACCEPTED');
      assert.equal(answer.card.number, masked(row.number));
      assert.equal(answer.card.type, row.type);
      assert.equal(answer.contractNumber, row.contract);
    });
  }

  const refused = [
    { number: '4000000000011009', type: 'VISA', code: '01100' },
    { number: '5132100000011161', type: 'MASTERCARD', code: '01116' },
    { number: '5132100000012011', type: 'CB', code: '01201' },
    { number: '4970110000012083', type: 'CB', code: '01208' },
    { number: '4970110000012091', type: 'CB', code: '01209' },
    { number: '4970110000011010', type: 'CB', code: '01101' }, // whatever expiry is sent
  ];
  for (const row of refused) {
    it(`refuses test card ${row.number} with ${row.code}, and keeps the refused transaction`, async () => {
      const answer = await gw.call('doAuthorization', authorizationRequest(1234, { card: card(row.number, row.type) }));
      assertCode(answer, row.code, 'REFUSED');
      assert.equal(answer.authorization, undefined, 'a refusal carries no authorization');
      assert.equal(answer.card.number, masked(row.number));
      const stored = await details(gw, answer.transaction.id);
      assertCode(stored, row.code);
      assert.equal(stored.statusHistoryList.statusHistory[0].status, 'REFUSED');
    });
  }

  it('refuses a card whose expiry month is over with 01101 (judged against the clock)', async () => {
    const answer = await gw.call('doAuthorization', authorizationRequest(1000, { card: { ...CB_CARD, expirationDate: '0226' } }));
    assertCode(answer, '01101', 'REFUSED');
    const thisMonth = await gw.call('doAuthorization', authorizationRequest(1000, { card: { ...CB_CARD, expirationDate: '0326' } }));
    assertCode(thisMonth, '00000');
  });

  it('takes numeric fields as strings, as SOAP-era clients send them', async () => {
    const body = authorizationRequest(1000);
    const answer = await gw.call('doAuthorization', {
      ...body,
      payment: { ...body.payment, amount: '1000', currency: '978', action: '100' },
      order: { ...body.order, amount: '1000', currency: '978' },
    });
    assertCode(answer, '00000');
    assert.equal(answer.authorization.authorizedAmount, 1000);
    assert.equal((await details(gw, answer.transaction.id)).payment.action, 100);
  });

  it('echoes privateDataList, as a bare array or as Payline’s { privateData: [...] }', async () => {
    const list = [{ key: 'basket', value: '42' }];
    for (const shape of [list, { privateData: list }]) {
      const answer = await gw.call('doAuthorization', withField(authorizationRequest(1000), 'privateDataList', shape));
      assertCode(answer, '00000');
      assert.deepEqual(answer.privateDataList, { privateData: list });
    }
  });

  describe('duplicate orders', () => {
    it('answers 01913 with isDuplicated 1 and the original transaction for the same order ref and amount', async () => {
      const ref = nextOrderRef('dup');
      const first = await expectCode(gw, 'doAuthorization', authorizationRequest(4200, { orderRef: ref }), '00000');
      const again = await gw.call('doAuthorization', authorizationRequest(4200, { orderRef: ref }));
      assertCode(again, '01913', 'ERROR');
      assert.equal(again.transaction.id, first.transaction.id);
      assert.equal(again.transaction.isDuplicated, '1');
      assert.match(again.result.longMessage, new RegExp(first.transaction.id));
      // Nothing new was made, and the original is untouched.
      const found = await gw.call('transactionsSearch', searchRequest({ orderRef: ref }));
      assert.deepEqual(found.transactionList.transaction.map((t: any) => t.id), [first.transaction.id]);
      assert.equal((await details(gw, first.transaction.id)).transaction.isDuplicated, '0');
    });

    it('accepts the same order ref with another amount', async () => {
      const ref = nextOrderRef('dup');
      await expectCode(gw, 'doAuthorization', authorizationRequest(4200, { orderRef: ref }), '00000');
      await expectCode(gw, 'doAuthorization', authorizationRequest(4300, { orderRef: ref }), '00000');
    });

    it('lets the shopper retry after a refusal: a refused attempt does not hold the order', async () => {
      const ref = nextOrderRef('dup');
      await expectCode(gw, 'doAuthorization', authorizationRequest(4200, { orderRef: ref, card: card('4000000000011009', 'VISA') }), '01100');
      const retry = await expectCode(gw, 'doAuthorization', authorizationRequest(4200, { orderRef: ref }), '00000');
      assert.equal(retry.transaction.isDuplicated, '0');
    });

    it('forgets the order after 24 hours', async () => {
      const local = await startTestGateway();
      try {
        const ref = nextOrderRef('dup');
        await expectCode(local, 'doAuthorization', authorizationRequest(4200, { orderRef: ref }), '00000');
        await local.advance(DAY - 1);
        await expectCode(local, 'doAuthorization', authorizationRequest(4200, { orderRef: ref }), '01913');
        await local.advance(1);
        await expectCode(local, 'doAuthorization', authorizationRequest(4200, { orderRef: ref }), '00000');
      } finally {
        await local.close();
      }
    });
  });

  it('finds the authorization by order ref', async () => {
    const ref = nextOrderRef();
    const answer = await expectCode(gw, 'doAuthorization', authorizationRequest(1000, { orderRef: ref }), '00000');
    const byRef = await gw.call('getTransactionDetails', { version: VERSION, orderRef: ref });
    assert.equal(byRef.transaction.id, answer.transaction.id);
    assert.equal(byRef.order.ref, ref);
  });
});
