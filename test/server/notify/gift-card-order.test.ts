import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addGiftCard, GIFT, giftWebPaymentRequest } from '../support/gift-card-calls.js';
import { startNotifyTest, verifyWebhook } from './support/notify-harness.js';
import { startReceiver } from './support/receiver.js';

/**
 * An order paid with gift cards and a card is one order for the merchant's server: one WEBTRS
 * notification for its token, one signed payment.accepted webhook carrying both parts.
 */
describe('an order paid with gift cards, as notifications see it', () => {
  it('sends one WEBTRS and one payment.accepted webhook with both parts', async (t) => {
    const notifications = await startReceiver();
    const hooks = await startReceiver();
    const gw = await startNotifyTest();
    t.after(async () => {
      await gw.close();
      await Promise.all([notifications.close(), hooks.close()]);
    });
    notifications.answer(() => ({ status: 204 }));
    hooks.answer(() => ({ status: 204 }));
    const { secret } = await gw.createEndpoint(`${hooks.url}/hooks`);
    const opened = await gw.call('doWebPayment', { ...giftWebPaymentRequest(9000), notificationURL: `${notifications.url}/notify` });
    const token = opened.token as string;
    await addGiftCard(gw, token, GIFT.g50);
    const paid = await gw.pay(token, { number: '4111111111111111', expirationDate: '1255', cvx: '123' });
    assert.equal(paid.result.code, '00000');
    await gw.settle();

    const [webtrs, ...more] = await notifications.waitFor(1);
    assert.deepEqual(more, []);
    assert.match(webtrs!.url, new RegExp(`notificationType=WEBTRS&token=${token}`));
    const [hook, ...others] = await hooks.waitFor(1);
    assert.deepEqual(others, []);
    const payload = verifyWebhook(secret, hook!, gw.clock.now());
    assert.equal(payload.type, 'payment.accepted');
    assert.equal(payload.data.transactionId, paid.session.transaction.id);
    assert.equal(payload.data.orderAmount, 9000);
    assert.deepEqual(payload.data.giftCards, [{ maskedNumber: 'XXXXXXXXXXXXXXX0002', amount: 5000, initialBalance: 5000, finalBalance: 0 }]);
    assert.deepEqual(payload.data.complement, { transactionId: paid.session.complement.transaction.id, amount: 4000, cardType: 'VISA' });
    assert.equal(JSON.parse(payload.data.transaction.partnerAdditionalData)[0].paymentAmount, '5000');
    assert.equal(payload.data.card.type, 'CADEAU_CARREFOUR');
  });
});
