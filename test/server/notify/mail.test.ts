import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AddressObject } from 'mailparser';
import { MailMessage, type PointOfSell } from '../../../server/merchants/merchant.js';
import { SANDBOX_MERCHANT } from '../../../server/merchants/sandbox-merchant.js';
import { DEFAULT_TEMPLATES_DIR } from '../../../server/notify/mail-render.js';
import { SANDBOX_AUTH } from '../support/gateway-harness.js';
import { authorizationRequest, order, refundRequest } from '../support/requests.js';
import { startNotifyTest, type NotifyTest } from './support/notify-harness.js';
import { startReceiver } from './support/receiver.js';
import { startSmtp, type SmtpInbox } from './support/smtp.js';

/*
 * Emails through a real SMTP server (smtp-server), read back with mailparser: French and English,
 * shopper and merchant, HTML escaping, the text part; a failing template; the .eml sandbox box.
 */

const SHOP: PointOfSell = {
  id: 'web',
  label: 'Web shop',
  email: { from: 'Boutique Démo <boutique@demo.example>', merchantTo: ['orders@demo.example', 'boss@demo.example'], send: Object.values(MailMessage) },
};

const addresses = (field: AddressObject | AddressObject[] | undefined) => (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address));

describe('emails over SMTP', () => {
  let t: NotifyTest;
  let smtp: SmtpInbox;

  before(async () => {
    smtp = await startSmtp();
    t = await startNotifyTest({ env: { SMTP_URL: smtp.url }, merchant: { name: 'Boutique Démo', defaultLanguage: 'en', pointsOfSell: [SHOP] } });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  /** A paid web session with this buyer and language; answers the mails it caused. */
  async function paidSession(languageCode: string | undefined, buyer: Record<string, string>, orderRef?: string) {
    const seen = smtp.mails.length;
    const token = await t.webPayment(4250, { ...(languageCode ? { languageCode } : {}), buyer, order: order(4250, orderRef) });
    const paid = await t.pay(token);
    assert.equal(paid.result.code, '00000');
    await t.settle();
    const mails = (await smtp.waitFor(seen + 2)).slice(seen);
    const toShopper = mails.find((m) => addresses(m.to).includes(buyer.email!))!;
    const toMerchant = mails.find((m) => addresses(m.to).includes('orders@demo.example'))!;
    return { token, paid, toShopper, toMerchant };
  }

  it('confirms a payment to the shopper in French and to the merchant in its language', async () => {
    const { paid, toShopper, toMerchant } = await paidSession('fr', { email: 'claire@example.com', firstName: 'Claire', lastName: 'Dupont' }, 'CMD-FR-1');
    assert.equal(toShopper.subject, 'Confirmation de votre paiement – commande CMD-FR-1');
    assert.deepEqual(addresses(toShopper.from), ['boutique@demo.example']);
    assert.match(toShopper.text!, /Bonjour Claire Dupont,/);
    assert.match(toShopper.text!, /paiement de 42,50\s€ à Boutique Démo pour la commande CMD-FR-1/);
    assert.match(toShopper.text!, /Carte : CB 497010XXXXXX4455/);
    assert.match(toShopper.text!, new RegExp(`Transaction : ${paid.transaction.id}`));
    assert.match(toShopper.html as string, /<strong>42,50\s€<\/strong>/);
    assert.match(toShopper.html as string, /lang="fr"/);
    assert.ok(toShopper.messageId);

    assert.equal(toMerchant.subject, 'Payment accepted – order CMD-FR-1 – €42.50');
    assert.deepEqual(addresses(toMerchant.to), ['orders@demo.example', 'boss@demo.example']);
    assert.match(toMerchant.text!, /Buyer: Claire Dupont/);
    assert.match(toMerchant.text!, /Buyer's email: claire@example.com/);
  });

  it('writes English when the session says so, and the merchant’s default when it says nothing', async () => {
    const en = await paidSession('eng', { email: 'john@example.com', firstName: 'John' }, 'ORDER-EN-1');
    assert.equal(en.toShopper.subject, 'Your payment is confirmed – order ORDER-EN-1');
    assert.match(en.toShopper.text!, /Hello John,\n\nWe confirm your payment of €42.50 to Boutique Démo for order ORDER-EN-1\./);
    const none = await paidSession(undefined, { email: 'anon@example.com' }, 'ORDER-DEFAULT');
    assert.equal(none.toShopper.subject, 'Your payment is confirmed – order ORDER-DEFAULT');
    assert.match(none.toShopper.text!, /^Hello,$/m);
  });

  it('escapes a hostile order ref and buyer name in HTML, and keeps every part readable', async () => {
    const orderRef = '<script>alert("x")</script>&';
    const { toShopper, toMerchant } = await paidSession('fr', { email: 'mallory@example.com', firstName: '<img src=x onerror=alert(1)>', lastName: '"Mallory"' }, orderRef);
    for (const mail of [toShopper, toMerchant]) {
      const html = mail.html as string;
      assert.doesNotMatch(html, /<script>|<img src=x/);
      assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;&amp;/);
      assert.ok(mail.text, 'a text part');
      assert.match(mail.text!, /<script>alert\("x"\)<\/script>&/, 'the text part is not HTML: no entities');
      assert.doesNotMatch(mail.subject!, /[\r\n]/);
    }
    assert.match(toShopper.html as string, /Bonjour &lt;img src&#x3D;x onerror&#x3D;alert\(1\)&gt; &quot;Mallory&quot;,/);
    assert.equal(toShopper.subject, `Confirmation de votre paiement – commande ${orderRef}`);
  });

  it('confirms a refund to the shopper', async () => {
    const seen = smtp.mails.length;
    const auth = await t.call('doAuthorization', { ...authorizationRequest(3000, { action: 101 }), buyer: { email: 'refund@example.com', lastName: 'Martin' } });
    await t.call('doRefund', refundRequest(auth.transaction.id, 1250));
    await t.settle();
    const mails = (await smtp.waitFor(seen + 3)).slice(seen);
    const refund = mails.find((m) => m.subject?.startsWith('Refund'))!;
    assert.ok(refund, mails.map((m) => m.subject).join(' | '));
    assert.deepEqual(addresses(refund.to), ['refund@example.com']);
    assert.match(refund.text!, /Boutique Démo has refunded €12.50 for order/);
  });

  it('tells the merchant when a webhook endpoint is disabled', async (ctx) => {
    const r = await startReceiver();
    ctx.after(() => r.close());
    r.answer(() => ({ status: 410 }));
    const created = await t.api('POST', '/api/webhook-endpoints', { url: `${r.url}/gone`, eventTypes: ['payment.accepted'] });
    const seen = smtp.mails.length;
    await t.call('doAuthorization', authorizationRequest(1000, { action: 100 }));
    await t.settle();
    const mails = (await smtp.waitFor(seen + 2)).slice(seen);
    const alert = mails.find((m) => m.subject?.startsWith('Webhook endpoint disabled'))!;
    assert.ok(alert);
    assert.equal(alert.subject, `Webhook endpoint disabled: ${r.url}/gone`);
    assert.deepEqual(addresses(alert.to), ['orders@demo.example', 'boss@demo.example']);
    assert.match(alert.text!, new RegExp(`\\(id ${created.body.id}\\): it answered 410 Gone\\.`));
  });

  it('retries an email the SMTP server refused', async () => {
    smtp.refuse = true;
    const seen = smtp.mails.length;
    await t.call('doAuthorization', { ...authorizationRequest(1000, { action: 100 }), buyer: { email: 'later@example.com' } });
    await t.settle();
    smtp.refuse = false;
    assert.equal(smtp.mails.length, seen);
    await t.tick(60_000);
    await smtp.waitFor(seen + 2);
    const { body } = await t.api('GET', '/api/events?type=payment.accepted&limit=1');
    const mail = body.events[0].deliveries.find((d: any) => d.channel === 'mail' && d.destination === 'later@example.com');
    assert.equal(mail.status, 'delivered');
    assert.equal(mail.attempts[0].status, 451);
    assert.match(mail.attempts[1].responseExcerpt, /^250/);
  });
});

describe('a template that fails', () => {
  it('is logged with its name and retried; the event is kept', async (ctx) => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-templates-'));
    cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'payment-confirmation-shopper.fr.hbs'), '{{#*inline "subject"}}x{{/inline}}{{> no-such-partial}}');
    const smtp = await startSmtp();
    const t = await startNotifyTest({ env: { SMTP_URL: smtp.url }, notify: { templatesDir: dir }, merchant: { pointsOfSell: [SHOP] } });
    ctx.after(async () => {
      await t.close();
      await smtp.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const token = await t.webPayment(1000, { languageCode: 'fr', buyer: { email: 'buyer@example.com' } });
    await t.pay(token);
    await t.settle();
    await smtp.waitFor(1); // the merchant's confirmation still goes
    assert.ok(t.logs.some((line) => line.includes('"template":"payment-confirmation-shopper.fr"') && line.includes('email template failed')));
    const { body } = await t.api('GET', '/api/events?type=payment.accepted&limit=1');
    const shopper = body.events[0].deliveries.find((d: any) => d.destination === 'buyer@example.com');
    assert.equal(shopper.status, 'pending');
    assert.match(shopper.attempts[0].error, /payment-confirmation-shopper\.fr failed/);
    assert.ok(shopper.nextAttemptAt);
  });
});

describe('the .eml mailbox (no SMTP_URL)', () => {
  it('writes each email to the data folder, listed and previewed at /sandbox/mail for its merchant only', async (ctx) => {
    const t = await startNotifyTest({
      merchant: { pointsOfSell: [SHOP] },
      others: [{ ...SANDBOX_MERCHANT, merchantId: 'other-shop' }],
    });
    ctx.after(() => t.close());
    const token = await t.webPayment(1000, { languageCode: 'fr', buyer: { email: 'eml@example.com', firstName: '<b>Zoé</b>' }, order: order(1000, 'EML-1') });
    await t.pay(token);
    await t.settle();
    const list = await t.api('GET', '/sandbox/mail');
    assert.equal(list.status, 200);
    assert.equal(list.body.mails.length, 2);
    const shopper = list.body.mails.find((m: any) => m.to === 'eml@example.com');
    assert.equal(shopper.subject, 'Confirmation de votre paiement – commande EML-1');

    const preview = await t.fetch(shopper.preview, { headers: { authorization: SANDBOX_AUTH } });
    assert.match(preview.headers.get('content-security-policy')!, /default-src 'none'/);
    const html = await preview.text();
    assert.match(html, /Bonjour &lt;b&gt;Zoé&lt;\/b&gt;,/);
    const text = await (await t.fetch(shopper.text, { headers: { authorization: SANDBOX_AUTH } })).text();
    assert.match(text, /Bonjour <b>Zoé<\/b>,/);
    const raw = await (await t.fetch(shopper.raw, { headers: { authorization: SANDBOX_AUTH } })).text();
    assert.match(raw, /^Message-ID: <[0-9a-f]{32}@guichet\.mail>/m);
    assert.match(raw, /^X-Guichet-Merchant: demo-merchant/m);

    const page = await t.fetch('/sandbox/mail', { headers: { authorization: SANDBOX_AUTH, accept: 'text/html' } });
    assert.match(await page.text(), /Confirmation de votre paiement/);
    const other = await t.api('GET', '/sandbox/mail', undefined, 'Basic ' + Buffer.from('other-shop:demo-access-key').toString('base64'));
    assert.deepEqual(other.body.mails, []);
    const sneaky = await t.fetch(shopper.preview, { headers: { authorization: 'Basic ' + Buffer.from('other-shop:demo-access-key').toString('base64') } });
    assert.equal(sneaky.status, 404);
    assert.equal((await t.fetch('/sandbox/mail')).status, 401);
  });
});
