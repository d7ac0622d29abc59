// The gateway under test for bench/notify/run.ts, in its own process (started with fork()): the
// embedded memory store, the simulator, the system clock, logs at warn to stdout (the parent
// points it at /dev/null). Tells the parent { type: 'ready', port } and closes on SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../server/config.js';
import { createGateway } from '../../server/gateway.js';
import { createLogger } from '../../server/logging/logger.js';

export type GatewayMessage = { type: 'ready'; port: number };

if (!process.send) {
  console.error('gateway.js is started by run.js (it needs an IPC channel)');
  process.exit(2);
}
const dataDir = mkdtempSync(join(tmpdir(), 'guichet-bench-notify-'));
const config = readConfig({ PORT: '0', HOST: '127.0.0.1', GUICHET_DATA_DIR: dataDir, LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn' });
const gateway = await createGateway({ config, logger: createLogger({ level: config.logLevel }) });
const { port } = await gateway.listen();
process.send({ type: 'ready', port } satisfies GatewayMessage);

async function stop(): Promise<void> {
  await gateway.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('disconnect', () => void stop());
