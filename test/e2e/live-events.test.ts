import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './support/e2e-env.js';
import { CARDS, payWith, waitForState, type TestCard } from './support/checkout.js';
import { details, onShop, tokenOf } from './support/shop.js';
import { socketRooms } from '../../server/notify/socket-protocol.js';

/**
 * Live events (issue 5): a 3-D Secure challenge by redirect, finished in another window, shows on
 * the page that paid through the widget's socket.io room, without the page reading the session.
 */
describe('live events', () => {
  let env: E2E;
  before(async () => (env = await startE2E()));
  after(() => env.close());

  /**
   * Pays `card` on a redirect-mode shop page that does not leave (the shopper opens the challenge
   * elsewhere), passes or fails the challenge in a second window, and answers the session reads
   * (fetch/XHR GETs of /widget/sessions/…) the first page made after its pay request.
   */
  async function challengeElsewhere(page: Page, card: TestCard): Promise<string[]> {
    await page.goto(`${env.demo.url}/?redirect=1`);
    await waitForState(page, 'PAYMENT_METHODS_LIST');
    const shopUrl = page.url();
    let paid = false;
    const reads: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (request.method() === 'POST' && /^\/widget\/sessions\/\w+\/pay$/.test(pathname)) paid = true;
      else if (paid && request.method() === 'GET' && pathname.startsWith('/widget/sessions/') && !request.isNavigationRequest()) reads.push(pathname);
    });
    const challengeUrl = new Promise<string>((resolve) => {
      void page.route(/\/widget\/sessions\/\w+\/challenge\?/, (route) => {
        resolve(route.request().url());
        void route.abort('aborted');
      });
    });
    await payWith(page, card);
    const other = await page.context().newPage();
    await other.goto(await challengeUrl);
    await other.waitForURL(/\/acs\/challenge\//);
    await other.getByRole('button', { name: 'Authenticate' }).click();
    await other.waitForURL(new RegExp(`paylinetoken=${await tokenOf(page)}$`));
    assert.equal(page.url(), shopUrl, 'the first page stayed');
    return reads;
  }

  /** Waits until the gateway's room of `token` holds a client: the page's widget joined it. */
  async function joined(token: string): Promise<void> {
    const end = Date.now() + 10_000;
    while ((await env.gw.gateway.notify.io.in(socketRooms.payment(token)).fetchSockets()).length === 0) {
      if (Date.now() > end) throw new Error(`no client joined the room of ${token}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('the widget joins its room under the CSP of the demo shop and of the hosted page', () =>
    onShop(env, async (page) => {
      const violations: string[] = [];
      page.on('console', (message) => message.text().includes('Content Security Policy') && violations.push(message.text()));
      await page.goto(`${env.demo.url}/`);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      await joined(await tokenOf(page));
      const hosted = await env.gw.call('doWebPayment', {
        version: '34',
        payment: { amount: 1990, currency: 978, action: 101, mode: 'CPT', contractNumber: 'CB' },
        returnURL: `${env.demo.url}/return`,
        cancelURL: `${env.demo.url}/cancel`,
        order: { ref: `live-${Date.now()}`, amount: 1990, currency: 978, date: '02/03/2026 11:00' },
      });
      await page.goto(hosted.redirectURL);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      await joined(hosted.token);
      assert.deepEqual(violations, []);
    }));

  it('a challenge passed in another window: the first page shows the success and its ticket, unasked', () =>
    onShop(env, async (page, record) => {
      const reads = await challengeElsewhere(page, CARDS.challengePass);
      await waitForState(page, 'PAYMENT_SUCCESS');
      const token = await tokenOf(page);
      const paid = await details(env, token);
      assert.deepEqual([paid.result.code, paid.transaction.threeDSecure], ['00000', 'Y']);
      await page.locator('[part~="ticket-button"]').click();
      const ticket = await page.locator('[part~="ticket"]').innerText();
      for (const line of [paid.transaction.id, paid.authorization.number, paid.card.number]) assert.ok(ticket.includes(line), `${line} in ${ticket}`);
      assert.deepEqual((await record()).finalStates, ['PAYMENT_SUCCESS']);
      assert.deepEqual(reads, [], 'no session read after the pay request');
    }));

  it('a challenge failed in another window: the first page offers a retry, unasked', () =>
    onShop(env, async (page, record) => {
      const reads = await challengeElsewhere(page, CARDS.challengeFail);
      await waitForState(page, 'PAYMENT_FAILURE_WITH_RETRY');
      assert.match(await page.locator('[part~="message"]').innerText(), /2/);
      assert.equal(await page.locator('[part~="pay-button"]').getAttribute('aria-disabled'), 'false');
      assert.deepEqual((await record()).finalStates, []);
      assert.deepEqual(reads, [], 'no session read after the pay request');
    }));
});
