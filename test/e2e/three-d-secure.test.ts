import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startE2E, type E2E } from './support/e2e-env.js';
import { CARDS, challengeFrame, payWith, waitForState } from './support/checkout.js';
import { details, onShop, tokenOf } from './support/shop.js';

/** 3-D Secure challenges on the demo shop: in the widget's iframe, and by full-page redirect. */
describe('3-D Secure challenge', () => {
  let env: E2E;
  before(async () => (env = await startE2E()));
  after(() => env.close());

  it('passed in the iframe: PAYMENT_SUCCESS, threeDSecure Y', () =>
    onShop(env, async (page, record) => {
      await page.goto(`${env.demo.url}/`);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      await payWith(page, CARDS.challengePass);
      await challengeFrame(page).getByRole('button', { name: 'Authenticate' }).click();
      await waitForState(page, 'PAYMENT_SUCCESS');
      const paid = await details(env, await tokenOf(page));
      assert.deepEqual([paid.result.code, paid.transaction.threeDSecure], ['00000', 'Y']);
      const { messages } = await record();
      assert.ok(messages.some((m) => m.includes('"guichet:3ds-complete"')), 'the challenge page told the widget');
    }));

  it('failed in the iframe: 03003, and the shopper may try again', () =>
    onShop(env, async (page) => {
      await page.goto(`${env.demo.url}/`);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      await payWith(page, CARDS.challengeFail);
      await challengeFrame(page).getByRole('button', { name: 'Authenticate' }).click();
      await waitForState(page, 'PAYMENT_FAILURE_WITH_RETRY');
      const session = (await (await fetch(`${env.gw.url}/widget/sessions/${await tokenOf(page)}`)).json()) as any;
      assert.deepEqual([session.state, session.result.code, session.attemptsLeft], ['WAITING', '03003', 2]);
    }));

  it('passed by redirect: the shop page comes back with the payment made', () =>
    onShop(env, async (page, record) => {
      await page.goto(`${env.demo.url}/?redirect=1`);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      const token = await tokenOf(page);
      await payWith(page, CARDS.challengePass);
      await page.waitForURL(/\/acs\/challenge\//);
      await page.getByRole('button', { name: 'Authenticate' }).click();
      await page.waitForURL(new RegExp(`^${env.demo.url}/\\?redirect=1&paylinetoken=${token}$`));
      await waitForState(page, 'PAYMENT_SUCCESS');
      assert.deepEqual((await record()).finalStates, ['PAYMENT_SUCCESS']);
      assert.deepEqual([(await details(env, token)).result.code, (await details(env, token)).transaction.threeDSecure], ['00000', 'Y']);
    }));

  it('failed by redirect: the shop page comes back offering a retry', () =>
    onShop(env, async (page) => {
      await page.goto(`${env.demo.url}/?redirect=1`);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      const token = await tokenOf(page);
      await payWith(page, CARDS.challengeFail);
      await page.waitForURL(/\/acs\/challenge\//);
      await page.getByRole('button', { name: 'Authenticate' }).click();
      await page.waitForURL(new RegExp(`paylinetoken=${token}$`));
      await waitForState(page, 'PAYMENT_FAILURE_WITH_RETRY');
      assert.equal((await details(env, token)).result.code, '02306', 'the session still waits for the shopper');
    }));
});
