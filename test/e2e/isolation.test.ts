import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startE2E, type E2E } from './support/e2e-env.js';
import { CARDS, fillCard, payWith, waitForState } from './support/checkout.js';
import { details, onShop, tokenOf } from './support/shop.js';

/** The widget inside the shop's own shadow root, and card data out of the shop's reach. */
describe('isolation', () => {
  let env: E2E;
  before(async () => (env = await startE2E()));
  after(() => env.close());

  it('works inside the merchant’s own shadow root', () =>
    onShop(env, async (page) => {
      await page.goto(`${env.demo.url}/?shadow=1`);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      assert.equal(await page.evaluate(() => (globalThis as any).document.querySelector('guichet-checkout')), null, 'not in the light DOM');
      await payWith(page, CARDS.accepted);
      await waitForState(page, 'PAYMENT_SUCCESS');
      assert.equal((await details(env, await tokenOf(page))).result.code, '00000');
    }));

  it('keeps the card number from the merchant page’s script', () =>
    onShop(env, async (page, record) => {
      await page.goto(`${env.demo.url}/`);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      await fillCard(page, CARDS.visa);
      const digits = CARDS.visa.number;
      /** What a script of the shop can reach: the iframe's document and window, the page's own DOM. */
      const seen = await page.evaluate(() => {
        const doc = (globalThis as any).document;
        const host = doc.querySelector('guichet-checkout');
        const frame = host.shadowRoot.querySelector('iframe[part~="card-frame"]');
        let viaWindow: string;
        try {
          viaWindow = frame.contentWindow.document.body.innerHTML;
        } catch (error) {
          viaWindow = `blocked: ${(error as Error).name}`;
        }
        return { contentDocument: frame.contentDocument === null, viaWindow, text: doc.documentElement.outerHTML + host.shadowRoot.innerHTML };
      });
      assert.equal(seen.contentDocument, true, 'the iframe’s document is out of reach');
      assert.equal(seen.viaWindow, 'blocked: SecurityError');
      const grouped = digits.replace(/(\d{4})(?=\d)/g, '$1 ');
      assert.ok(!seen.text.includes(digits) && !seen.text.includes(grouped), 'no digits in the page');
      await page.locator('[part~="pay-button"]').click();
      await waitForState(page, 'PAYMENT_SUCCESS');
      const { messages } = await record();
      assert.ok(messages.length > 0);
      for (const message of messages) assert.ok(!message.includes(digits) && !message.includes(digits.slice(6, 12)), `no digits posted to the page: ${message}`);
    }));
});
