/** Helpers of the widget's browser tests: tokens of the fake gateway, waiting, axe-core, keys. */
import 'axe-core';
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { GuichetEventMap } from '../../../widget/events.js';

const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;

/** A fresh token of the fake gateway's scenario (`open`, `fr`, `expired`…): its own session. */
export function token(scenario: string): string {
  return `${scenario}-${Math.random().toString(16).slice(2)}`;
}

/** Resolves with the next `name` event on `target` that `accept` takes. */
export function nextEvent<K extends keyof GuichetEventMap>(
  target: EventTarget,
  name: K,
  accept: (event: GuichetEventMap[K]) => boolean = () => true,
): Promise<GuichetEventMap[K]> {
  return new Promise((resolve) => {
    const listener = (event: Event) => {
      if (!accept(event as GuichetEventMap[K])) return;
      target.removeEventListener(name, listener);
      resolve(event as GuichetEventMap[K]);
    };
    target.addEventListener(name, listener);
  });
}

/**
 * Waits until `condition` holds (polling), failing after `timeout` ms with `what`. Generous: keys
 * typed into a cross-origin iframe travel through the browser's protocol one by one, and a busy
 * machine slows them down; a condition that never holds still fails.
 */
export async function until(condition: () => unknown, what = 'condition', timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs axe-core on `context` (iframes are checked on their own page) and expects no violation. */
export async function expectAccessible(context: Element | Document = document): Promise<void> {
  const results = await axe.run(context, { iframes: false, resultTypes: ['violations'] });
  const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(violations).to.deep.equal([]);
}

/** Presses Shift+Tab with the real keyboard. */
export async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}
