import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startE2E, type E2E } from './support/e2e-env.js';
import { details as detailsOf, onShop as onShopOf, tokenOf } from './support/shop.js';
import { CARDS, payWith, waitForState } from './support/checkout.js';

/** Paying on the demo shop (localhost) with the widget the gateway (127.0.0.1) serves. */
describe('pay in the widget, across origins', () => {
  let env: E2E;
  before(async () => (env = await startE2E()));
  after(() => env.close());

  const onShop = (steps: Parameters<typeof onShopOf>[1]) => onShopOf(env, steps);
  const details = (token: string) => detailsOf(env, token);

  it('accepts a card', () =>
    onShop(async (page, record) => {
      await page.goto(`${env.demo.url}/`);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      await payWith(page, CARDS.accepted);
      await waitForState(page, 'PAYMENT_SUCCESS');
      assert.deepEqual((await record()).finalStates, ['PAYMENT_SUCCESS']);
      assert.equal((await details(await tokenOf(page))).result.code, '00000');
    }));

  it('refuses a card, then accepts another on retry', () =>
    onShop(async (page, record) => {
      await page.goto(`${env.demo.url}/`);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      await payWith(page, CARDS.refused);
      await waitForState(page, 'PAYMENT_FAILURE_WITH_RETRY');
      await payWith(page, CARDS.accepted);
      await waitForState(page, 'PAYMENT_SUCCESS');
      const { states, finalStates } = await record();
      assert.ok(states.indexOf('PAYMENT_FAILURE_WITH_RETRY') < states.indexOf('PAYMENT_SUCCESS'));
      assert.deepEqual(finalStates, ['PAYMENT_SUCCESS']);
      const paid = await details(await tokenOf(page));
      assert.deepEqual([paid.result.code, paid.numberOfAttempt], ['00000', 2]);
    }));

  it('accepts an American Express card with its 4-digit CID', () =>
    onShop(async (page) => {
      await page.goto(`${env.demo.url}/`);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      await payWith(page, CARDS.amex);
      await waitForState(page, 'PAYMENT_SUCCESS');
      const paid = await details(await tokenOf(page));
      assert.deepEqual([paid.result.code, paid.card.type, paid.card.number], ['00000', 'AMEX', '378282XXXXX0005']);
    }));

  it('cancels, and the shopper lands on the shop’s cancelURL', () =>
    onShop(async (page) => {
      await page.goto(`${env.demo.url}/`);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      const token = await tokenOf(page);
      await page.locator('[part~="cancel-link"]').click();
      await page.waitForURL(/\/cancel\?order=/);
      assert.equal(await page.locator('#result').getAttribute('data-code'), '02319');
      assert.equal((await details(token)).result.code, '02319');
    }));

  it('shows TOKEN_EXPIRED for a session past its time', () =>
    onShop(async (page, record) => {
      await page.goto(`${env.demo.url}/`);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      const token = await tokenOf(page);
      await env.gw.advance(15 * 60 * 1000);
      await page.goto(`${env.demo.url}/?paylinetoken=${token}`);
      await waitForState(page, 'TOKEN_EXPIRED');
      assert.deepEqual((await record()).finalStates, ['TOKEN_EXPIRED']);
      assert.equal((await details(token)).result.code, '02324');
    }));
});
