// Runs every compiled server test (build/test/server/**/*.test.js) with node's test runner, then
// the widget's browser tests (scripts/run-widget-tests.js), then the end-to-end tests
// (scripts/run-e2e.js); exits non-zero if any failed.
// Node 20 has no glob for --test, and a `test/` folder would make it run helper files too,
// so the list is built here. Extra arguments filter both by substring: `npm test -- store`.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runWidgetTests, widgetTestFiles } from './run-widget-tests.js';
import { e2eTestFiles, runE2ETests } from './run-e2e.js';

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.js') ? [path] : [];
  });
}

const filters = process.argv.slice(2);
const matches = (file) => filters.length === 0 || filters.some((f) => file.includes(f));
const files = testFiles('build/test/server').filter(matches).sort();
const widgetFiles = widgetTestFiles().filter(matches);
const e2eFiles = e2eTestFiles().filter(matches);
if (files.length === 0 && widgetFiles.length === 0 && e2eFiles.length === 0) {
  console.error('no test file matched');
  process.exit(1);
}
const server = files.length === 0 ? 0 : spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' }).status ?? 1;
const widget = widgetFiles.length === 0 ? 0 : runWidgetTests(filters);
const e2e = e2eFiles.length === 0 ? 0 : runE2ETests(filters);
process.exit(server || widget || e2e);
