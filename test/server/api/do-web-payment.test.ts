import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, captureRequest, card, CB_CARD, nextOrderRef, webPaymentDetailsRequest, webPaymentRequest, withField } from '../support/requests.js';
import { assertCode, callAs, details, expectCode, GatedAcquirer, OTHER_AUTH, twoMerchants } from '../support/api-helpers.js';

/**
 * doWebPayment, getWebPaymentDetails and the widget's token-scoped endpoints over HTTP: a
 * session's whole life, 02306 → 00000 / 01xxx / 02623 / 02002 / 02319 / 02324 / 02304.
 */
const REFUSING = [card('4000000000011009', 'VISA'), card('5132100000011161', 'MASTERCARD'), card('4970110000012083')];

async function open(gw: TestGateway, amount = 1500, overrides: Parameters<typeof webPaymentRequest>[1] = {}): Promise<string> {
  const answer = await expectCode(gw, 'doWebPayment', webPaymentRequest(amount, overrides), '00000');
  return answer.token;
}
async function widget(gw: TestGateway, token: string, action: 'pay' | 'cancel', body: unknown = {}) {
  const response = await gw.fetch(`/widget/sessions/${token}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}
const pay = async (gw: TestGateway, token: string, cardIn: object = CB_CARD) => (await widget(gw, token, 'pay', { card: cardIn })).body;
const webDetails = (gw: TestGateway, token: string) => gw.call('getWebPaymentDetails', webPaymentDetailsRequest(token));

describe('doWebPayment and the widget', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  it('opens a session: a 32-hex token and a redirectURL; details answer 02306 with the order', async () => {
    const request = webPaymentRequest(1500);
    const answer = await expectCode(gw, 'doWebPayment', request, '00000');
    assert.match(answer.token, /^[0-9a-f]{32}$/);
    assert.equal(answer.redirectURL, `${gw.url}/webpayment/?token=${answer.token}`);
    const waiting = await webDetails(gw, answer.token);
    assertCode(waiting, '02306', 'INPROGRESS');
    assert.equal(waiting.transaction, undefined);
    assert.deepEqual(waiting.payment, { amount: 1500, currency: 978, action: 101, mode: 'CPT', contractNumber: 'CB' });
    assert.equal(waiting.order.ref, request.order.ref);
    assert.equal(waiting.order.date, '02/03/2026 11:00:00');
    assert.equal(waiting.numberOfAttempt, 0);
    const view = (await (await gw.fetch(`/widget/sessions/${answer.token}`)).json()) as any;
    assert.deepEqual([view.state, view.amount, view.currency, view.attemptsLeft], ['WAITING', 1500, 978, 3]);
  });

  it('is paid by the widget: 00000, then details show the transaction and the masked card', async () => {
    const token = await open(gw, 1500);
    const paid = await pay(gw, token);
    assertCode(paid, '00000');
    assert.equal(paid.card.number, '497010XXXXXX4455');
    assert.equal(paid.session.state, 'ACCEPTED');
    const answer = await webDetails(gw, token);
    assertCode(answer, '00000', 'ACCEPTED');
    assert.equal(answer.transaction.id, paid.transaction.id);
    assert.deepEqual(answer.card, { number: '497010XXXXXX4455', type: 'CB', expirationDate: '1230' });
    assert.equal(answer.authorization.authorizedAmount, 1500);
    assert.equal(answer.numberOfAttempt, 1);
    await expectCode(gw, 'doCapture', captureRequest(paid.transaction.id, 1), '02617'); // action 101: captured
    // A paid session takes no other payment and cannot be cancelled.
    assertCode(await pay(gw, token), '02001');
    await widget(gw, token, 'cancel');
    assertCode(await webDetails(gw, token), '00000');
  });

  it('infers card.type from the number and the contracts offered (VISA on the CB contract)', async () => {
    const token = await open(gw);
    const paid = await pay(gw, token, { number: '4111111111111111', expirationDate: '1230', cvx: '123' });
    assertCode(paid, '00000');
    assert.equal(paid.card.type, 'VISA');
  });

  it('keeps the session open after a refusal, answers the last refusal after the last attempt, then 02623', async () => {
    const token = await open(gw);
    assertCode(await pay(gw, token, REFUSING[0]), '01100');
    assertCode(await webDetails(gw, token), '02306');
    const second = await pay(gw, token, REFUSING[1]);
    assertCode(second, '01116');
    assert.deepEqual([second.session.state, second.session.attemptsLeft], ['WAITING', 1]);
    const last = await pay(gw, token, REFUSING[2]);
    assertCode(last, '01208');
    assert.equal(last.session.state, 'REFUSED');
    const answer = await webDetails(gw, token);
    assertCode(answer, '01208', 'REFUSED');
    assert.equal(answer.transaction.id, last.transaction.id);
    assert.equal(answer.card.number, '497011XXXXXX2083');
    assert.equal(answer.numberOfAttempt, 3);
    assertCode(await pay(gw, token), '02623');
    assertCode(await webDetails(gw, token), '01208');
  });

  it('accepts a card after a refusal within the attempts', async () => {
    const token = await open(gw);
    assertCode(await pay(gw, token, REFUSING[0]), '01100');
    assertCode(await pay(gw, token), '00000');
    const answer = await webDetails(gw, token);
    assertCode(answer, '00000');
    assert.equal(answer.numberOfAttempt, 2);
  });

  it('does not count card data refused before the bank as an attempt', async () => {
    const token = await open(gw);
    assertCode(await pay(gw, token, { ...CB_CARD, number: '4970101122334456' }), '02614');
    assertCode(await pay(gw, token, card('378282246310005', 'AMEX')), '02305');
    assertCode(await pay(gw, token, { ...CB_CARD, expirationDate: '1330' }), '02305');
    const view = (await (await gw.fetch(`/widget/sessions/${token}`)).json()) as any;
    assert.deepEqual([view.state, view.attempts], ['WAITING', 0]);
  });

  it('is cancelled by the shopper: 02319 from then on', async () => {
    const token = await open(gw);
    const cancelled = await widget(gw, token, 'cancel');
    assertCode(cancelled.body, '02319', 'CANCELLED');
    assert.equal(cancelled.body.session.state, 'CANCELLED');
    assertCode(await webDetails(gw, token), '02319', 'CANCELLED');
    assertCode(await pay(gw, token), '02319');
    assertCode((await widget(gw, token, 'cancel')).body, '02319');
  });

  it('answers 02304 for an unknown token, and the widget 404', async () => {
    assertCode(await webDetails(gw, '0123456789abcdef0123456789abcdef'), '02304');
    for (const path of ['0123456789abcdef0123456789abcdef', 'not-a-token']) {
      const read = await gw.fetch(`/widget/sessions/${path}`);
      assert.equal(read.status, 404);
      assertCode(await read.json(), '02304');
      const paid = await widget(gw, path, 'pay', { card: CB_CARD });
      assert.equal(paid.status, 404);
      assertCode(paid.body, '02304');
      assert.equal((await widget(gw, path, 'cancel')).status, 404);
    }
  });

  it('answers 02001 to doWebPayment for an order already paid, directly or through the widget', async () => {
    const ref = nextOrderRef('web');
    await expectCode(gw, 'doAuthorization', authorizationRequest(2200, { orderRef: ref }), '00000');
    await expectCode(gw, 'doWebPayment', webPaymentRequest(2200, { orderRef: ref }), '02001');
    const other = nextOrderRef('web');
    const token = await open(gw, 2300, { orderRef: other });
    const concurrent = await open(gw, 2300, { orderRef: other }); // opened before the order was paid
    assertCode(await pay(gw, token), '00000');
    await expectCode(gw, 'doWebPayment', webPaymentRequest(2300, { orderRef: other }), '02001');
    assertCode(await pay(gw, concurrent), '01913');
  });

  it('offers the contracts of selectedContractList; an unknown one is 02303', async () => {
    const token = await open(gw, 1500, { selectedContractList: ['AMEX'] });
    const paid = await pay(gw, token, { number: '378282246310005', expirationDate: '1230', cvx: '1234' });
    assertCode(paid, '00000');
    assert.equal(paid.card.type, 'AMEX');
    assert.equal((await details(gw, paid.transaction.id)).contractNumber, 'AMEX');
    await expectCode(gw, 'doWebPayment', webPaymentRequest(1500, { selectedContractList: ['NOPE'] }), '02303');
  });

  it('refuses actions other than 100/101 (02321) and NX/REC modes (02308)', async () => {
    await expectCode(gw, 'doWebPayment', withField(webPaymentRequest(1500), 'payment.action', 201), '02321');
    await expectCode(gw, 'doWebPayment', withField(webPaymentRequest(1500), 'payment.mode', 'NX'), '02308');
    await expectCode(gw, 'doWebPayment', withField(webPaymentRequest(1500), 'payment.mode', 'REC'), '02308');
  });
});

describe('web payment sessions with the clock, a gated acquirer and two merchants', () => {
  let gw: TestGateway;
  const acquirer = new GatedAcquirer();
  before(async () => (gw = await startTestGateway({}, { acquirer, merchants: await twoMerchants() })));
  after(() => gw.close());

  it('refuses a second attempt while one is at the acquirer: 02002', async () => {
    const token = await open(gw);
    const gate = acquirer.hold();
    const first = pay(gw, token);
    await gate.arrived;
    const view = (await (await gw.fetch(`/widget/sessions/${token}`)).json()) as any;
    assert.equal(view.state, 'PROCESSING');
    assertCode(await pay(gw, token), '02002');
    assertCode((await widget(gw, token, 'cancel')).body, '02002');
    assertCode(await webDetails(gw, token), '02306');
    gate.release();
    assertCode(await first, '00000');
    const answer = await webDetails(gw, token);
    assertCode(answer, '00000');
    assert.equal(answer.numberOfAttempt, 1);
  });

  it('hides a token from another merchant: 02304', async () => {
    const token = await open(gw);
    const other = await callAs(gw, OTHER_AUTH, 'getWebPaymentDetails', webPaymentDetailsRequest(token));
    assert.equal(other.status, 200);
    assertCode(other.body, '02304');
    assertCode(await webDetails(gw, token), '02306');
  });

  it('expires after 15 minutes: 02324 to details, pay and cancel', async () => {
    const token = await open(gw);
    const paidInTime = await open(gw);
    await gw.advance(15 * 60 * 1000 - 1);
    assertCode(await webDetails(gw, token), '02306');
    assertCode(await pay(gw, paidInTime), '00000');
    await gw.advance(1);
    assertCode(await webDetails(gw, token), '02324');
    assertCode(await pay(gw, token), '02324');
    assertCode((await widget(gw, token, 'cancel')).body, '02324');
    const view = (await (await gw.fetch(`/widget/sessions/${token}`)).json()) as any;
    assert.equal(view.state, 'EXPIRED');
    assertCode(await webDetails(gw, paidInTime), '00000', 'ACCEPTED'); // a paid session does not expire
  });
});
