import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notificationRequestUrl, paylineNotificationFor } from '../../../server/notify/payline-notification-types.js';
import type { OutboxEvent } from '../../../server/store/store.js';

const event = (type: string, data: OutboxEvent['data']): OutboxEvent => ({ id: 'evt_1', type, merchantId: 'M1', occurredAt: 0, data });
const TOKEN = '0123456789abcdef0123456789abcdef';

describe('Payline notification types (payline-api.md §7.2)', () => {
  it('maps each event to its notificationType, parameters and stop subject', () => {
    const cases: [OutboxEvent, ReturnType<typeof paylineNotificationFor>][] = [
      [event('payment.accepted', { token: TOKEN, transactionId: 'T1' }), { type: 'WEBTRS', params: { token: TOKEN }, subject: `token:${TOKEN}` }],
      [event('payment.refused', { token: TOKEN }), { type: 'WEBTRS', params: { token: TOKEN }, subject: `token:${TOKEN}` }],
      [event('payment.cancelled', { token: TOKEN }), { type: 'WEBTRS', params: { token: TOKEN }, subject: `token:${TOKEN}` }],
      [event('session.expired', { token: TOKEN }), { type: 'WEBTRS', params: { token: TOKEN }, subject: `token:${TOKEN}` }],
      [event('payment.captured', { transactionId: 'T2', token: TOKEN }), { type: 'TRS', params: { transactionId: 'T2' }, subject: 'transaction:T2' }],
      [event('payment.refunded', { transactionId: 'T3' }), { type: 'TRS', params: { transactionId: 'T3' }, subject: 'transaction:T3' }],
      [event('payment.reset', { transactionId: 'T4' }), { type: 'TRS', params: { transactionId: 'T4' }, subject: 'transaction:T4' }],
      [event('payment.refunded', { transactionId: 'T5', walletId: 'W5' }), { type: 'TRSWALLET', params: { transactionId: 'T5', walletId: 'W5' }, subject: 'transaction:T5' }],
      [event('payment.accepted', { transactionId: 'T6', walletId: 'W6' }), { type: 'TRSWALLET', params: { transactionId: 'T6', walletId: 'W6' }, subject: 'transaction:T6' }],
      [event('wallet.created', { walletId: 'W7', contractNumber: 'CB' }), { type: 'WALLET', params: { walletId: 'W7', contractNumber: 'CB' }, subject: 'wallet:W7' }],
      [event('wallet.updated', { token: TOKEN, walletId: 'W8' }), { type: 'WEBWALLET', params: { token: TOKEN }, subject: `token:${TOKEN}` }],
      [
        event('billing.record.paid', { paymentRecordId: 474948, walletId: 'W9', transactionId: 'T9', billingRecordDate: '20201011', orderRef: '000000088' }),
        { type: 'BILL', params: { paymentRecordId: '474948', walletId: 'W9', transactionId: 'T9', billingRecordDate: '20201011', orderRef: '000000088' }, subject: 'paymentRecord:474948' },
      ],
      // Direct payments: the merchant has the answer in hand.
      [event('payment.accepted', { transactionId: 'T10' }), undefined],
      [event('payment.credited', { transactionId: 'T11' }), undefined],
      // A type whose parameters are missing is not sent half-empty.
      [event('wallet.created', { walletId: 'W12' }), undefined],
      [event('webhook.endpoint.disabled', { endpointId: 'we_1' }), undefined],
    ];
    for (const [input, expected] of cases) assert.deepEqual(paylineNotificationFor(input), expected, `${input.type} ${JSON.stringify(input.data)}`);
  });

  it('adds notificationType and the parameters to the merchant’s URL, its own query kept', () => {
    const notification = paylineNotificationFor(event('billing.record.paid', { paymentRecordId: '1', walletId: 'W', transactionId: 'T', billingRecordDate: '20260302', orderRef: 'A&B' }))!;
    assert.equal(
      notificationRequestUrl('https://shop.example/notify?module=payline', notification),
      'https://shop.example/notify?module=payline&notificationType=BILL&paymentRecordId=1&walletId=W&transactionId=T&billingRecordDate=20260302&orderRef=A%26B',
    );
  });
});
