import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { answerChallenge, openChallenge, returnForm } from '../support/acs-browser.js';
import { openSession, pay, THREE_DS_CARDS } from '../support/widget-calls.js';

/** The simulated bank's pages: strict CSP with a nonce, no inline script, French and English. */
describe('ACS challenge pages', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  async function challengeUrl(languageCode?: string): Promise<string> {
    const token = await openSession(gw, 1234, languageCode ? { languageCode } : {});
    return openChallenge((await pay(gw, token, { card: THREE_DS_CARDS.challengePass })).challenge.url);
  }
  const path = (url: string) => new URL(url).pathname;

  it('serves the challenge with a nonce CSP and no inline script', async () => {
    const response = await gw.fetch(path(await challengeUrl()));
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy')!;
    const nonce = /style-src 'nonce-([^']+)'/.exec(csp)![1]!;
    assert.match(csp, /^default-src 'none'; base-uri 'none'; /);
    assert.match(csp, /form-action 'self'/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const page = await response.text();
    assert.ok(page.includes(`<style nonce="${nonce}">`));
    assert.doesNotMatch(page, /<script(?![^>]*\bsrc=)/, 'no inline script');
    assert.doesNotMatch(page, /\sstyle="/, 'no inline style attribute');
    assert.match(page, /<html lang="en">/);
    assert.match(page, /Guichet demo shop asks for €12\.34 with the card 497010XXXXXX0026\./);
    assert.match(page, /value="authenticate">Authenticate</);
  });

  it('speaks the payment’s language, unless ?lang= or none then Accept-Language says otherwise', async () => {
    const fr = await (await gw.fetch(path(await challengeUrl('fr')))).text();
    assert.match(fr, /<html lang="fr">/);
    assert.match(fr, /Guichet demo shop demande 12,34\s€ avec la carte 497010XXXXXX0026\./);
    assert.match(fr, />Valider</);
    const url = path(await challengeUrl('fr'));
    assert.match(await (await gw.fetch(`${url}?lang=en`)).text(), /<html lang="en">/);
    const byHeader = await gw.fetch(path(await challengeUrl()), { headers: { 'accept-language': 'en;q=0.5, fr-FR' } });
    assert.match(await byHeader.text(), /<html lang="fr">/);
  });

  it('answers 404 for an unknown challenge and 400 for an unknown answer', async () => {
    assert.equal((await gw.fetch(`/acs/challenge/${'0'.repeat(32)}`)).status, 404);
    assert.equal((await gw.fetch('/acs/challenge/nope')).status, 404);
    const url = await challengeUrl();
    const bad = await gw.fetch(`${path(url)}/answer`, { method: 'POST', body: new URLSearchParams({ answer: 'yes' }) });
    assert.equal(bad.status, 400);
  });

  it('returns by a form the ACS script submits, its target allowed by form-action', async () => {
    const response = await answerChallenge(gw, await challengeUrl(), 'authenticate');
    const csp = response.headers.get('content-security-policy')!;
    const page = await response.text();
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1]!;
    assert.ok(page.includes(`<script nonce="${nonce}" src="/acs/acs.js"></script>`));
    assert.ok(returnForm(page).fields.PaRes);
    const script = await gw.fetch('/acs/acs.js');
    assert.match(script.headers.get('content-type')!, /^text\/javascript/);
    assert.match(await script.text(), /pares-form/);
  });

  it('takes a merchant’s 3-D Secure 1 style form post: TermUrl and MD replace the earlier ones', async () => {
    const url = await challengeUrl();
    const entered = await gw.fetch(path(url), { method: 'POST', body: new URLSearchParams({ PaReq: 'x', TermUrl: 'https://shop.example/term', MD: 'md-1' }) });
    assert.equal(entered.status, 200);
    const response = await answerChallenge(gw, url, 'authenticate');
    const form = returnForm(await response.text());
    assert.deepEqual([form.action, form.fields.MD], ['https://shop.example/term', 'md-1']);
    assert.match(response.headers.get('content-security-policy')!, /form-action 'self' https:\/\/shop\.example/);
    const bad = await gw.fetch(path(url), { method: 'POST', body: new URLSearchParams({ TermUrl: 'javascript:alert(1)' }) });
    assert.equal(bad.status, 400);
  });
});
