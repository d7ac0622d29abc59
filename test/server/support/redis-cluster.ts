import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort, redisServerPath, spawnRedisServer, stopRedisServer } from './redis-process.js';

/**
 * A Redis Cluster of the test's own: three masters (no replicas) on free loopback ports, their
 * files in one temporary folder, joined with `redis-cli --cluster create` (Debian's redis-tools,
 * installed with redis-server). Every step is bounded in time; a failed start stops what it began.
 */
export interface RedisClusterProcess {
  /** `redis-cluster://127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3` (see server/store/redis/redis-connection.ts). */
  url: string;
  ports: number[];
  stop(): Promise<void>;
}

const CREATE_TIMEOUT_MS = 20_000;
const STATE_TIMEOUT_MS = 20_000;

export async function startRedisCluster(masters = 3): Promise<RedisClusterProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-redis-cluster-'));
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(children.map((child) => stopRedisServer(child)));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ports: number[] = [];
    for (let i = 0; i < masters; i++) {
      const port = await freePort();
      ports.push(port);
      children.push(
        await spawnRedisServer(port, dir, ['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '5000']),
      );
    }
    await createCluster(ports);
    await clusterStateOk(ports);
    return { url: `redis-cluster://${ports.map((port) => `127.0.0.1:${port}`).join(',')}`, ports, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** redis-cli --cluster create: the slots split between the masters. */
function createCluster(ports: readonly number[]): Promise<void> {
  const cli = join(dirname(redisServerPath()), 'redis-cli');
  const args = ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes'];
  return new Promise((resolve, reject) => {
    const child = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), CREATE_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${cli} could not run: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`redis-cli --cluster create failed (${signal ?? code}):\n${output}`));
    });
  });
}

/** Waits until every node says cluster_state:ok with every slot assigned. */
async function clusterStateOk(ports: readonly number[]): Promise<void> {
  const nodes = ports.map((port) => new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 1 }));
  try {
    const deadline = Date.now() + STATE_TIMEOUT_MS;
    for (;;) {
      const infos = await Promise.all(nodes.map((node) => node.cluster('INFO') as Promise<string>));
      if (infos.every((info) => info.includes('cluster_state:ok') && info.includes('cluster_slots_ok:16384'))) return;
      if (Date.now() > deadline) throw new Error(`the Redis Cluster did not reach cluster_state:ok in ${STATE_TIMEOUT_MS} ms:\n${infos.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    for (const node of nodes) node.disconnect();
  }
}
