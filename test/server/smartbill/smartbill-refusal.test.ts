import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashAccessKey } from '../../../server/merchants/access-key.js';
import type { Merchant } from '../../../server/merchants/merchant.js';
import { SANDBOX_MERCHANT } from '../../../server/merchants/sandbox-merchant.js';
import { VERSION } from '../support/requests.js';
import { AMEX_ER_UNKNOWN, basicAuth, createWalletRequest, DAY, getWalletRequest, pointOfSell, SANDBOX_AUTH, startSmartBillTest, type SmartBillTest } from './support/smartbill-harness.js';

/**
 * The refusal path (seed 001): a card the network refuses (ER) 24 hours after it was saved. The
 * wallet, its payment records and their billing records are disabled; the server notification
 * says result=N with the code; the merchant's email, in French for one merchant and English for
 * another, carries the seed's words with the refusal code and description, over real SMTP.
 */
describe('Amex Recurring: enrolment refused (ER)', () => {
  let t: SmartBillTest;
  const EN_KEY = 'en-shop-key';
  let enAuth: string;
  let enMerchant: Merchant;
  let recordId: string;

  before(async () => {
    enAuth = basicAuth('en-shop', EN_KEY);
    const hash = await hashAccessKey(EN_KEY);
    t = await startSmartBillTest({
      others: (receiver) => {
        enMerchant = { ...SANDBOX_MERCHANT, merchantId: 'en-shop', name: 'English shop', accessKeyHash: hash, defaultLanguage: 'en', pointsOfSell: [pointOfSell(receiver, { notificationURL: `${receiver.url}/en` })] };
        return [enMerchant];
      },
    });
    assert.equal((await t.call('createWallet', createWalletRequest('FR-1', AMEX_ER_UNKNOWN))).result.code, '02500');
    assert.equal((await t.callAs(enAuth, 'createWallet', createWalletRequest('EN-1', AMEX_ER_UNKNOWN))).result.code, '02500');
    const subscription = await t.call('doRecurrentWalletPayment', {
      version: VERSION,
      payment: { amount: 990, currency: 978, action: 101, mode: 'REC', contractNumber: 'AMEX-REC' },
      orderRef: 'SUB-FR-1',
      walletId: 'FR-1',
      recurring: { amount: 990, billingCycle: 40, startDate: '01/04/2026' },
    });
    assert.equal(subscription.result.code, '02500', JSON.stringify(subscription.result));
    recordId = subscription.paymentRecordId;
  });
  after(() => t.close());

  it('the batch answers ER: the wallet is disabled with card_status ER', async () => {
    await t.tick(DAY);
    const wallet = await t.call('getWallet', getWalletRequest('FR-1'));
    assert.equal(wallet.wallet.card_status, 'ER');
    assert.equal(wallet.isDisabled, '1');
    assert.ok(wallet.disableDate, 'dated');
    const en = await t.callAs(enAuth, 'getWallet', getWalletRequest('EN-1'));
    assert.deepEqual([en.wallet.card_status, en.isDisabled], ['ER', '1']);
  });

  it('its payment records and their billing records are disabled', async () => {
    const record = await t.call('getPaymentRecord', { version: VERSION, contractNumber: 'AMEX-REC', paymentRecordId: recordId });
    assert.equal(record.isDisabled, '1');
    const statuses = [record.billingRecordList.billingRecord].flat().map((b: { status: number }) => b.status);
    assert.ok(statuses.length > 0 && statuses.every((s) => s === 4), `billing statuses ${statuses.join(',')}`);
    await t.tick(40 * DAY);
    const later = await t.call('getPaymentRecord', { version: VERSION, contractNumber: 'AMEX-REC', paymentRecordId: recordId });
    assert.ok([later.billingRecordList.billingRecord].flat().every((b: { status: number; nbTry?: number }) => b.status === 4 && !b.nbTry), 'nothing ran on 1 April');
  });

  it('the server notification says result=N with the refusal code', () => {
    const results = t.receiver.received.filter((r) => r.url.includes('smartbillEnrollResult')).map((r) => r.url);
    assert.deepEqual(results.sort(), [
      '/en?notificationType=Wallet&walletId=EN-1&type=smartbillEnrollResult&result=N&resultCode=11',
      '/notify?notificationType=Wallet&walletId=FR-1&type=smartbillEnrollResult&result=N&resultCode=11',
    ]);
  });

  it('the French email: the seed’s subject and body, with the code and description', async () => {
    await t.smtp.waitFor(2);
    const fr = t.smtp.mails.find((m) => m.text?.includes('FR-1'))!;
    assert.equal(fr.subject, "Résultat d' enrôlement SmartBill");
    assert.equal(fr.from?.value[0]?.address, 'shop@shop.example');
    const body = fr.text!.split('\n--\n')[0]!.trimEnd();
    assert.equal(
      body,
      [
        'Bonjour,',
        "L' enrôlement de votre portefeuille Smartbill suivant a été refusé par American Express",
        'N° portefeuille: FR-1.',
        'Code de refus : 11',
        'Message de refus : Card account unknown to American Express',
        'Ce portefeuille ainsi que ses dossiers de paiement et ses échéances ont été désactivés.',
        'Cordialement',
      ].join('\n\n'),
    );
    assert.match(String(fr.html), /<p>Code de refus : 11<\/p>/);
  });

  it('the English email: the seed’s subject and body', () => {
    const en = t.smtp.mails.find((m) => m.text?.includes('EN-1'))!;
    assert.equal(en.subject, 'SmartBill enrollement result');
    assert.equal(
      en.text!.split('\n--\n')[0]!.trimEnd(),
      [
        'Hello,',
        'The enrollment of your following portfolio "Smartbill" was refused by American',
        'Express : N° portfolio: EN-1.',
        'Return code : 11',
        'Message de refus : Card account unknown to American Express',
        'This portfolio and its payment records and billing records were disabled',
        'Regards',
      ].join('\n\n'),
    );
  });

  it('a refused wallet cannot pay', async () => {
    const paid = await t.callAs(SANDBOX_AUTH, 'doImmediateWalletPayment', {
      version: VERSION,
      payment: { amount: 990, currency: 978, action: 101, mode: 'CPT', contractNumber: 'AMEX-REC' },
      order: { ref: 'AFTER-ER', amount: 990, currency: 978, date: '02/03/2026 11:00' },
      walletId: 'FR-1',
    });
    assert.equal(paid.result.code, '02505');
  });
});
