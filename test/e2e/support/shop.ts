import type { Page } from 'playwright-core';
import { merchantPage, type E2E, type PageRecord } from './e2e-env.js';

/** Runs `steps` on a fresh merchant page of the demo shop, closing it whatever happens. */
export async function onShop(env: E2E, steps: (page: Page, record: () => Promise<PageRecord>) => Promise<void>): Promise<void> {
  const { context, page, record } = await merchantPage(env.browser);
  try {
    await steps(page, record);
  } finally {
    await context.close();
  }
}

/** The token of the widget on the page, wherever it sits (Playwright's locators pierce shadow roots). */
export function tokenOf(page: Page): Promise<string> {
  return page.locator('guichet-checkout').getAttribute('token') as Promise<string>;
}

/** getWebPaymentDetails, as the shop's server would call it. */
export function details(env: E2E, token: string): Promise<any> {
  return env.gw.call('getWebPaymentDetails', { version: '34', token });
}
