// Runs the widget's browser tests (test/widget/**/*.test.ts) with @web/test-runner in Debian's
// Chromium, installing Chromium first when it is missing (scripts/chromium.js). Extra arguments
// filter the test files by substring, as scripts/run-tests.js does: `npm run test:widget -- fields`.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ensureChromium } from './chromium.js';

/** Every widget test file under `dir`. */
export function widgetTestFiles(dir = 'test/widget') {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return widgetTestFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Runs the widget tests matching `filters` (all without filters); the runner's exit status. */
export function runWidgetTests(filters) {
  const files = widgetTestFiles().filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)));
  if (files.length === 0) {
    console.error('no widget test file matched');
    return 1;
  }
  ensureChromium();
  const args = ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs'];
  const run = spawnSync(process.execPath, filters.length === 0 ? args : [...args, '--files', ...files], { stdio: 'inherit' });
  return run.status ?? 1;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(runWidgetTests(process.argv.slice(2)));
