import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startE2E, type E2E } from './support/e2e-env.js';
import { CARDS, payWith, waitForState } from './support/checkout.js';
import { details, onShop } from './support/shop.js';

/** The hosted payment page at doWebPayment's redirectURL: the widget full-page, then back to the shop. */
describe('hosted payment page', () => {
  let env: E2E;
  before(async () => (env = await startE2E()));
  after(() => env.close());

  async function openPayment(): Promise<{ token: string; redirectURL: string }> {
    const opened = await env.gw.call('doWebPayment', {
      version: '34',
      payment: { amount: 1990, currency: 978, action: 101, mode: 'CPT', contractNumber: 'CB' },
      returnURL: `${env.demo.url}/return`,
      cancelURL: `${env.demo.url}/cancel`,
      order: { ref: `hosted-${Date.now()}`, amount: 1990, currency: 978, date: '02/03/2026 11:00' },
    });
    return opened;
  }

  it('takes the payment, with a 3-D Secure challenge, then returns to returnURL', () =>
    onShop(env, async (page) => {
      const { token, redirectURL } = await openPayment();
      await page.goto(redirectURL);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      await payWith(page, CARDS.challengePass);
      await page.frameLocator('iframe[part~="challenge-frame"]').getByRole('button', { name: 'Authenticate' }).click();
      await waitForState(page, 'PAYMENT_SUCCESS');
      await page.locator('#guichet-return').click();
      await page.waitForURL(`${env.demo.url}/return?paylinetoken=${token}`);
      assert.equal(await page.locator('#result').getAttribute('data-code'), '00000');
      assert.equal((await details(env, token)).transaction.threeDSecure, 'Y');
    }));

  it('returns to cancelURL after a cancel', () =>
    onShop(env, async (page) => {
      const { token, redirectURL } = await openPayment();
      await page.goto(redirectURL);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      await page.locator('[part~="cancel-link"]').click();
      await page.waitForURL(/\/cancel/);
      assert.equal((await details(env, token)).result.code, '02319');
    }));
});
