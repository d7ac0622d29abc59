// Runs the end-to-end tests (build/test/e2e/**/*.test.js): the real gateway and widget build,
// the demo shop on another origin, Debian's Chromium through playwright-core. Chromium is
// installed first when missing (scripts/chromium.js); the widget must be built. One file at a
// time: each starts its own browser. Extra arguments filter the files by substring.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ensureChromium } from './chromium.js';

/** Every compiled end-to-end test file under `dir` (none before the build). */
export function e2eTestFiles(dir = 'build/test/e2e') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return e2eTestFiles(path);
    return name.endsWith('.test.js') ? [path] : [];
  });
}

/** Runs the end-to-end tests matching `filters` (all without filters); the runner's exit status. */
export function runE2ETests(filters) {
  const files = e2eTestFiles()
    .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
    .sort();
  if (files.length === 0) {
    console.error('no end-to-end test file matched (compile them with `npm run build`)');
    return 1;
  }
  if (!existsSync('dist/widget/guichet.js')) {
    console.error('the widget is not built (dist/widget/guichet.js): run `npm run build` first');
    return 1;
  }
  ensureChromium();
  const env = { ...process.env, CHROMIUM_PATH, CHROMIUM_ARGS: CHROMIUM_ARGS.join(' ') };
  return spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], { stdio: 'inherit', env }).status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(runE2ETests(process.argv.slice(2)));
