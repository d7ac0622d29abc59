import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { assertCode, DAY, details, expectCode } from '../support/api-helpers.js';
import { SANDBOX_AUTH } from '../support/gateway-harness.js';
import { CB_CARD, card } from '../support/requests.js';
import { createWalletRequest, nextWalletId, recordRequest, recurrentRequest, scheduledRequest, updateWalletRequest } from '../support/wallet-requests.js';
import { startNotifyTest, verifyWebhook, type NotifyTest } from '../notify/support/notify-harness.js';
import { startReceiver, type Receiver } from '../notify/support/receiver.js';

/*
 * Recurring payments played on the sandbox test clock over HTTP (POST /sandbox/clock): a year of
 * a monthly subscription, a 4-times payment whose refused due date is retried then stopped by
 * 01133, retries running out, 01132; with the BILL, WALLET and TRSWALLET server notifications
 * and the signed webhooks a real receiver gets. TEST_EPOCH is 02/03/2026, 11:00 in Paris.
 */

const WEBHOOK_TYPES = ['wallet.created', 'wallet.updated', 'billing.succeeded', 'billing.failed', 'payment_record.disabled', 'payment.accepted'];
const REVOKE_ALL = '4970110000011333';
const REVOKE_ONE = '4970110000011325';

function query(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url, 'http://receiver').searchParams);
}

describe('recurring payments on the test clock', () => {
  let t: NotifyTest;
  let notifications: Receiver;
  let hooks: Receiver;
  let secret: string;

  beforeEach(async () => {
    notifications = await startReceiver();
    hooks = await startReceiver();
    t = await startNotifyTest({ merchant: { notificationURL: `${notifications.url}/payline` } });
    secret = (await t.createEndpoint(`${hooks.url}/hooks`, WEBHOOK_TYPES)).secret;
  });
  afterEach(async () => {
    await t.close();
    await Promise.all([notifications.close(), hooks.close()]);
  });

  /** POST /sandbox/clock, then waits for the notifications of what ran. */
  async function jump(seconds: number): Promise<number> {
    const response = await t.fetch('/sandbox/clock', { method: 'POST', headers: { authorization: SANDBOX_AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ advanceSeconds: seconds }) });
    assert.equal(response.status, 200);
    const { jobsRun } = (await response.json()) as { jobsRun: number };
    await t.tick(0);
    return jobsRun;
  }

  const notified = (type: string) => notifications.received.map((r) => query(r.url)).filter((q) => q.notificationType === type);
  // Each checked at its own send time: the test clock has moved on since.
  const webhooks = (type: string) => hooks.received.map((r) => verifyWebhook(secret, r, Number(r.headers['webhook-timestamp']) * 1000)).filter((p) => p.type === type);
  const billings = async (id: string) => (await expectCode(t, 'getPaymentRecord', recordRequest(id), '02500')).billingRecordList.billingRecord as any[];

  async function newWallet(walletCard: object = CB_CARD): Promise<string> {
    const walletId = nextWalletId();
    await expectCode(t, 'createWallet', createWalletRequest(walletId, walletCard), '02500');
    return walletId;
  }

  it('plays a year of a monthly subscription: 12 due dates paid on their days, in order, each notified (BILL, billing.succeeded)', async () => {
    const walletId = await newWallet();
    await t.settle();
    assert.deepEqual(notified('WALLET'), [{ notificationType: 'WALLET', walletId, contractNumber: 'CB' }]);
    assert.equal(webhooks('wallet.created')[0].data.walletId, walletId);

    const { paymentRecordId } = await expectCode(t, 'doRecurrentWalletPayment', recurrentRequest(walletId, 'REC', 990, { amount: 990, billingCycle: 40, billingLeft: 12 }), '02500');
    const jobsRun = await jump(365 * 24 * 3600);
    assert.ok(jobsRun >= 12, `jobs run: ${jobsRun}`);

    const due = await billings(paymentRecordId);
    const days = ['02/03/2026', '02/04/2026', '02/05/2026', '02/06/2026', '02/07/2026', '02/08/2026', '02/09/2026', '02/10/2026', '02/11/2026', '02/12/2026', '02/01/2027', '02/02/2027'];
    assert.deepEqual(due.map((b) => [b.rank, b.date, b.status, b.nbTry, b.result.code]), days.map((d, i) => [i + 1, d, 1, 1, '00000']));
    for (const billing of due) {
      const transaction = await details(t, billing.transaction.id);
      assert.equal(transaction.transaction.date.slice(0, 10), billing.date, 'paid on its own day, not on the day the clock stopped');
      assert.equal(transaction.payment.mode, 'REC');
      assert.equal(transaction.payment.amount, 990);
    }

    const bills = notified('BILL');
    assert.equal(bills.length, 12);
    assert.deepEqual(bills.map((q) => q.billingRecordDate), days.map((d) => d.split('/').reverse().join('')));
    assert.deepEqual(bills[0], {
      notificationType: 'BILL',
      paymentRecordId,
      walletId,
      transactionId: due[0].transaction.id,
      billingRecordDate: '20260302',
      orderRef: `rec-${walletId}`,
    });
    const succeeded = webhooks('billing.succeeded');
    assert.deepEqual(succeeded.map((p) => p.data.rank), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    assert.equal(succeeded[3].data.transaction.id, due[3].transaction.id);
    assert.equal(succeeded[3].data.card.number, '497010XXXXXX4455', 'the masked card only');
    assert.equal(notified('TRSWALLET').length, 0, 'due dates are told by BILL only');
  });

  it('plays a 4-times payment: a refused due date is retried (status 3) then stopped on 01133 with every record of the card', async () => {
    const walletId = await newWallet();
    await expectCode(t, 'updateWallet', updateWalletRequest(walletId, card('4111111111111111')), '02500');
    const nx = await expectCode(t, 'doRecurrentWalletPayment', recurrentRequest(walletId, 'NX', 4000, { amount: 1000, billingCycle: 40, billingLeft: 4 }), '02500');
    const sameCard = await expectCode(t, 'doRecurrentWalletPayment', recurrentRequest(walletId, 'REC', 500, { amount: 500, billingCycle: 40, startDate: '15/03/2026' }, { orderRef: 'same-card' }), '02500');
    const otherCard = await expectCode(t, 'doRecurrentWalletPayment', recurrentRequest(walletId, 'REC', 500, { amount: 500, billingCycle: 40, startDate: '15/03/2026' }, { orderRef: 'other-card', cardInd: 2 }), '02500');
    await jump(0);
    assert.equal((await billings(nx.paymentRecordId))[0].status, 1);

    // The second due date asks the amount simulator for a refusal (333.05 → 01100).
    const second = (await billings(nx.paymentRecordId))[1];
    await expectCode(t, 'updateBillingRecord', { contractNumber: 'CB', paymentRecordId: nx.paymentRecordId, billingRecordId: second.billingRecordId, billingRecordForUpdate: { amount: 33305 } }, '02500');
    await jump(31 * 24 * 3600 + 6 * 3600); // 02/04 18:00: refused once at midnight, retried the next day
    let [, refused] = await billings(nx.paymentRecordId);
    assert.deepEqual([refused.status, refused.nbTry, refused.result.code], [3, 1, '01100']);
    await jump(24 * 3600); // the retry, refused again
    [, refused] = await billings(nx.paymentRecordId);
    assert.deepEqual([refused.status, refused.nbTry, refused.result.code], [3, 2, '01100']);

    // Meanwhile the card in the wallet is replaced by one the bank revokes altogether.
    await expectCode(t, 'updateWallet', updateWalletRequest(walletId, card(REVOKE_ALL), 1), '02500');
    await jump(3 * 24 * 3600);
    const after = await billings(nx.paymentRecordId);
    assert.deepEqual(after.map((b) => [b.rank, b.status, b.nbTry]), [[1, 1, 1], [2, 4, 3], [3, 4, 0], [4, 4, 0]]);
    assert.equal(after[1].result.code, '01133');
    assertCode(await details(t, after[1].transaction.id), '01133', 'REFUSED');
    const record = await expectCode(t, 'getPaymentRecord', recordRequest(nx.paymentRecordId), '02500');
    assert.equal(record.isDisabled, '1');
    const revoked = await expectCode(t, 'getPaymentRecord', recordRequest(sameCard.paymentRecordId), '02500');
    assert.equal(revoked.isDisabled, '1', 'every record of the card stops');
    const untouched = await expectCode(t, 'getPaymentRecord', recordRequest(otherCard.paymentRecordId), '02500');
    assert.equal(untouched.isDisabled, '0', 'the other card pays on');
    assert.equal(untouched.billingRecordList.billingRecord[0].status, 1);

    await jump(90 * 24 * 3600);
    assert.deepEqual((await billings(nx.paymentRecordId)).map((b) => b.status), [1, 4, 4, 4], 'nothing runs after the stop');

    const failed = webhooks('billing.failed').filter((p) => p.data.paymentRecordId === nx.paymentRecordId);
    assert.deepEqual(failed.map((p) => [p.data.code, p.data.status, typeof p.data.retryAt]), [['01100', 3, 'number'], ['01100', 3, 'number'], ['01133', 4, 'undefined']]);
    assert.deepEqual(webhooks('payment_record.disabled').map((p) => p.data.paymentRecordId).sort(), [nx.paymentRecordId, sameCard.paymentRecordId].sort());
    const bills = notified('BILL').filter((q) => q.paymentRecordId === nx.paymentRecordId);
    assert.equal(bills.length, 4, 'BILL for the first payment and each refused attempt');
    assert.ok(bills.every((q) => q.transactionId && q.walletId === walletId));
  });

  it('gives a due date up after 4 refused attempts (status 2), and the next one still runs', async () => {
    const walletId = await newWallet();
    const { paymentRecordId, billingRecordList } = await expectCode(t, 'doRecurrentWalletPayment', recurrentRequest(walletId, 'NX', 2000, { amount: 1000, billingCycle: 40, billingLeft: 2, startDate: '03/03/2026' }), '02500');
    const first = billingRecordList.billingRecord[0];
    await expectCode(t, 'updateBillingRecord', { contractNumber: 'CB', paymentRecordId, billingRecordId: first.billingRecordId, billingRecordForUpdate: { amount: 33305 } }, '02500');
    await jump(10 * 24 * 3600); // tries on 03/03, 04/03, 06/03 and 10/03
    const [given] = await billings(paymentRecordId);
    assert.deepEqual([given.status, given.nbTry, given.result.code], [2, 4, '01100']);
    await jump(30 * 24 * 3600);
    assert.deepEqual((await billings(paymentRecordId)).map((b) => b.status), [2, 1]);
  });

  it('stops only the record on 01132; another record of the card goes on', async () => {
    const walletId = await newWallet(card(REVOKE_ONE));
    const revoked = await expectCode(t, 'doRecurrentWalletPayment', recurrentRequest(walletId, 'REC', 800, { amount: 800, billingCycle: 40, billingLeft: 3 }), '02500');
    const later = await expectCode(t, 'doRecurrentWalletPayment', recurrentRequest(walletId, 'REC', 800, { amount: 800, billingCycle: 40, startDate: '20/03/2026' }, { orderRef: 'later' }), '02500');
    await jump(3600);
    assert.deepEqual((await billings(revoked.paymentRecordId)).map((b) => [b.status, b.nbTry]), [[4, 1], [4, 0], [4, 0]]);
    const other = await expectCode(t, 'getPaymentRecord', recordRequest(later.paymentRecordId), '02500');
    assert.equal(other.isDisabled, '0');
  });

  it('pays a scheduled payment on its day and notifies TRSWALLET with the transaction and the wallet', async () => {
    const walletId = await newWallet();
    const { paymentRecordId } = await expectCode(t, 'doScheduledWalletPayment', scheduledRequest(walletId, 4200, '10/03/2026'), '02500');
    await jump(8 * 24 * 3600);
    const [paid] = await billings(paymentRecordId);
    assert.equal(paid.status, 1);
    assert.deepEqual(notified('TRSWALLET'), [{ notificationType: 'TRSWALLET', transactionId: paid.transaction.id, walletId }]);
    assert.equal(notified('BILL').length, 0);
  });

  it('notifies WALLET for updates, disabling and enabling', async () => {
    const walletId = await newWallet();
    await expectCode(t, 'updateWallet', updateWalletRequest(walletId, card('4111111111111111')), '02500');
    await expectCode(t, 'disableWallet', { contractNumber: 'CB', walletIdList: [walletId] }, '02500');
    await expectCode(t, 'enableWallet', { contractNumber: 'CB', walletId }, '02500');
    await t.settle();
    assert.equal(notified('WALLET').filter((q) => q.walletId === walletId).length, 4);
    assert.equal(webhooks('wallet.updated')[0].data.cardInd, 2);
  });

  it('stops the WALLET retries once the merchant has read the wallet (getWallet)', async () => {
    notifications.answer(() => ({ status: 500 }));
    const walletId = await newWallet();
    await t.settle();
    const tries = notifications.received.length;
    assert.ok(tries >= 1);
    await expectCode(t, 'getWallet', { version: '34', contractNumber: 'CB', walletId }, '02500');
    await t.tick(10 * 60_000);
    assert.equal(notifications.received.length, tries, 'no retry after getWallet');
  });

  it('runs the due dates of a whole year when the clock is set to a date (set)', async () => {
    const walletId = await newWallet();
    const { paymentRecordId } = await expectCode(t, 'doRecurrentWalletPayment', recurrentRequest(walletId, 'REC', 300, { amount: 300, billingCycle: 60 }), '02500');
    const response = await t.fetch('/sandbox/clock', { method: 'POST', headers: { authorization: SANDBOX_AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ set: new Date(t.clock.now() + 365 * DAY).toISOString() }) });
    assert.equal(response.status, 200);
    // Quarterly from 02/03/2026, without end, up to 02/03/2027 11:00: five paid, the sixth listed to come.
    assert.deepEqual((await billings(paymentRecordId)).map((b) => [b.date, b.status]), [
      ['02/03/2026', 1], ['02/06/2026', 1], ['02/09/2026', 1], ['02/12/2026', 1], ['02/03/2027', 1], ['02/06/2027', 0],
    ]);
  });
});
