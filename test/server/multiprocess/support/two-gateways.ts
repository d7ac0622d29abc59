import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedis, type RedisOptions, type RedisProcess } from '../../support/redis-process.js';
import { startGatewayProcess, type GatewayProcess } from './gateway-process.js';

/**
 * Two gateway processes, A and B, sharing one redis-server of their own, one data folder and one
 * data key (what an operator gives every process), behind no balancer: a test picks which
 * process each request goes to. `close` kills everything it started, whatever state it is in.
 */
export interface TwoGateways {
  redis: RedisProcess;
  a: GatewayProcess;
  b: GatewayProcess;
  both: [GatewayProcess, GatewayProcess];
  close(): Promise<void>;
}

export interface TwoGatewaysOptions {
  /** More environment for both processes (GUICHET_LEASE_SECONDS, LOG_LEVEL…). */
  env?: Record<string, string>;
  redis?: RedisOptions;
}

export async function startTwoGateways(options: TwoGatewaysOptions = {}): Promise<TwoGateways> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-multi-'));
  const started: GatewayProcess[] = [];
  let redis: RedisProcess | undefined;
  const close = async (): Promise<void> => {
    await Promise.all(started.map((gateway) => gateway.kill('SIGKILL')));
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    redis = await startRedis(options.redis);
    const env = {
      REDIS_URL: redis.url,
      GUICHET_DATA_DIR: dataDir,
      GUICHET_DATA_KEY: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'info',
      ...options.env,
    };
    // One after the other: each takes its port once the one before is listening on its own.
    for (const name of ['A', 'B']) started.push(await startGatewayProcess(name, env));
    const [a, b] = started as [GatewayProcess, GatewayProcess];
    return { redis, a, b, both: [a, b], close };
  } catch (error) {
    await close();
    throw error;
  }
}
