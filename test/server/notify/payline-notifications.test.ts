import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseMerchants } from '../../../server/merchants/merchants-file.js';
import { authorizationRequest, captureRequest, detailsRequest, order, refundRequest, webPaymentDetailsRequest } from '../support/requests.js';
import { startNotifyTest, type NotifyTest } from './support/notify-harness.js';
import { startReceiver, type Receiver } from './support/receiver.js';

/*
 * Payline server notifications (payline-api.md §7) end to end: a real gateway GETs a real
 * receiver; retries every minute for two hours on the test clock; the stop rule.
 */

const MINUTE = 60_000;

/** The query of a received notification, as an object. */
function query(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url, 'http://receiver').searchParams);
}

describe('Payline server notifications', () => {
  let t: NotifyTest;
  let merchantUrl: Receiver;
  let posUrl: Receiver;

  before(async () => {
    merchantUrl = await startReceiver();
    posUrl = await startReceiver();
    t = await startNotifyTest({
      merchant: {
        notificationURL: `${merchantUrl.url}/merchant-notify`,
        pointsOfSell: [
          { id: 'amex-desk', label: 'Amex desk', notificationURL: `${posUrl.url}/pos-notify?desk=amex`, contracts: ['AMEX'] },
          { id: 'web', label: 'Web shop', contracts: ['CB'] },
        ],
      },
    });
  });
  after(async () => {
    await t.close();
    await Promise.all([merchantUrl.close(), posUrl.close()]);
  });

  it('sends WEBTRS with the token to the doWebPayment notificationURL when the session ends', async (ctx) => {
    const r = await startReceiver();
    ctx.after(() => r.close());
    r.answer(() => ({ status: 204 }));
    const token = await t.webPayment(1000, { notificationURL: `${r.url}/notify?shop=42` });
    await t.pay(token);
    await t.settle();
    const [request] = await r.waitFor(1);
    assert.equal(request!.method, 'GET');
    assert.equal(request!.body, '');
    assert.deepEqual(query(request!.url), { shop: '42', notificationType: 'WEBTRS', token });
    assert.equal(request!.headers['webhook-signature'], undefined, 'Payline notifications are not signed');
    await t.tick(10 * MINUTE);
    assert.equal(r.received.length, 1, 'a 2xx is success: no retry');
  });

  it('sends TRS with the transactionId for a capture, to the point of sale of its contract', async () => {
    const seen = posUrl.received.length;
    const auth = await t.call('doAuthorization', authorizationRequest(1000, { action: 100, contractNumber: 'AMEX', card: { number: '378282246310005', type: 'AMEX', expirationDate: '1230', cvx: '1234' } }));
    assert.equal(auth.result.code, '00000');
    await t.settle();
    assert.equal(posUrl.received.length, seen, 'a direct authorization causes no notification');
    const capture = await t.call('doCapture', captureRequest(auth.transaction.id, 1000));
    await t.settle();
    const requests = await posUrl.waitFor(seen + 1);
    assert.equal(requests.at(-1)!.url.split('?')[0], '/pos-notify');
    assert.deepEqual(query(requests.at(-1)!.url), { desk: 'amex', notificationType: 'TRS', transactionId: capture.transaction.id });
  });

  it('falls back to the merchant’s notificationURL', async () => {
    const seen = merchantUrl.received.length;
    const auth = await t.call('doAuthorization', authorizationRequest(1000, { action: 101 }));
    await t.call('doRefund', refundRequest(auth.transaction.id, 400));
    await t.settle();
    const requests = await merchantUrl.waitFor(seen + 1);
    assert.equal(query(requests.at(-1)!.url).notificationType, 'TRS');
    assert.equal(requests.at(-1)!.url.split('?')[0], '/merchant-notify');
  });

  it('sends every type with its parameters (payline-api.md §7.2)', async () => {
    const seen = merchantUrl.received.length;
    const now = t.clock.now();
    const base = { merchantId: 'demo-merchant', occurredAt: now };
    const cases: [string, Record<string, string>, Record<string, string>][] = [
      ['payment.captured', { transactionId: 'T1', paymentId: 'P1' }, { notificationType: 'TRS', transactionId: 'T1' }],
      ['payment.accepted', { transactionId: 'T2', walletId: 'W2' }, { notificationType: 'TRSWALLET', transactionId: 'T2', walletId: 'W2' }],
      ['wallet.created', { walletId: 'W3', contractNumber: 'CB' }, { notificationType: 'WALLET', walletId: 'W3', contractNumber: 'CB' }],
      ['wallet.updated', { token: 'a'.repeat(32), walletId: 'W4' }, { notificationType: 'WEBWALLET', token: 'a'.repeat(32) }],
      [
        'billing.record.paid',
        { paymentRecordId: '474948', walletId: 'W5', transactionId: 'T5', billingRecordDate: '20201011', orderRef: '000000088' },
        { notificationType: 'BILL', paymentRecordId: '474948', walletId: 'W5', transactionId: 'T5', billingRecordDate: '20201011', orderRef: '000000088' },
      ],
    ];
    await t.gateway.store.commit({ events: cases.map(([type, data], i) => ({ ...base, id: `evt_type_${i}`, type, data })) });
    await t.settle();
    const received = (await merchantUrl.waitFor(seen + cases.length)).slice(seen).map((r) => query(r.url));
    for (const [, , expected] of cases) assert.ok(received.some((q) => JSON.stringify(q) === JSON.stringify(expected)), `${JSON.stringify(expected)} in ${JSON.stringify(received)}`);
  });

  it('retries every minute for two hours, then gives up and records it', async (ctx) => {
    const r = await startReceiver();
    ctx.after(() => r.close());
    r.answer(() => ({ status: 302, headers: { location: 'https://elsewhere.example/' } }));
    const token = await t.webPayment(1000, { notificationURL: `${r.url}/notify` });
    await t.pay(token);
    await t.settle();
    await r.waitFor(1);
    for (let minute = 1; minute <= 120; minute++) {
      await t.tick(MINUTE);
      await r.waitFor(minute + 1);
    }
    await t.tick(30 * MINUTE);
    assert.equal(r.received.length, 121, 'the first try and 120 retries, one a minute');
    const { body } = await t.api('GET', '/api/events?type=payment.accepted&limit=1');
    const delivery = body.events[0].deliveries.find((d: any) => d.channel === 'payline-notification');
    assert.equal(delivery.status, 'failed');
    assert.equal(delivery.failureReason, 'gave up after 121 attempts');
    assert.equal(delivery.notificationType, 'WEBTRS');
    assert.equal(delivery.attempts[0].status, 302, 'a redirect is not followed: it is a failure');
  });

  it('stops retrying once the merchant has fetched getWebPaymentDetails (the stop rule)', async (ctx) => {
    const r = await startReceiver();
    ctx.after(() => r.close());
    r.answer(() => ({ status: 500 }));
    const token = await t.webPayment(1000, { notificationURL: `${r.url}/notify` });
    await t.pay(token);
    await t.settle();
    await t.tick(MINUTE);
    await r.waitFor(2);
    const details = await t.call('getWebPaymentDetails', webPaymentDetailsRequest(token));
    assert.equal(details.result.code, '00000');
    await t.tick(MINUTE);
    await t.tick(MINUTE);
    assert.equal(r.received.length, 2);
    const { body } = await t.api('GET', '/api/events?type=payment.accepted&limit=1');
    assert.equal(body.events[0].deliveries.find((d: any) => d.channel === 'payline-notification').status, 'stopped');
  });

  it('keeps notifying after a fetch that saw the payment still in progress', async (ctx) => {
    const r = await startReceiver();
    ctx.after(() => r.close());
    r.answer(() => ({ status: 500 }));
    const token = await t.webPayment(33305, { notificationURL: `${r.url}/notify` }); // 333.05 EUR: refused, attempts left
    const refused = await t.pay(token);
    assert.equal(refused.result.code, '01100');
    await t.settle();
    const details = await t.call('getWebPaymentDetails', webPaymentDetailsRequest(token));
    assert.equal(details.result.code, '02306');
    await t.tick(MINUTE);
    await r.waitFor(2);
  });

  it('stops TRS retries once the merchant has fetched getTransactionDetails', async (ctx) => {
    const r = await startReceiver();
    ctx.after(() => r.close());
    r.answer(() => ({ status: 503 }));
    const token = await t.webPayment(1000, { notificationURL: `${r.url}/notify`, payment: { amount: 1000, currency: 978, action: 100, mode: 'CPT', contractNumber: 'CB' }, order: order(1000) });
    const paid = await t.pay(token);
    await t.settle();
    await t.call('getWebPaymentDetails', webPaymentDetailsRequest(token));
    const capture = await t.call('doCapture', captureRequest(paid.transaction.id, 1000));
    await t.settle();
    const [, trs] = await r.waitFor(2);
    assert.deepEqual(query(trs!.url), { notificationType: 'TRS', transactionId: capture.transaction.id });
    await t.call('getTransactionDetails', detailsRequest(paid.transaction.id));
    await t.tick(MINUTE);
    await t.tick(MINUTE);
    assert.equal(r.received.length, 2);
  });

  it('refuses a notificationURL that is not http(s) or carries credentials', async () => {
    for (const [url, reason] of [
      ['ftp://shop.example/notify', /http or https/],
      ['https://user:secret@shop.example/notify', /credentials/],
    ] as const) {
      const answer = await t.call('doWebPayment', { version: '34', payment: { amount: 1000, currency: 978, action: 101, mode: 'CPT', contractNumber: 'CB' }, returnURL: 'https://shop.example/r', cancelURL: 'https://shop.example/c', order: order(1000), notificationURL: url });
      assert.equal(answer.result.code, '02305');
      assert.match(answer.result.longMessage, /notificationURL/);
      assert.match(answer.result.longMessage, reason);
    }
    const file = (notificationURL: string) =>
      JSON.stringify({ merchants: [{ merchantId: 'm', accessKeyHash: 'scrypt$00$' + '0'.repeat(64), contracts: [{ contractNumber: 'CB', cardTypes: ['CB'], currency: 978 }], pointsOfSell: [{ id: 'p', notificationURL }] }] });
    assert.throws(() => parseMerchants(file('https://u:p@shop.example/n'), 'merchants.json'), /pointsOfSell\[0\]\.notificationURL must not carry credentials/);
  });
});
