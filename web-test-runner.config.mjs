// @web/test-runner 0.20 for the widget's browser tests (test/widget/**/*.test.ts) in Debian's
// Chromium (scripts/chromium.js), TypeScript through esbuild with the widget's tsconfig, and a
// fake gateway answering /widget/sessions/… on the same server (test/widget/support/fake-gateway.mjs),
// with fake live events on its socket.io (test/widget/support/fake-live.mjs). Packages resolve as
// a browser's bundle would (the `browser` condition: Lit's production build, socket.io-client's
// build without `debug`).
// One test file at a time: several tests move the keyboard focus.
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.js';
import { engineIoBrowserDevServer } from './scripts/engine-io-browser.js';
import { fakeGateway } from './test/widget/support/fake-gateway.mjs';
import { fakeLive, fakeLiveControl } from './test/widget/support/fake-live.mjs';
import { summaryReporter } from './test/widget/support/summary-reporter.mjs';

export default {
  files: ['test/widget/**/*.test.ts'],
  hostname: '127.0.0.1',
  nodeResolve: { browser: true, exportConditions: ['browser'] },
  concurrency: 1,
  middleware: [fakeGateway, fakeLiveControl],
  plugins: [fakeLive(), engineIoBrowserDevServer(), esbuildPlugin({ ts: true, tsconfig: 'tsconfig.widget.json', target: 'es2021' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS } })],
  testFramework: { config: { timeout: 30_000 } },
  reporters: [defaultReporter(), summaryReporter()],
};
