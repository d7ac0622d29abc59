import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startDemo, type Demo } from '../../../demo/demo-server.js';
import { startTestGateway, type TestGateway } from '../../server/support/gateway-harness.js';

/**
 * The end-to-end world: a real gateway serving the real widget build (dist/widget/) on
 * 127.0.0.1, the demo shop on `localhost` (another origin), and Debian's Chromium driven by
 * playwright-core (never a downloaded browser). scripts/run-e2e.js gives the browser's path
 * and flags (scripts/chromium.js) in CHROMIUM_PATH and CHROMIUM_ARGS.
 */
export interface E2E {
  gw: TestGateway;
  demo: Demo;
  browser: Browser;
  close(): Promise<void>;
}

function chromiumFromEnv(): { executablePath: string; args: string[] } {
  const executablePath = process.env.CHROMIUM_PATH;
  if (!executablePath) throw new Error('CHROMIUM_PATH is not set: run the end-to-end tests with `node scripts/run-e2e.js`');
  return { executablePath, args: (process.env.CHROMIUM_ARGS ?? '').split(' ').filter(Boolean) };
}

export async function startE2E(): Promise<E2E> {
  const gw = await startTestGateway({ GUICHET_WIDGET_DIR: 'dist/widget' });
  const demo = await startDemo({ port: 0, host: '127.0.0.1', gatewayUrl: gw.url, merchantId: 'demo-merchant', accessKey: 'demo-access-key' });
  const browser = await chromium.launch({ ...chromiumFromEnv(), headless: true });
  return {
    gw,
    demo,
    browser,
    async close() {
      await browser.close();
      await demo.close();
      await gw.close();
    },
  };
}

/** What the merchant page saw: the widget's states and every message posted to its window. */
export interface PageRecord {
  states: string[];
  finalStates: string[];
  messages: string[];
}

/** Runs in the merchant page before its own scripts: records the widget's events and every message. */
const RECORDER = `(() => {
  const record = { states: [], finalStates: [], messages: [] };
  window.__guichet = record;
  document.addEventListener('guichet-state', (event) => record.states.push(event.detail.state));
  document.addEventListener('guichet-final-state', (event) => record.finalStates.push(event.detail.state));
  window.addEventListener('message', (event) => record.messages.push(JSON.stringify(event.data)));
})();`;

/**
 * A fresh browser context and page that records, from the merchant page's own script, the
 * widget's `guichet-state` / `guichet-final-state` events and the data of every `message` event.
 * (Browser-side code reaches the page through `globalThis`: this project compiles without the DOM library.)
 */
export async function merchantPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; record(): Promise<PageRecord> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(RECORDER);
  return { context, page, record: () => page.evaluate(() => (globalThis as unknown as { __guichet: PageRecord }).__guichet) };
}
