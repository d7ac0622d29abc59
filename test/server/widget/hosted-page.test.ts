import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SANDBOX_MERCHANT } from '../../../server/merchants/sandbox-merchant.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { unescapeHtml } from '../support/acs-browser.js';
import { openSession } from '../support/widget-calls.js';

/** The hosted payment page at doWebPayment's redirectURL. */
describe('hosted payment page', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway({}, { merchants: [{ ...SANDBOX_MERCHANT, logoURL: 'https://cdn.shop.example/logo.svg' }] })));
  after(() => gw.close());

  it('is where redirectURL points, and shows <guichet-checkout> for the token', async () => {
    const opened = await gw.call('doWebPayment', { ...(await import('../support/requests.js')).webPaymentRequest(1500), languageCode: 'fr' });
    assert.equal(opened.redirectURL, `${gw.url}/webpayment/?token=${opened.token}`);
    const response = await fetch(opened.redirectURL);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy')!;
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)![1]!;
    for (const directive of ["connect-src 'self'", "frame-src 'self'", "frame-ancestors 'none'", 'img-src \'self\' data: https://cdn.shop.example']) assert.ok(csp.includes(directive), directive);
    const page = await response.text();
    assert.match(page, /<html lang="fr">/);
    assert.ok(page.includes(`<script type="module" nonce="${nonce}" src="/widget/guichet.js"></script>`));
    assert.ok(page.includes(`<guichet-checkout token="${opened.token}" locale="fr" nonce="${nonce}"></guichet-checkout>`));
    assert.ok(page.includes('<img src="https://cdn.shop.example/logo.svg" alt="">'));
    assert.doesNotMatch(page, /<script(?![^>]*\bsrc=)/, 'no inline script');
    const back = unescapeHtml(/<a id="guichet-return" href="([^"]+)" hidden>Retour à la boutique<\/a>/.exec(page)![1]!);
    const cancel = unescapeHtml(/<a id="guichet-cancel" href="([^"]+)" hidden>/.exec(page)![1]!);
    assert.deepEqual([back, cancel], [`https://shop.example/return?paylinetoken=${opened.token}`, `https://shop.example/cancel?paylinetoken=${opened.token}`]);
  });

  it('redirects /webpayment to /webpayment/ with its query', async () => {
    const token = await openSession(gw);
    const response = await gw.fetch(`/webpayment?token=${token}`, { redirect: 'manual' });
    assert.deepEqual([response.status, response.headers.get('location')], [301, `/webpayment/?token=${token}`]);
  });

  it('answers 404 with a page for an unknown or malformed token', async () => {
    for (const query of [`token=${'0'.repeat(32)}`, 'token=../x', '']) {
      const response = await gw.fetch(`/webpayment/?${query}`, { headers: { 'accept-language': 'en' } });
      assert.equal(response.status, 404);
      assert.match(await response.text(), /This payment link is unknown or has expired\./);
    }
  });

  it('serves its scripts', async () => {
    for (const [path, text] of [['/webpayment/hosted-page.js', 'guichet-final-state'], ['/webpayment/challenge-complete.js', 'guichet:3ds-complete']] as const) {
      const response = await gw.fetch(path);
      assert.match(response.headers.get('content-type')!, /^text\/javascript/);
      assert.ok((await response.text()).includes(text), path);
    }
  });
});
