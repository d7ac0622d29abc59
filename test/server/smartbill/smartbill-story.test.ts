import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SANDBOX_MERCHANT } from '../../../server/merchants/sandbox-merchant.js';
import { verifyWebhook } from '../notify/support/notify-harness.js';
import { order, VERSION } from '../support/requests.js';
import { AMEX_EA, createWalletRequest, DAY, getWalletRequest, HOUR, MERCHANT_TO, SANDBOX_AUTH, startSmartBillTest, type SmartBillTest } from './support/smartbill-harness.js';

/**
 * The whole Amex Recurring (SmartBill) story over real HTTP (seed 001): the web pages' 1 EUR
 * check, a card saved WR, the enrolment batch 24 hours later on the test clock (EA, the server
 * notification and the email), payments by alias with a soft descriptor, a new expiry (EDU) and
 * a cancellation (CC) from the network, each with its notifications and signed webhooks.
 */
describe('Amex Recurring: register, enrol, pay by alias, network updates', () => {
  let t: SmartBillTest;
  let secret: string;
  const walletId = 'CUST-1001';

  before(async () => {
    t = await startSmartBillTest();
    const endpoint = await t.fetch('/api/webhook-endpoints', {
      method: 'POST',
      headers: { authorization: SANDBOX_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${t.receiver.url}/webhooks`, eventTypes: ['wallet.card_status_changed'] }),
    });
    assert.equal(endpoint.status, 201);
    secret = ((await endpoint.json()) as { secret: string }).secret;
  });
  after(() => t.close());

  // The web-wallet pages (createWebWallet, the widget) call SmartBillService.verifyCard before saving an AMEX-REC BILLING card.
  it('the web pages check the card with a 1 EUR authorization before saving it', async () => {
    const checked = await t.gateway.smartBill.verifyCard(SANDBOX_MERCHANT, { walletId, contractNumber: 'AMEX-REC', card: { number: AMEX_EA, type: 'AMEX-REC BILLING', expirationDate: '1230', cvx: '1234' } });
    assert.ok(checked.ok && checked.transactionId, JSON.stringify(checked));
    const details = await t.call('getTransactionDetails', { version: VERSION, transactionId: checked.transactionId });
    assert.equal(details.result.code, '00000');
    assert.equal(details.payment.amount, 100, '1 EUR');
    assert.equal(details.payment.action, 100, 'an authorization, not captured');
    assert.equal(details.payment.contractNumber, 'AMEX-REC');
    assert.equal(details.card.number, '374200XXXXX0004');
  });

  it('a card on another contract needs no check', async () => {
    assert.deepEqual(await t.gateway.smartBill.verifyCard(SANDBOX_MERCHANT, { walletId, contractNumber: 'AMEX', card: { number: AMEX_EA, type: 'AMEX', expirationDate: '1230' } }), { ok: true });
  });

  it('a card refused by its bank is not saved: the 1 EUR authorization answers for it', async () => {
    // The amount simulator does not apply: 1 EUR is not a 333.xx amount; an expired card is refused by the acquirer.
    const checked = await t.gateway.smartBill.verifyCard(SANDBOX_MERCHANT, { walletId, contractNumber: 'AMEX-REC', card: { number: AMEX_EA, type: 'AMEX-REC BILLING', expirationDate: '0125' } });
    assert.deepEqual({ ok: checked.ok, code: (checked as { code: string }).code }, { ok: false, code: '01101' });
  });

  it('createWallet saves the card with card_status WR; the wallet-created server notification goes out', async () => {
    const created = await t.call('createWallet', createWalletRequest(walletId, AMEX_EA));
    assert.equal(created.result.code, '02500', JSON.stringify(created.result));
    const wallet = await t.call('getWallet', getWalletRequest(walletId));
    assert.equal(wallet.wallet.card_status, 'WR');
    assert.equal(wallet.isDisabled, '0');
    await t.settle();
    assert.deepEqual(t.notifications(), [{ notificationType: 'WALLET', walletId, contractNumber: 'AMEX-REC' }]);
  });

  it('23 hours later the card still waits; at 24 hours the batch enrols it (EA), notifies the server and emails the merchant', async () => {
    await t.tick(23 * HOUR);
    assert.equal((await t.call('getWallet', getWalletRequest(walletId))).wallet.card_status, 'WR');
    await t.tick(HOUR);
    assert.equal((await t.call('getWallet', getWalletRequest(walletId))).wallet.card_status, 'EA');
    const enrolment = t.notifications().find((n) => n.type === 'smartbillEnrollResult');
    assert.deepEqual(enrolment, { notificationType: 'Wallet', walletId, type: 'smartbillEnrollResult', result: 'Y', resultCode: '00' });
    const [mail] = await t.smtp.waitFor(1);
    assert.equal(mail!.subject, "Résultat d' enrôlement SmartBill");
    assert.equal(mail!.to && 'text' in mail!.to ? mail!.to.text : '', MERCHANT_TO);
    assert.match(mail!.text!, /Bonjour\n\nL' enrôlement de votre portefeuille Smartbill suivant a été validé par American Express\n\nN° portefeuille: CUST-1001\.\n\nCordialement/);
    const hook = t.receiver.received.find((r) => r.url === '/webhooks');
    const payload = verifyWebhook(secret, hook!, t.clock.now());
    assert.equal(payload.type, 'wallet.card_status_changed');
    assert.deepEqual(
      { walletId: payload.data.walletId, cardInd: payload.data.cardInd, alias: payload.data.alias, cardStatus: payload.data.cardStatus, previous: payload.data.previousCardStatus },
      { walletId, cardInd: 1, alias: 'CUST-10011', cardStatus: 'EA', previous: 'WR' },
    );
  });

  it('doImmediateWalletPayment pays by alias and carries the soft descriptor to the transaction', async () => {
    const paid = await t.call('doImmediateWalletPayment', {
      version: VERSION,
      payment: { amount: 4990, currency: 978, action: 101, mode: 'CPT', contractNumber: 'AMEX-REC', softDescriptor: 'GUICHET*ABO MARS' },
      order: order(4990),
      walletId,
      cardInd: 1,
    });
    assert.equal(paid.result.code, '00000', JSON.stringify(paid.result));
    assert.equal(paid.transaction.softDescriptor, 'GUICHET*ABO MARS');
    const details = await t.call('getTransactionDetails', { version: VERSION, transactionId: paid.transaction.id });
    assert.equal(details.transaction.softDescriptor, 'GUICHET*ABO MARS');
    assert.equal(details.card.type, 'AMEX-REC BILLING');
  });

  it('doScheduledWalletPayment pays on its date, soft descriptor included', async () => {
    const scheduled = await t.call('doScheduledWalletPayment', {
      version: VERSION,
      payment: { amount: 1500, currency: 978, action: 101, mode: 'CPT', contractNumber: 'AMEX-REC', softDescriptor: 'GUICHET*ECHEANCE' },
      orderRef: 'SCH-1',
      scheduledDate: '04/03/2026',
      walletId,
      cardInd: 1,
    });
    assert.equal(scheduled.result.code, '02500', JSON.stringify(scheduled.result));
    await t.tick(2 * DAY);
    const record = await t.call('getPaymentRecord', { version: VERSION, contractNumber: 'AMEX-REC', paymentRecordId: scheduled.paymentRecordId });
    const billing = record.billingRecordList.billingRecord[0];
    assert.equal(billing.status, 1, JSON.stringify(billing));
    const details = await t.call('getTransactionDetails', { version: VERSION, transactionId: billing.transaction.id });
    assert.equal(details.transaction.softDescriptor, 'GUICHET*ECHEANCE');
    assert.equal(details.payment.amount, 1500);
  });

  it('the network gives a new expiry (EDU): the card takes it, card_status EDU', async () => {
    const response = await t.fetch('/sandbox/smartbill/updates', {
      method: 'POST',
      headers: { authorization: SANDBOX_AUTH, 'content-type': 'application/x-ndjson' },
      body: `{"alias":"CUST-10011","status":"EDU","expirationDate":"0633"}\n`,
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { applied: 1, unchanged: 0, refused: [], errors: [] });
    const wallet = await t.call('getWallet', getWalletRequest(walletId));
    assert.equal(wallet.wallet.card_status, 'EDU');
    assert.equal(wallet.wallet.card.expirationDate, '0633');
    await t.settle();
    assert.equal(t.notifications().filter((n) => n.notificationType === 'Wallet').length, 1, 'EDU is not in the seed’s notification table');
  });

  it('the network cancels the card (CC): the card is disabled, the server is notified with the CancellationCode', async () => {
    const response = await t.fetch('/sandbox/smartbill/updates', {
      method: 'POST',
      headers: { authorization: SANDBOX_AUTH, 'content-type': 'text/plain' },
      body: `{"alias":"CUST-10011","status":"CC","cancellationCode":"C07"}`,
    });
    assert.deepEqual(await response.json(), { applied: 1, unchanged: 0, refused: [], errors: [] });
    const wallet = await t.call('getWallet', getWalletRequest(walletId));
    assert.equal(wallet.wallet.card_status, 'CC');
    assert.equal(wallet.isDisabled, '1');
    await t.settle();
    const cancelled = t.notifications().find((n) => n.type === 'smartBillCanceledCard');
    assert.deepEqual(cancelled, { notificationType: 'Wallet', walletId, type: 'smartBillCanceledCard', CancellationCode: 'C07' });
    const refused = await t.call('doImmediateWalletPayment', {
      version: VERSION,
      payment: { amount: 4990, currency: 978, action: 101, mode: 'CPT', contractNumber: 'AMEX-REC' },
      order: order(4990),
      walletId,
      cardInd: 1,
    });
    assert.equal(refused.result.code, '02505', 'a disabled card cannot pay');
    const hooks = t.receiver.received.filter((r) => r.url === '/webhooks').map((r) => verifyWebhook(secret, r, Number(r.headers['webhook-timestamp']) * 1000).data.cardStatus);
    assert.deepEqual(hooks, ['EA', 'EDU', 'CC']);
  });

  it('the same cancellation again changes nothing; an update for an unknown alias is refused by line', async () => {
    const response = await t.fetch('/sandbox/smartbill/updates', {
      method: 'POST',
      headers: { authorization: SANDBOX_AUTH },
      body: `{"alias":"CUST-10011","status":"CC","cancellationCode":"C07"}\n{"alias":"NOBODY1","status":"PU","product":"Gold"}`,
    });
    assert.deepEqual(await response.json(), {
      applied: 0,
      unchanged: 1,
      refused: [{ line: 2, alias: 'NOBODY1', message: 'alias NOBODY1 is not an Amex Recurring card of this merchant' }],
      errors: [],
    });
  });

  it('the sandbox endpoint wants the merchant’s key and a body', async () => {
    assert.equal((await t.fetch('/sandbox/smartbill/updates', { method: 'POST', body: '{}' })).status, 401);
    const empty = await t.fetch('/sandbox/smartbill/updates', { method: 'POST', headers: { authorization: SANDBOX_AUTH }, body: '' });
    assert.equal(empty.status, 400);
    const huge = await t.fetch('/sandbox/smartbill/updates', { method: 'POST', headers: { authorization: SANDBOX_AUTH }, body: '#'.repeat(1024 * 1024 + 1) });
    assert.equal(huge.status, 413);
  });
});
