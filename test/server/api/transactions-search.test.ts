import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, captureRequest, card, CB_CARD, searchRequest, webPaymentRequest } from '../support/requests.js';
import { assertCode, expectCode, HOUR } from '../support/api-helpers.js';

/** transactionsSearch over HTTP: a period, the filters, the order of the answer, its limits. */
describe('transactionsSearch', () => {
  let gw: TestGateway;
  const ids: Record<string, string> = {};
  const refs: Record<string, string> = {};
  let authorizationNumber: string;
  let captureId: string;
  let token: string;

  before(async () => {
    gw = await startTestGateway();
    const make = async (name: string, request: ReturnType<typeof authorizationRequest>, code = '00000') => {
      const answer = await expectCode(gw, 'doAuthorization', request, code);
      ids[name] = answer.transaction.id;
      refs[name] = request.order.ref;
      return answer;
    };
    authorizationNumber = (await make('small', authorizationRequest(500, { action: 100 }))).authorization.number;
    await make('amex', authorizationRequest(2500, { contractNumber: 'AMEX', card: card('378282246310005', 'AMEX') }));
    await make('refused', authorizationRequest(33305), '01100');
    await gw.advance(2 * HOUR); // 13:00 Paris from here on
    await make('large', authorizationRequest(9000, { action: 100 }));
    captureId = (await expectCode(gw, 'doCapture', captureRequest(ids.large!, 4000), '00000')).transaction.id;
    token = (await expectCode(gw, 'doWebPayment', webPaymentRequest(700), '00000')).token;
    const paid = await gw.fetch(`/widget/sessions/${token}/pay`, { method: 'POST', body: JSON.stringify({ card: CB_CARD }) });
    const body = (await paid.json()) as any;
    if (!body.transaction) throw new Error(JSON.stringify(body));
    ids.web = body.transaction.id;
  });
  after(() => gw.close());

  const search = async (criteria: Record<string, unknown>) => {
    const answer = await gw.call('transactionsSearch', searchRequest(criteria));
    return { answer, ids: (answer.transactionList?.transaction ?? []).map((t: any) => t.id) as string[] };
  };

  it('lists the period’s transactions, newest first, refused ones included', async () => {
    const { answer, ids: found } = await search({});
    assertCode(answer, '00000');
    assert.deepEqual(found, [ids.web, ids.large, ids.refused, ids.amex, ids.small]);
    const small = answer.transactionList.transaction.at(-1);
    assert.equal(small.orderReference, refs.small);
    assert.equal(small.date, '02/03/2026 11:00:00');
    assert.deepEqual(small.payment, { amount: 500, currency: 978, action: 100, mode: 'CPT', contractNumber: 'CB' });
    assert.deepEqual(small.card, { number: '497010XXXXXX4455', type: 'CB', expirationDate: '1230' });
  });

  const filters: ReadonlyArray<[string, () => Record<string, unknown>, () => (string | undefined)[]]> = [
    ['orderRef', () => ({ orderRef: refs.amex }), () => [ids.amex]],
    ['transactionId of an authorization', () => ({ transactionId: ids.small }), () => [ids.small]],
    ['contractNumber', () => ({ contractNumber: 'AMEX' }), () => [ids.amex]],
    ['returnCode', () => ({ returnCode: '01100' }), () => [ids.refused]],
    ['authorizationNumber', () => ({ authorizationNumber }), () => [ids.small]],
    ['minAmount and maxAmount (inclusive)', () => ({ minAmount: 700, maxAmount: 9000 }), () => [ids.web, ids.large, ids.amex]],
    ['maxAmount', () => ({ maxAmount: 699 }), () => [ids.small]],
    ['currency', () => ({ currency: 978, contractNumber: 'CB', returnCode: '00000' }), () => [ids.web, ids.large, ids.small]],
    ['token of a web payment', () => ({ token }), () => [ids.web]],
    ['a period by the minute', () => ({ startDate: '02/03/2026 12:30', endDate: '02/03/2026 13:00' }), () => [ids.web, ids.large]],
    ['a period ending before the last payments', () => ({ startDate: '02/03/2026', endDate: '02/03/2026 12:59' }), () => [ids.refused, ids.amex, ids.small]],
  ];
  for (const [label, criteria, expected] of filters) {
    it(`filters by ${label}`, async () => {
      const { answer, ids: found } = await search(criteria());
      assertCode(answer, '00000');
      assert.deepEqual(found, expected());
    });
  }

  it('finds a payment by a capture’s id and answers about the capture', async () => {
    const { answer, ids: found } = await search({ transactionId: captureId });
    assert.deepEqual(found, [captureId]);
    const [capture] = answer.transactionList.transaction;
    assert.deepEqual([capture.payment.amount, capture.payment.action, capture.orderReference], [4000, 201, refs.large]);
  });

  it('answers 02310 and an empty list when nothing matches', async () => {
    for (const criteria of [{ currency: 840 }, { startDate: '01/02/2026', endDate: '28/02/2026' }, { orderRef: 'nothing-here' }]) {
      const { answer } = await search(criteria);
      assertCode(answer, '02310');
      assert.deepEqual(answer.transactionList, { transaction: [] });
    }
  });

  it('refuses an end before the start (02312) and more than 366 days (02320)', async () => {
    assertCode((await search({ startDate: '02/03/2026', endDate: '01/03/2026' })).answer, '02312');
    assertCode((await search({ startDate: '01/03/2025', endDate: '02/03/2026' })).answer, '02320');
    assertCode((await search({ startDate: '02/03/2025', endDate: '02/03/2026' })).answer, '00000');
  });
});

describe('transactionsSearch end bounds', () => {
  it('an end given to the minute covers that whole minute; to the second, that second', async () => {
    const gw = await startTestGateway();
    try {
      await gw.advance(2 * HOUR + 30_000); // 13:00:30 Paris
      const paid = await expectCode(gw, 'doAuthorization', authorizationRequest(1200), '00000');
      const found = async (endDate: string) =>
        ((await gw.call('transactionsSearch', searchRequest({ startDate: '02/03/2026', endDate }))).transactionList.transaction as { id: string }[]).map((t) => t.id);
      assert.deepEqual(await found('02/03/2026 13:00'), [paid.transaction.id]);
      assert.deepEqual(await found('02/03/2026 13:00:30'), [paid.transaction.id]);
      assert.deepEqual(await found('02/03/2026 13:00:29'), []);
    } finally {
      await gw.close();
    }
  });
});
