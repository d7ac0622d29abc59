import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './support/e2e-env.js';
import { addGiftCard, CARDS, challengeFrame, GIFT_CARDS, giftCardsListed, payWith, waitForState } from './support/checkout.js';
import { details as detailsOf, onShop as onShopOf, tokenOf } from './support/shop.js';

/**
 * Carte Cadeau on the demo shop (`?giftcard=1`: the sandbox's gift-card contract selected too)
 * with the real gateway and its simulated gift-card processor: gift cards alone, gift cards and a
 * card paying the rest (with 3-D Secure, refused then accepted), a refused gift card, and a cancel
 * giving the balance back. Balances live in the gateway's store, shared by the tests of this
 * file: each test uses its own cards, or reads the balance it starts from.
 */
describe('gift cards in the widget, across origins', () => {
  let env: E2E;
  before(async () => (env = await startE2E()));
  after(() => env.close());

  const onShop = (steps: Parameters<typeof onShopOf>[1]) => onShopOf(env, steps);
  const details = (token: string) => detailsOf(env, token);

  async function openShop(page: Page, amount: number): Promise<string> {
    await page.goto(`${env.demo.url}/?giftcard=1&amount=${amount}`);
    await waitForState(page, 'PAYMENT_METHODS_LIST');
    return tokenOf(page);
  }

  /** The session as the widget reads it. */
  async function sessionView(token: string): Promise<any> {
    return (await fetch(`${env.gw.url}/widget/sessions/${token}`)).json();
  }

  /** The ticket's lines, `term: value`, after asking for it. */
  async function ticket(page: Page): Promise<string[]> {
    await page.locator('[part~="ticket-button"]').click();
    return page.locator('guichet-ticket dl div').evaluateAll((lines) =>
      lines.map((line) => `${line.querySelector('dt')!.textContent!.trim()}: ${line.querySelector('dd')!.textContent}`),
    );
  }

  /** The text of a widget part, its template spaces collapsed. */
  async function partText(page: Page, name: string): Promise<string> {
    return ((await page.locator(`[part~="${name}"]`).textContent()) ?? '').replace(/[ \n]+/g, ' ').trim();
  }

  it('one gift card pays everything: confirmed without a card', () =>
    onShop(async (page, record) => {
      const token = await openShop(page, 4990);
      await addGiftCard(page, GIFT_CARDS.g200);
      assert.deepEqual(await giftCardsListed(page), ['XXXXXXXXXXXXXXX0003 | Pays €49.90 | Balance left: €150.10']);
      assert.equal(await partText(page, 'amount-left'), 'Left to pay €0.00');
      assert.equal(await page.locator('iframe[part~="card-frame"]').isVisible(), false);
      await page.locator('[part~="confirm-button"]').click();
      await waitForState(page, 'PAYMENT_SUCCESS');
      assert.deepEqual((await record()).finalStates, ['PAYMENT_SUCCESS']);
      const paid = await details(token);
      assert.equal(paid.result.code, '00000');
      assert.deepEqual(JSON.parse(paid.transaction.partnerAdditionalData), [
        { PAN: 'XXXXXXXXXXXXXXX0003', initialBalance: '20000', finalBalance: '15010', paymentAmount: '4990' },
      ]);
      assert.equal(paid.paymentAdditionalList, undefined);
      const lines = await ticket(page);
      assert.ok(lines.includes('Gift card XXXXXXXXXXXXXXX0003: €49.90'), lines.join('\n'));
      assert.ok(lines.includes('Amount: €49.90'), lines.join('\n'));
      assert.ok(lines.includes(`Transaction: ${paid.transaction.id}`), lines.join('\n'));
    }));

  it('two gift cards, then a Visa pays the rest', () =>
    onShop(async (page) => {
      const token = await openShop(page, 10000);
      await addGiftCard(page, GIFT_CARDS.g30);
      assert.equal(await partText(page, 'pay-button'), 'Pay €70.00');
      await addGiftCard(page, GIFT_CARDS.g50);
      assert.deepEqual(await giftCardsListed(page), [
        'XXXXXXXXXXXXXXX0001 | Pays €30.00 | Balance left: €0.00',
        'XXXXXXXXXXXXXXX0002 | Pays €50.00 | Balance left: €0.00',
      ]);
      assert.equal(await partText(page, 'amount-left'), 'Left to pay €20.00');
      assert.equal(await partText(page, 'pay-button'), 'Pay €20.00');
      await payWith(page, CARDS.visa);
      await waitForState(page, 'PAYMENT_SUCCESS');
      const paid = await details(token);
      assert.equal(paid.result.code, '00000');
      assert.deepEqual(JSON.parse(paid.transaction.partnerAdditionalData).map((part: { paymentAmount: string }) => part.paymentAmount), ['3000', '5000']);
      const [complement] = paid.paymentAdditionalList.paymentAdditional;
      assert.deepEqual([Number(complement.payment.amount), complement.card.number, complement.transaction.id === paid.transaction.id], [2000, '411111XXXXXX1111', false]);
      const lines = await ticket(page);
      for (const line of ['Gift card XXXXXXXXXXXXXXX0001: €30.00', 'Gift card XXXXXXXXXXXXXXX0002: €50.00', 'Card 411111XXXXXX1111: €20.00', 'Amount: €100.00']) {
        assert.ok(lines.includes(line), `${line} in\n${lines.join('\n')}`);
      }
    }));

  it('a gift card, then an American Express through a 3-D Secure challenge', () =>
    onShop(async (page) => {
      const token = await openShop(page, 15000);
      await addGiftCard(page, GIFT_CARDS.g100);
      assert.equal(await partText(page, 'pay-button'), 'Pay €50.00');
      await payWith(page, CARDS.amexChallenge);
      await challengeFrame(page).getByRole('button', { name: 'Authenticate' }).click();
      await waitForState(page, 'PAYMENT_SUCCESS');
      const paid = await details(token);
      const [complement] = paid.paymentAdditionalList.paymentAdditional;
      assert.deepEqual([paid.result.code, complement.card.type, complement.transaction.threeDSecure, Number(complement.payment.amount)], ['00000', 'AMEX', 'Y', 5000]);
      const lines = await ticket(page);
      assert.ok(lines.includes('Gift card XXXXXXXXXXXXXXX0009: €100.00'), lines.join('\n'));
      assert.ok(lines.includes('Card 370000XXXXX0028: €50.00'), lines.join('\n'));
    }));

  it('a refused gift card is said beside its number, and nothing is reserved', () =>
    onShop(async (page, record) => {
      const token = await openShop(page, 4990);
      await addGiftCard(page, GIFT_CARDS.expired);
      assert.equal(await page.locator('guichet-gift-cards #gift-card-number-error').textContent(), 'This gift card has expired.');
      assert.equal(await page.locator('input[part~="gift-card-number"]').getAttribute('aria-invalid'), 'true');
      assert.deepEqual(await giftCardsListed(page), []);
      assert.deepEqual((await sessionView(token)).giftCards.entries, []);
      assert.deepEqual((await record()).states, ['PAYMENT_METHODS_LIST']);
    }));

  it('cancel after entering a gift card gives its balance back', () =>
    onShop(async (page) => {
      const token = await openShop(page, 4990);
      await addGiftCard(page, GIFT_CARDS.g200);
      const [entry] = (await sessionView(token)).giftCards.entries;
      assert.equal(entry.amount, 4990);
      await page.locator('[part~="cancel-link"]').click();
      await page.waitForURL(/\/cancel\?order=/);
      assert.equal((await details(token)).result.code, '02319');

      const again = await openShop(page, 4990);
      await addGiftCard(page, GIFT_CARDS.g200);
      const [reentered] = (await sessionView(again)).giftCards.entries;
      assert.deepEqual([reentered.initialBalance, reentered.remainingBalance], [entry.initialBalance, entry.initialBalance - 4990]);
      assert.deepEqual(await giftCardsListed(page), [`XXXXXXXXXXXXXXX0003 | Pays €49.90 | Balance left: €${((entry.initialBalance - 4990) / 100).toFixed(2)}`]);
      // Cancelled too, so that the next test finds the card's whole balance free.
      await page.locator('[part~="cancel-link"]').click();
      await page.waitForURL(/\/cancel\?order=/);
    }));

  it('the card paying the rest is refused, the gift cards stay, and another card is accepted', () =>
    onShop(async (page) => {
      const token = await openShop(page, 30000);
      await addGiftCard(page, GIFT_CARDS.g200);
      const [entry] = (await sessionView(token)).giftCards.entries;
      const left = 30000 - entry.amount;
      assert.ok(left > 0);
      await payWith(page, CARDS.refused);
      await waitForState(page, 'PAYMENT_FAILURE_WITH_RETRY');
      assert.match(await partText(page, 'message'), /^Your bank declined the payment\./);
      assert.equal((await giftCardsListed(page)).length, 1);
      assert.equal((await sessionView(token)).giftCards.entries.length, 1);
      await payWith(page, CARDS.accepted);
      await waitForState(page, 'PAYMENT_SUCCESS');
      const paid = await details(token);
      const [complement] = paid.paymentAdditionalList.paymentAdditional;
      assert.deepEqual([paid.result.code, paid.numberOfAttempt, Number(complement.payment.amount)], ['00000', 2, left]);
      assert.deepEqual(JSON.parse(paid.transaction.partnerAdditionalData), [
        { PAN: 'XXXXXXXXXXXXXXX0003', initialBalance: String(entry.initialBalance), finalBalance: String(entry.initialBalance - entry.amount), paymentAmount: String(entry.amount) },
      ]);
    }));
});
