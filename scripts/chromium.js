// Debian's Chromium for the browser tests (widget tests on @web/test-runner, end-to-end tests):
// its path, the flags these machines need (DESIGN.md "Conventions"), and a check that installs it
// with apt-get when missing and we are root on Debian, or else fails naming the command to run.
// Never a browser download, never a silent skip.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const INSTALL = 'apt-get update && apt-get install -y chromium';

/** Makes sure CHROMIUM_PATH exists, installing Debian's package if we can; exits 1 if not. */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/etc/debian_version')) {
    console.error(`Chromium is missing at ${CHROMIUM_PATH}. Install Debian's package as root: ${INSTALL}`);
    process.exit(1);
  }
  console.log(`Chromium is missing at ${CHROMIUM_PATH}: installing Debian's package (${INSTALL})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    if (spawnSync('apt-get', args, { stdio: 'inherit', env }).status !== 0) failInstall();
  }
  if (!existsSync(CHROMIUM_PATH)) failInstall();
}

function failInstall() {
  console.error(`Installing Chromium failed. Run as root: ${INSTALL}`);
  process.exit(1);
}
