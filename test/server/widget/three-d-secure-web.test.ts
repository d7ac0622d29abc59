import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { VERSION } from '../support/requests.js';
import { answerChallenge, completeChallenge, openChallenge, returnForm, unescapeHtml } from '../support/acs-browser.js';
import { openSession, pay, cancel, readSession, THREE_DS_CARDS } from '../support/widget-calls.js';

/** 3-D Secure in the web flow: the widget's pay endpoint, the simulated ACS, and the TermUrl back. */
describe('3-D Secure in the web flow', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  const SHOP = 'https://shop.example';
  const details = (token: string) => gw.call('getWebPaymentDetails', { version: VERSION, token });
  const session = async (token: string) => (await readSession(gw, token)).json() as Promise<any>;

  it('authorizes a frictionless card at once, threeDSecure Y', async () => {
    const token = await openSession(gw);
    const answer = await pay(gw, token, { card: THREE_DS_CARDS.frictionless });
    assert.equal(answer.result.code, '00000');
    assert.equal(answer.transaction.threeDSecure, 'Y');
    assert.equal(answer.challenge, undefined);
    assert.equal((await details(token)).transaction.threeDSecure, 'Y');
  });

  it('authorizes a card that is not enrolled at once, threeDSecure N', async () => {
    const token = await openSession(gw);
    const answer = await pay(gw, token, { card: THREE_DS_CARDS.notEnrolled });
    assert.deepEqual([answer.result.code, answer.transaction.threeDSecure, answer.session.state], ['00000', 'N', 'ACCEPTED']);
  });

  it('asks for a challenge, holds the attempt, then authorizes it once the shopper passes (iframe)', async () => {
    const token = await openSession(gw);
    const asked = await pay(gw, token, { card: THREE_DS_CARDS.challengePass });
    assert.deepEqual(asked.result, { code: '03101', shortMessage: 'ACCEPTED', longMessage: 'Challenge requested' });
    assert.equal(asked.challenge.url, `${gw.url}/widget/sessions/${token}/challenge`);
    assert.deepEqual([asked.session.state, asked.session.attempts, asked.session.challenge], ['AUTHENTICATING', 1, asked.challenge]);
    assert.equal(asked.transaction, undefined);
    assert.equal((await details(token)).result.code, '02306');
    assert.equal((await pay(gw, token, { card: THREE_DS_CARDS.frictionless })).result.code, '02002', 'one attempt at a time');

    const stored = await gw.gateway.store.getSession(token);
    assert.match(stored!.pendingChallenge!.card.panCipher, /^v1\./);
    assert.ok(!JSON.stringify(stored).includes(THREE_DS_CARDS.challengePass.number), 'the PAN is sealed');
    assert.ok(!('cvx' in stored!.pendingChallenge!.card) && !JSON.stringify(stored).includes(`"${THREE_DS_CARDS.challengePass.cvx}"`), 'the CVV is never stored');

    const acsUrl = await openChallenge(asked.challenge.url, { origin: SHOP });
    assert.match(acsUrl, new RegExp(`^${gw.url}/acs/challenge/[0-9a-f]{32}$`));
    const { form, response } = await completeChallenge(gw, acsUrl, 'authenticate');
    assert.equal(form.action, `${gw.url}/widget/sessions/${token}/3ds-return?origin=${encodeURIComponent(SHOP)}`);
    assert.equal(form.fields.MD, token);
    assert.equal(response.status, 200);
    const page = await response.text();
    assert.match(page, new RegExp(`<main id="guichet-3ds-complete" data-origin="${SHOP}" data-token="${token}">`));
    assert.match(response.headers.get('content-security-policy')!, new RegExp(`frame-ancestors ${SHOP}`));
    assert.match(page, /<script nonce="[^"]+" src="\/webpayment\/challenge-complete.js"><\/script>/);
    assert.match(response.headers.get('content-security-policy')!, /script-src 'nonce-[^']+'/);

    const paid = await details(token);
    assert.deepEqual([paid.result.code, paid.transaction.threeDSecure, paid.numberOfAttempt], ['00000', 'Y', 1]);
    const view = await session(token);
    assert.deepEqual([view.state, view.result.code, view.challenge, view.card.number], ['ACCEPTED', '00000', undefined, '497010XXXXXX0026']);
    assert.equal((await gw.gateway.store.getSession(token))!.pendingChallenge, undefined, 'the held card is gone');

    const again = await fetch(form.action, { method: 'POST', body: new URLSearchParams(form.fields) });
    assert.equal(again.status, 200, 'a second return shows the page again');
    const reopened = await fetch(`${asked.challenge.url}?origin=${encodeURIComponent(SHOP)}`);
    assert.match(await reopened.text(), /id="guichet-3ds-complete" data-origin=/, 'as does reopening the challenge');
    assert.deepEqual([(await details(token)).transaction.id, (await session(token)).attempts], [paid.transaction.id, 1], 'and pays nothing more');
  });

  it('refuses with 03003 when the shopper fails the challenge, an attempt like any refusal', async () => {
    const token = await openSession(gw);
    const asked = await pay(gw, token, { card: THREE_DS_CARDS.challengeFail });
    await completeChallenge(gw, await openChallenge(asked.challenge.url, { origin: SHOP }), 'authenticate');
    const view = await session(token);
    assert.deepEqual([view.state, view.result.code, view.attempts, view.attemptsLeft], ['WAITING', '03003', 1, 2]);
    assert.equal((await pay(gw, token, { card: THREE_DS_CARDS.frictionless })).result.code, '00000', 'the shopper may try again');
  });

  it('refuses with 03003 when the shopper cancels the challenge of a card that would pass', async () => {
    const token = await openSession(gw);
    const asked = await pay(gw, token, { card: THREE_DS_CARDS.challengePass });
    await completeChallenge(gw, await openChallenge(asked.challenge.url), 'cancel');
    assert.equal((await session(token)).result.code, '03003');
  });

  it('ends the session REFUSED when the last attempt fails its challenge', async () => {
    const token = await openSession(gw);
    for (let i = 0; i < 3; i++) {
      const asked = await pay(gw, token, { card: THREE_DS_CARDS.challengeFail });
      await completeChallenge(gw, await openChallenge(asked.challenge.url), 'authenticate');
    }
    const view = await session(token);
    assert.deepEqual([view.state, view.result.code, view.attemptsLeft], ['REFUSED', '03003', 0]);
    assert.equal((await details(token)).result.code, '03003');
  });

  it('sends a top window back to the merchant page, paylinetoken added (redirect)', async () => {
    const token = await openSession(gw);
    const asked = await pay(gw, token, { card: THREE_DS_CARDS.challengePass });
    const { response } = await completeChallenge(gw, await openChallenge(asked.challenge.url, { returnURL: `${SHOP}/checkout?step=pay` }), 'authenticate');
    const page = await response.text();
    const href = unescapeHtml(/data-href="([^"]+)"/.exec(page)![1]!);
    assert.equal(href, `${SHOP}/checkout?step=pay&paylinetoken=${token}`);
    assert.match(page, /<a href="[^"]+">Continue<\/a>/, 'a link for a browser without script');
  });

  it('sends the shopper to the hosted payment page when the pay request named no return', async () => {
    const token = await openSession(gw);
    const asked = await pay(gw, token, { card: THREE_DS_CARDS.challengePass });
    const page = await (await completeChallenge(gw, await openChallenge(asked.challenge.url), 'authenticate')).response.text();
    assert.equal(unescapeHtml(/data-href="([^"]+)"/.exec(page)![1]!), `${gw.url}/webpayment/?token=${token}`);
  });

  it('lets the shopper cancel during the challenge; the answer then pays nothing', async () => {
    const token = await openSession(gw);
    const asked = await pay(gw, token, { card: THREE_DS_CARDS.challengePass });
    const acsUrl = await openChallenge(asked.challenge.url, { origin: SHOP });
    assert.equal(((await (await cancel(gw, token)).json()) as any).result.code, '02319');
    const { response } = await completeChallenge(gw, acsUrl, 'authenticate');
    assert.equal(response.status, 200);
    const view = await session(token);
    assert.deepEqual([view.state, view.result.code, view.transaction], ['CANCELLED', '02319', undefined]);
  });

  it('expires a session left in a challenge; a late answer pays nothing', async () => {
    const token = await openSession(gw);
    const asked = await pay(gw, token, { card: THREE_DS_CARDS.challengePass });
    const acsUrl = await openChallenge(asked.challenge.url);
    await gw.advance(15 * 60 * 1000);
    assert.equal((await gw.gateway.store.getSession(token))!.status, 'EXPIRED');
    assert.equal((await gw.gateway.store.getSession(token))!.pendingChallenge, undefined);
    const form = returnForm(await (await answerChallenge(gw, acsUrl, 'authenticate')).text());
    assert.equal((await fetch(form.action, { method: 'POST', body: new URLSearchParams(form.fields) })).status, 200);
    const view = await session(token);
    assert.deepEqual([view.state, view.result.code, view.transaction], ['EXPIRED', '02324', undefined]);
  });

  it('ignores a PaRes that is not the pending challenge’s', async () => {
    const token = await openSession(gw);
    const asked = await pay(gw, token, { card: THREE_DS_CARDS.challengePass });
    const acsUrl = await openChallenge(asked.challenge.url);
    const forged = Buffer.from(JSON.stringify({ acsTransID: acsUrl.slice(-32), transStatus: 'Y' })).toString('base64url');
    const response = await gw.fetch(`/widget/sessions/${token}/3ds-return`, { method: 'POST', body: new URLSearchParams({ PaRes: forged, MD: token }) });
    assert.equal(response.status, 200);
    assert.equal((await session(token)).state, 'AUTHENTICATING');
    const missing = await gw.fetch(`/widget/sessions/${token}/3ds-return`, { method: 'POST', body: new URLSearchParams({ MD: token }) });
    assert.equal(missing.status, 400);
  });

  it('starts a challenge only for the merchant’s origins (or the gateway’s), one way back at a time', async () => {
    const token = await openSession(gw);
    const asked = await pay(gw, token, { card: THREE_DS_CARDS.challengePass });
    const start = (query: string) => fetch(`${asked.challenge.url}?${query}`);
    assert.equal((await start(`origin=${encodeURIComponent(SHOP)}&returnURL=${encodeURIComponent(SHOP)}`)).status, 403);
    const page = await start(`origin=${encodeURIComponent(SHOP)}`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy')!;
    assert.match(csp, new RegExp(`frame-ancestors ${SHOP}`));
    assert.match(csp, /form-action 'self' http:\/\/127\.0\.0\.1:\d+/);
    assert.match(await page.text(), /<script nonce="[^"]+" src="\/webpayment\/challenge-start.js"><\/script>/);
    assert.equal((await gw.fetch(`/widget/sessions/${'0'.repeat(32)}/challenge`)).status, 404);
  });
});
