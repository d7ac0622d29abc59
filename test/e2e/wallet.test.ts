import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './support/e2e-env.js';
import { details as detailsOf, onShop as onShopOf } from './support/shop.js';
import { CARDS, cardFrame, fillCard, waitForState } from './support/checkout.js';

/**
 * Saved cards and web wallets on the demo shop (localhost) with the widget the real gateway
 * (127.0.0.1) serves: a first payment saves its card (creating the wallet, seed 003), the next
 * one pays with it and its CVV typed again; a manageWebWallet session adds two cards, makes the
 * second the default, removes the first, and getWebWallet then shows the outcome.
 */
const VERSION = '34';
let counter = 0;
const nextWalletId = () => `e2e-${process.pid}-${++counter}`;

describe('saved cards and web wallets, across origins', () => {
  let env: E2E;
  before(async () => (env = await startE2E()));
  after(() => env.close());

  const onShop = (steps: Parameters<typeof onShopOf>[1]) => onShopOf(env, steps);
  const details = (token: string) => detailsOf(env, token);

  /** doWebPayment with buyer.walletId, as the shop's server would open it. */
  async function walletPayment(walletId: string, amount: number): Promise<string> {
    const answer = await env.gw.call('doWebPayment', {
      version: VERSION,
      payment: { amount, currency: 978, action: 101, mode: 'CPT', contractNumber: 'CB' },
      returnURL: `${env.demo.url}/return`,
      cancelURL: `${env.demo.url}/cancel`,
      order: { ref: `${walletId}-${amount}`, amount, currency: 978, date: '02/03/2026 11:00' },
      buyer: { walletId, lastName: 'Lovelace', firstName: 'Ada', email: 'ada@shop.example' },
    });
    assert.equal(answer.result.code, '00000');
    return answer.token;
  }

  it('saves the card of a first payment, then pays with it and its CVV', () =>
    onShop(async (page) => {
      const walletId = nextWalletId();
      const first = await walletPayment(walletId, 1990);
      await page.goto(`${env.demo.url}/?paylinetoken=${first}`);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      await page.locator('[part~="save-card"]').check();
      await fillCard(page, CARDS.accepted);
      await page.locator('[part~="pay-button"]').click();
      await waitForState(page, 'PAYMENT_SUCCESS');
      assert.equal((await details(first)).wallet.walletId, walletId);

      const second = await walletPayment(walletId, 2490);
      await page.goto(`${env.demo.url}/?paylinetoken=${second}`);
      await waitForState(page, 'PAYMENT_METHODS_LIST');
      assert.equal(await page.locator('#saved-1').isChecked(), true);
      assert.match(await page.locator('[part~="saved-card"]').first().innerText(), /497010XXXXXX4455/);
      await cardFrame(page).locator('input[autocomplete="cc-csc"]').fill('123');
      await page.locator('[part~="pay-button"]').click();
      await waitForState(page, 'PAYMENT_SUCCESS');
      const paid = await details(second);
      assert.equal(paid.result.code, '00000');
      assert.equal(paid.authorization.authorizedAmount, 2490);
      assert.deepEqual(paid.wallet, { walletId, card: { number: '497010XXXXXX4455', type: 'CB', expirationDate: '1235', cardholder: 'Ada Lovelace' } });
    }));

  it('manages a web wallet: adds two cards, sets the default, removes one; getWebWallet shows it', () =>
    onShop(async (page, record) => {
      const walletId = nextWalletId();
      const opened = await env.gw.call('manageWebWallet', {
        version: VERSION,
        contractNumber: 'CB',
        buyer: { walletId, lastName: 'Lovelace', firstName: 'Ada' },
        returnURL: `${env.demo.url}/return`,
        cancelURL: `${env.demo.url}/cancel`,
      });
      assert.equal(opened.result.code, '00000');
      await page.goto(`${env.demo.url}/?paylinetoken=${opened.token}`);
      await waitForState(page, 'MANAGE_WEB_WALLET');
      await addCard(page, CARDS.accepted);
      await addCard(page, CARDS.visa);
      const cards = page.locator('[part~="wallet-card"]');
      await cards.nth(1).getByRole('button', { name: 'Make default' }).click();
      await page.locator('[part~="message"]', { hasText: 'Default card changed.' }).waitFor();
      await cards.nth(0).getByRole('button', { name: 'Remove' }).click();
      await page.locator('[part~="message"]', { hasText: 'Card removed.' }).waitFor();
      assert.equal(await cards.count(), 1);
      await page.locator('[part~="done-button"]').click();
      await waitForState(page, 'PAYMENT_SUCCESS');
      assert.deepEqual((await record()).finalStates, ['PAYMENT_SUCCESS']);

      const outcome = await env.gw.call('getWebWallet', { version: VERSION, token: opened.token });
      assert.equal(outcome.result.code, '02500');
      assert.equal(outcome.numberOfAttempt, 4);
      assert.deepEqual([outcome.wallet.walletId, outcome.wallet.card.number, outcome.wallet.default], [walletId, '411111XXXXXX1111', 'Y']);
      const listed = await env.gw.call('getCards', { version: VERSION, contractNumber: 'CB', walletId });
      const byIndex = Object.fromEntries(listed.cardsList.cards.map((c: any) => [c.cardInd, [c.isDisabled, c.default]]));
      assert.deepEqual(byIndex, { '1': ['1', 'N'], '2': ['0', 'Y'] });
    }));
});

/** Adds a card in MANAGE_WEB_WALLET through the card fields, and waits until it is said. */
async function addCard(page: Page, card: { number: string; expiry: string; cvx: string }): Promise<void> {
  const before = await page.locator('[part~="wallet-card"]').count();
  await page.getByRole('button', { name: 'Add a card' }).click();
  await fillCard(page, card);
  await page.locator('[part~="save-card-button"]').click();
  await page.locator('[part~="wallet-card"]').nth(before).waitFor();
}
