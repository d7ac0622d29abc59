import type { FrameLocator, Page } from 'playwright-core';
import type { PageRecord } from './e2e-env.js';

/**
 * The shopper's hands on <guichet-checkout>, by what the widget documents: its parts
 * (`card-frame`, `pay-button`, `cancel-link`, `challenge-frame`), the card fields' autocomplete
 * tokens, and the `guichet-final-state` event. Playwright's CSS selectors pierce open shadow roots.
 */
export interface TestCard {
  number: string;
  expiry: string;
  cvx: string;
}

export const CARDS = {
  accepted: { number: '4970101122334455', expiry: '12/35', cvx: '123' },
  /** Accepted, and not among the cards the demo page lists. */
  visa: { number: '4111111111111111', expiry: '12/35', cvx: '123' },
  refused: { number: '4000000000011009', expiry: '12/35', cvx: '123' },
  amex: { number: '378282246310005', expiry: '12/35', cvx: '1234' },
  challengePass: { number: '4970103000000026', expiry: '12/35', cvx: '123' },
  challengeFail: { number: '4970103000000034', expiry: '12/35', cvx: '123' },
} as const satisfies Record<string, TestCard>;

export function cardFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[part~="card-frame"]');
}

export async function fillCard(page: Page, card: TestCard): Promise<void> {
  const frame = cardFrame(page);
  await frame.locator('input[autocomplete="cc-number"]').fill(card.number);
  await frame.locator('input[autocomplete="cc-exp"]').fill(card.expiry);
  await frame.locator('input[autocomplete="cc-csc"]').fill(card.cvx);
  const name = frame.locator('input[autocomplete="cc-name"]');
  if (await name.count()) await name.fill('Ada Lovelace');
}

export async function payWith(page: Page, card: TestCard): Promise<void> {
  await fillCard(page, card);
  await page.locator('[part~="pay-button"]').click();
}

/** Waits until the widget reached `state` (a `guichet-state` event), then answers every state seen. */
export async function waitForState(page: Page, state: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction((wanted) => (globalThis as unknown as { __guichet: PageRecord }).__guichet.states.includes(wanted), state, { timeout });
}

/** The ACS page in the widget's challenge iframe. */
export function challengeFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[part~="challenge-frame"]');
}
