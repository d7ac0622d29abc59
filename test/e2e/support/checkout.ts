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
  amexChallenge: { number: '370000000000028', expiry: '12/35', cvx: '1234' },
} as const satisfies Record<string, TestCard>;

/** The simulator's test gift cards (docs/test-cards.md): number and secret code. */
export interface TestGiftCard {
  number: string;
  code: string;
}

export const GIFT_CARDS = {
  g30: { number: '6035010000000000001', code: '1111' },
  g50: { number: '6035010000000000002', code: '2222' },
  g200: { number: '6035010000000000003', code: '3333' },
  expired: { number: '6035010000000000006', code: '6666' },
  g100: { number: '6035010000000000009', code: '9999' },
} as const satisfies Record<string, TestGiftCard>;

/**
 * Types a gift card into the widget's gift-card form (opening it again with "add another" when a
 * card is listed already) and presses Add; resolves once the gateway answered: a new card listed,
 * or an error shown.
 */
export async function addGiftCard(page: Page, card: TestGiftCard): Promise<void> {
  const listed = page.locator('[part~="gift-card"]');
  const before = await listed.count();
  const another = page.locator('[part~="add-another-button"]');
  if (await another.count()) await another.click();
  await page.locator('input[part~="gift-card-number"]').fill(card.number);
  await page.locator('input[part~="gift-card-code"]').fill(card.code);
  await page.locator('[part~="gift-card-add"]').click();
  const added = listed.nth(before);
  const refused = page.locator('guichet-gift-cards p.error:not(:empty)');
  await added.or(refused).first().waitFor();
}

/** The gift cards listed in the widget: `masked | pays … | balance left …` each. */
export async function giftCardsListed(page: Page): Promise<string[]> {
  return page.locator('[part~="gift-card"]').evaluateAll((items) => items.map((li) => [...li.querySelectorAll('span')].map((span) => span.textContent).join(' | ')));
}

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
