import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A redis-server of the test's own: a free loopback port, a temporary folder, nothing saved.
 * scripts/redis-server.js finds Debian's binary (installing it when it can, failing otherwise).
 * Options give it other settings (persistence, eviction) or restart one on the port and folder
 * of another, as an operator restarting Redis would.
 */
export interface RedisProcess {
  url: string;
  port: number;
  /** Its working folder (AOF and RDB files). */
  dir: string;
  /** SIGTERM, then removes the folder unless it was given. */
  stop(): Promise<void>;
  /** SIGKILL: the server dies as in a crash; the folder is kept, for a restart. */
  crash(): Promise<void>;
}

export interface RedisOptions {
  /** redis-server settings after the defaults (no RDB, no AOF), which they override: `['--appendonly', 'yes']`. */
  settings?: string[];
  /** Restarting: the port and folder of a server that stopped. */
  port?: number;
  dir?: string;
}

/** From build/test/server/support/ to the repository's scripts/. */
const FIND_SCRIPT = fileURLToPath(new URL('../../../../scripts/redis-server.js', import.meta.url));
const READY = 'Ready to accept connections';
const START_TIMEOUT_MS = 10_000;

export function redisServerPath(): string {
  const found = spawnSync(process.execPath, [FIND_SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (found.status !== 0) throw new Error('redis-server is not available (see scripts/redis-server.js)');
  return found.stdout.trim();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the server and resolves once it accepts connections. */
export async function startRedis(options: RedisOptions = {}): Promise<RedisProcess> {
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'guichet-redis-'));
  const port = options.port ?? (await freePort());
  let child: ChildProcess;
  try {
    child = await spawnRedisServer(port, dir, options.settings ?? []);
  } catch (error) {
    if (ownDir) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    stop: async () => {
      await stopRedisServer(child);
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
    crash: () => stopRedisServer(child, 'SIGKILL'),
  };
}

/** A redis-server on a loopback port, its files in `dir`, nothing saved; resolves once it accepts connections. */
export async function spawnRedisServer(port: number, dir: string, extraArgs: readonly string[]): Promise<ChildProcess> {
  const child = spawn(redisServerPath(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await ready(child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return child;
}

/** Stops a server started by spawnRedisServer (SIGKILL: as in a crash) and waits for it to exit. */
export async function stopRedisServer(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`redis-server did not start in ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(READY)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve();
      }
    };
    const fail = (error: Error): void => {
      clearTimeout(timer);
      reject(error);
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)));
  });
}
