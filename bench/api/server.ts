// One benchmark target in its own process, started by run.js with fork():
//   node build/bench/api/server.js gateway   Guichet as main.ts wires it (simulator; the memory
//                                            store, or Redis when REDIS_URL is set)
//   node build/bench/api/server.js bare      Express 5 with one JSON POST route, the baseline
// It listens on a free loopback port and tells the parent over the IPC channel:
//   { type: 'ready', port, logLevel }; it answers { type: 'cpu' } with its CPU time and, on
// Redis, { type: 'redis' } with the commands and round trips it has sent (redis-round-trips.ts);
// it closes when the parent disconnects or sends SIGTERM. stdout is the log stream, as in
// production; run.js points it at /dev/null.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { readConfig } from '../../server/config.js';
import { createGateway } from '../../server/gateway.js';
import { createLogger } from '../../server/logging/logger.js';
import { countRedisRoundTrips, type RedisTally } from './redis-round-trips.js';

export type TargetKind = 'gateway' | 'bare';

export type ToParent =
  | { type: 'ready'; kind: TargetKind; port: number; logLevel: string | null; pid: number }
  | { type: 'cpu'; userMs: number; systemMs: number }
  | ({ type: 'redis' } & RedisTally);

const kind = process.argv[2];
if (kind !== 'gateway' && kind !== 'bare') {
  console.error('usage: node build/bench/api/server.js gateway|bare');
  process.exit(2);
}
if (!process.send) {
  console.error('server.js is started by run.js (it needs an IPC channel)');
  process.exit(2);
}
const send = (message: ToParent) => process.send!(message);

/** The same shape and about the same size as an accepted doAuthorization answer. */
function bareAnswer(body: { payment?: { amount?: number } }, sequence: number) {
  const id = '1' + String(sequence).padStart(17, '0');
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  return {
    result: { code: '00000', shortMessage: 'ACCEPTED', longMessage: 'Transaction approved' },
    transaction: { id, date, isDuplicated: '0', isPossibleFraud: '0', fraudResult: '', explanation: '', threeDSecure: 'N', score: '0' },
    authorization: { number: 'A1B2C3', date, authorizedAmount: body.payment?.amount ?? 0, authorizedCurrency: 978 },
    card: { number: '497010XXXXXX4455', type: 'CB', expirationDate: '1255' },
    contractNumber: 'CB',
  };
}

async function startBare(): Promise<{ port: number; close(): Promise<void> }> {
  const app = express();
  app.disable('x-powered-by');
  let sequence = 0;
  app.post('/v4/doAuthorization', express.json({ limit: '64kb', type: () => true }), (req, res) => {
    res.json(bareAnswer(req.body ?? {}, ++sequence));
  });
  // A body that is not JSON: 400, quietly (Express's default handler would print a stack per request).
  app.use((error: { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(error.status ?? 500).json({ error: { status: error.status ?? 500 } });
  });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function startGateway(logLevel: string): Promise<{ port: number; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-bench-'));
  // The production defaults, from the same reader main.ts uses; only the port and data folder differ.
  const config = readConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', GUICHET_DATA_DIR: dataDir, LOG_LEVEL: logLevel });
  const gateway = await createGateway({ config, logger: createLogger({ level: config.logLevel }) });
  const { port } = await gateway.listen();
  return {
    port,
    async close() {
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const logLevel = process.env.BENCH_LOG_LEVEL || 'info';
const redisCount = kind === 'gateway' && process.env.REDIS_URL ? countRedisRoundTrips() : undefined;
const target = kind === 'gateway' ? await startGateway(logLevel) : await startBare();

let closing = false;
async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  await target.close();
  process.exit(0);
}
process.on('disconnect', () => void close());
process.on('SIGTERM', () => void close());
process.on('message', (message: { type?: string }) => {
  if (message.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    send({ type: 'cpu', userMs: user / 1000, systemMs: system / 1000 });
  }
  if (message.type === 'redis' && redisCount) send({ type: 'redis', ...redisCount.tally() });
});
send({ type: 'ready', kind, port: target.port, logLevel: kind === 'gateway' ? logLevel : null, pid: process.pid });
