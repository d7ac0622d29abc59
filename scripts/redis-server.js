// Debian's redis-server for the Redis store tests (DESIGN.md "Conventions": real Redis, started by
// the tests on a free port): its path, and a check that installs it with apt-get when missing and
// we are root on Debian, or else fails naming the command to run. Never a silent skip.
// Run directly (`node scripts/redis-server.js`), it makes sure of it and prints the path.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REDIS_SERVER_PATH = '/usr/bin/redis-server';

const INSTALL = 'apt-get update && apt-get install -y redis-server';

/** Makes sure REDIS_SERVER_PATH exists, installing Debian's package if we can; exits 1 if not. */
export function ensureRedisServer() {
  if (existsSync(REDIS_SERVER_PATH)) return;
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/etc/debian_version')) {
    console.error(`redis-server is missing at ${REDIS_SERVER_PATH}. Install Debian's package as root: ${INSTALL}`);
    process.exit(1);
  }
  console.error(`redis-server is missing at ${REDIS_SERVER_PATH}: installing Debian's package (${INSTALL})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Progress goes to stderr: stdout carries only the path.
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'redis-server']]) {
    if (spawnSync('apt-get', args, { stdio: ['ignore', 2, 2], env }).status !== 0) failInstall();
  }
  if (!existsSync(REDIS_SERVER_PATH)) failInstall();
}

function failInstall() {
  console.error(`Installing redis-server failed. Run as root: ${INSTALL}`);
  process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureRedisServer();
  console.log(REDIS_SERVER_PATH);
}
