import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { captureRequest, card, CB_CARD, reAuthorizationRequest, refundRequest, resetRequest, searchRequest, webPaymentDetailsRequest } from '../support/requests.js';
import { assertCode, details, expectCode } from '../support/api-helpers.js';
import { addGiftCard, confirmGiftCards, GIFT, GIFT_CONTRACT, giftCardBalance, giftWebPaymentRequest, openGiftSession, sessionView } from '../support/gift-card-calls.js';
import { cancel as cancelSession, pay, THREE_DS_CARDS } from '../support/widget-calls.js';
import { completeChallenge, openChallenge } from '../support/acs-browser.js';

/**
 * Orders paid with gift cards (seed 004) over HTTP, from the widget's calls to the merchant's
 * details, refunds and events: one card covering everything, two cards and a Visa complement,
 * a refused complement retried, cancel and expiry giving the balance back.
 */
const VISA = card('4111111111111111', 'VISA');
const REFUSED_VISA = card('4000000000011009', 'VISA');
const webDetails = (gw: TestGateway, token: string) => gw.call('getWebPaymentDetails', webPaymentDetailsRequest(token));
const payCard = (gw: TestGateway, token: string, c: object = CB_CARD) => pay(gw, token, { card: c });

describe('gift cards: orders paid with gift cards', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  it('shows the gift-card part of the session view before any card: maximum, cards allowed, all left to pay', async () => {
    const token = await openGiftSession(gw, 4200);
    const view = await sessionView(gw, token);
    assert.deepEqual(view.giftCards, { contractNumber: GIFT_CONTRACT, maxAmount: 100000, maxCards: 5, entries: [], coveredAmount: 0, amountLeft: 4200 });
    assert.ok(view.contracts.some((c: any) => c.contractNumber === GIFT_CONTRACT && c.cardTypes[0] === 'CADEAU_CARREFOUR'));
  });

  it('one gift card covering everything: confirm captures it; details carry partnerAdditionalData; no refund (02703)', async () => {
    const token = await openGiftSession(gw, 4200);
    const added = await addGiftCard(gw, token, GIFT.g200);
    assertCode(added, '00000');
    assert.deepEqual(added.giftCard, { id: added.giftCard.id, maskedNumber: 'XXXXXXXXXXXXXXX0003', initialBalance: 20000, amount: 4200, remainingBalance: 15800 });
    assert.deepEqual([added.session.giftCards.coveredAmount, added.session.giftCards.amountLeft], [4200, 0]);
    // The card is not in the answer, nor anywhere in the session view.
    assert.ok(!JSON.stringify(added).includes(GIFT.g200.number));

    const confirmed = await confirmGiftCards(gw, token);
    assertCode(confirmed, '00000', 'ACCEPTED');
    assert.equal(confirmed.session.state, 'ACCEPTED');
    const id = confirmed.transaction.id;
    assert.match(id, /^1\d{17}$/);
    assert.equal(confirmed.session.transaction.id, id);
    assert.equal(confirmed.session.complement, undefined);
    assert.equal(await giftCardBalance(gw, GIFT.g200), 15800);

    const answer = await webDetails(gw, token);
    assertCode(answer, '00000', 'ACCEPTED');
    assert.equal(answer.transaction.id, id);
    assert.deepEqual(JSON.parse(answer.transaction.partnerAdditionalData), [{ PAN: 'XXXXXXXXXXXXXXX0003', initialBalance: '20000', finalBalance: '15800', paymentAmount: '4200' }]);
    assert.equal(answer.paymentAdditionalList, undefined);
    assert.deepEqual(answer.card, { number: 'XXXXXXXXXXXXXXX0003', type: 'CADEAU_CARREFOUR', expirationDate: '' });
    assert.equal(answer.contractNumber, GIFT_CONTRACT);
    const transaction = await details(gw, id);
    assertCode(transaction, '00000');
    assert.equal(transaction.transaction.partnerAdditionalData, answer.transaction.partnerAdditionalData);

    const refund = await expectCode(gw, 'doRefund', refundRequest(id, 100), '02703');
    assert.equal(refund.result.shortMessage, 'ERROR');
    assert.equal(refund.result.longMessage.includes('gift cards only'), true);
    await expectCode(gw, 'doReset', resetRequest(id), '02703');
    await expectCode(gw, 'doCapture', captureRequest(id, 100), '02703');
    await expectCode(gw, 'doReAuthorization', reAuthorizationRequest(id, 100), '02703');
    // The order is paid: a new session for it is a duplicate.
    const again = await gw.call('doWebPayment', giftWebPaymentRequest(4200, { orderRef: answer.order.ref }));
    assertCode(again, '02001');
    assert.match(again.result.longMessage, new RegExp(`paid by transaction ${id}`));
    // Confirming twice changes nothing: the order is paid (02001).
    assertCode(await confirmGiftCards(gw, token), '02001');
    assert.equal(await giftCardBalance(gw, GIFT.g200), 15800);
  });

  it('two gift cards and a Visa complement through /pay: both parts in the details, one order; refunds by either reference go to the Visa', async () => {
    const token = await openGiftSession(gw, 12000);
    const first = await addGiftCard(gw, token, GIFT.g30);
    const second = await addGiftCard(gw, token, GIFT.g50);
    assert.deepEqual([first.giftCard.amount, second.giftCard.amount, second.session.giftCards.amountLeft], [3000, 5000, 4000]);
    assertCode(await confirmGiftCards(gw, token), '02305');
    assert.equal((await confirmGiftCards(gw, token)).result.reason, 'amount-left');

    const paid = await payCard(gw, token, VISA);
    assertCode(paid, '00000');
    assert.equal(paid.session.state, 'ACCEPTED');
    const giftId = paid.session.transaction.id;
    const complementId = paid.session.complement.transaction.id;
    assert.notEqual(giftId, complementId);
    assert.equal(paid.transaction.id, complementId);
    assert.deepEqual([paid.session.complement.amount, paid.session.complement.card.number], [4000, '411111XXXXXX1111']);
    assert.equal(await giftCardBalance(gw, GIFT.g30), 0);
    assert.equal(await giftCardBalance(gw, GIFT.g50), 0);

    const answer = await webDetails(gw, token);
    assertCode(answer, '00000');
    assert.equal(answer.transaction.id, giftId);
    assert.deepEqual(JSON.parse(answer.transaction.partnerAdditionalData), [
      { PAN: 'XXXXXXXXXXXXXXX0001', initialBalance: '3000', finalBalance: '0', paymentAmount: '3000' },
      { PAN: 'XXXXXXXXXXXXXXX0002', initialBalance: '5000', finalBalance: '0', paymentAmount: '5000' },
    ]);
    const [additional] = answer.paymentAdditionalList.paymentAdditional;
    assert.equal(additional.transaction.id, complementId);
    assert.deepEqual([additional.payment.amount, additional.payment.contractNumber, additional.card.number], [4000, 'CB', '411111XXXXXX1111']);

    // transactionsSearch lists both parts of the order.
    const search = await gw.call('transactionsSearch', searchRequest({ orderRef: answer.order.ref }));
    assert.deepEqual(new Set(search.transactionList.transaction.map((t: any) => t.id)), new Set([giftId, complementId]));

    // Refund by the gift-card reference: the Visa is refunded, the answer names its transaction.
    const byGift = await expectCode(gw, 'doRefund', refundRequest(giftId, 1500), '00000');
    const refundOf = await details(gw, byGift.transaction.id);
    assert.equal(refundOf.associatedTransactionsList.associatedTransactions[0].transactionId, complementId);
    const byComplement = await expectCode(gw, 'doRefund', refundRequest(complementId, 2500), '00000');
    assert.notEqual(byComplement.transaction.id, byGift.transaction.id);
    // Never more than the Visa captured (4000), whichever reference is used; the gift cards stay spent.
    await expectCode(gw, 'doRefund', refundRequest(giftId, 1), '02613');
    const complement = await details(gw, complementId);
    assert.deepEqual(complement.associatedTransactionsList.associatedTransactions.map((t: any) => [t.type, t.amount]), [
      ['AUTHORIZATION_CAPTURE', 4000],
      ['REFUND', 1500],
      ['REFUND', 2500],
    ]);
    assert.equal(await giftCardBalance(gw, GIFT.g30), 0);

    // One payment.accepted for the order, carrying both parts.
    const events = (await gw.gateway.store.readEvents(0, 10_000)).filter((e) => e.data.token === token);
    const accepted = events.filter((e) => e.type === 'payment.accepted');
    assert.equal(accepted.length, 1);
    assert.equal(accepted[0]!.data.paymentId, giftId);
    assert.deepEqual(accepted[0]!.data.complement, { transactionId: complementId, amount: 4000, cardType: 'VISA' });
    assert.equal(accepted[0]!.data.orderAmount, 12000);
    assert.deepEqual((accepted[0]!.data.giftCards as any[]).map((g) => g.amount), [3000, 5000]);
  });

  it('a refused complement keeps the reservations; retried and accepted, the cards are captured', async () => {
    const token = await openGiftSession(gw, 15000);
    assertCode(await addGiftCard(gw, token, GIFT.g100), '00000');
    const refused = await payCard(gw, token, REFUSED_VISA);
    assert.equal(refused.result.code.startsWith('01'), true, JSON.stringify(refused.result));
    assert.equal(refused.session.state, 'WAITING');
    assert.equal(refused.session.giftCards.entries.length, 1);
    // Still reserved: another shopper sees nothing left on the card.
    assert.equal(await giftCardBalance(gw, GIFT.g100), 0);
    const accepted = await payCard(gw, token, CB_CARD);
    assertCode(accepted, '00000');
    assert.equal(accepted.session.complement.amount, 5000);
    assert.equal(await giftCardBalance(gw, GIFT.g100), 0);
    const answer = await webDetails(gw, token);
    assert.equal(answer.numberOfAttempt, 2);
    assert.equal(JSON.parse(answer.transaction.partnerAdditionalData)[0].paymentAmount, '10000');
  });

  it('a complement with a 3-D Secure challenge: the held attempt pays what the gift cards left, then the cards are captured', async () => {
    const token = await openGiftSession(gw, 6000);
    assertCode(await addGiftCard(gw, token, GIFT.g20), '00000');
    const asked = await payCard(gw, token, THREE_DS_CARDS.challengePass);
    assertCode(asked, '03101');
    assert.equal(asked.session.state, 'AUTHENTICATING');
    // No card may be added or removed while the challenge waits.
    assertCode(await addGiftCard(gw, token, GIFT.g10), '02002');
    await completeChallenge(gw, await openChallenge(asked.challenge.url, { origin: 'https://shop.example' }), 'authenticate');
    const view = await sessionView(gw, token);
    assert.equal(view.state, 'ACCEPTED');
    assert.deepEqual([view.complement.amount, view.complement.transaction.threeDSecure], [4000, 'Y']);
    assert.equal(await giftCardBalance(gw, GIFT.g20), 0);
    assert.equal(await giftCardBalance(gw, GIFT.g10), 1000);
  });

  it('releases the reservations when the complement finally fails (attempts exhausted)', async () => {
    const fresh = await startTestGateway();
    try {
      const token = await openGiftSession(fresh, 15000);
      assertCode(await addGiftCard(fresh, token, GIFT.g100), '00000');
      for (let i = 0; i < 3; i++) await payCard(fresh, token, REFUSED_VISA);
      const view = await sessionView(fresh, token);
      assert.equal(view.state, 'REFUSED');
      assert.equal(await giftCardBalance(fresh, GIFT.g100), 10000);
    } finally {
      await fresh.close();
    }
  });

  it('cancel after a gift card restores its balance', async () => {
    const token = await openGiftSession(gw, 2000);
    assertCode(await addGiftCard(gw, token, GIFT.g1500), '00000');
    const before = await giftCardBalance(gw, GIFT.g1500);
    assert.equal(before, 150000 - 2000);
    const cancelled = await (await cancelSession(gw, token, 'https://shop.example')).json();
    assertCode(cancelled, '02319');
    assert.equal(await giftCardBalance(gw, GIFT.g1500), 150000);
  });

  it('session expiry restores the balance, with the test clock', async () => {
    const token = await openGiftSession(gw, 2000);
    assertCode(await addGiftCard(gw, token, GIFT.g1500), '00000');
    assert.equal(await giftCardBalance(gw, GIFT.g1500), 148000);
    await gw.advance(16 * 60 * 1000);
    assert.equal((await sessionView(gw, token)).state, 'EXPIRED');
    assert.equal(await giftCardBalance(gw, GIFT.g1500), 150000);
  });

  it('doWebPayment with a gift-card contract takes action 101 and mode CPT only', async () => {
    const action = await expectCode(gw, 'doWebPayment', giftWebPaymentRequest(1000, { action: 100 }), '02321');
    assert.match(action.result.longMessage, /^payment\.action must be 101/);
    const mode = await expectCode(gw, 'doWebPayment', giftWebPaymentRequest(1000, { mode: 'DIF' }), '02308');
    assert.match(mode.result.longMessage, /^payment\.mode must be CPT/);
  });
});
