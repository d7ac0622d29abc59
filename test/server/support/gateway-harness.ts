import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ManualClock } from '../../../server/core/clock.js';
import { readConfig, type Config } from '../../../server/config.js';
import { createGateway, type Gateway, type GatewayOptions } from '../../../server/gateway.js';
import { createLogger } from '../../../server/logging/logger.js';

/**
 * A real gateway on a free loopback port, with a ManualClock and its own data folder, for tests
 * over real HTTP. Log lines are kept in `logs` so tests can check what was (never) logged.
 */
export interface TestGateway {
  gateway: Gateway;
  clock: ManualClock;
  url: string;
  logs: string[];
  /** POST /v4/{operation} as the sandbox merchant; returns the parsed JSON body. */
  call(operation: string, body: unknown): Promise<any>;
  /** A raw fetch against the gateway (path starting with /). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Moves the clock and runs the jobs that fall due. */
  advance(ms: number): Promise<number>;
  close(): Promise<void>;
}

/** 2026-03-02 10:00 UTC, a Monday: far from month ends and DST changes. */
export const TEST_EPOCH = Date.UTC(2026, 2, 2, 10, 0, 0);

export const SANDBOX_AUTH = 'Basic ' + Buffer.from('demo-merchant:demo-access-key').toString('base64');

export async function startTestGateway(
  env: Record<string, string> = {},
  overrides: Partial<Omit<GatewayOptions, 'config'>> = {},
): Promise<TestGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-test-'));
  const config: Config = readConfig({ PORT: '0', HOST: '127.0.0.1', GUICHET_DATA_DIR: dataDir, ...env });
  const clock = new ManualClock(TEST_EPOCH);
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const gateway = await createGateway({ config, clock, logger: createLogger({ level: 'info', destination }), ...overrides });
  const { url } = await gateway.listen();
  const fetchGateway = (path: string, init?: RequestInit) => fetch(url + path, init);
  return {
    gateway,
    clock,
    url,
    logs,
    fetch: fetchGateway,
    async call(operation, body) {
      const response = await fetchGateway(`/v4/${operation}`, {
        method: 'POST',
        headers: { authorization: SANDBOX_AUTH, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status !== 200) throw new Error(`${operation}: HTTP ${response.status} ${await response.text()}`);
      return response.json();
    },
    async advance(ms) {
      clock.advance(ms);
      return gateway.jobs.runDue();
    },
    async close() {
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
