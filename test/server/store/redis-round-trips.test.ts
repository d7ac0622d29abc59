import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '../../../server/core/clock.js';
import { readConfig } from '../../../server/config.js';
import { createGateway, type Gateway } from '../../../server/gateway.js';
import { createLogger } from '../../../server/logging/logger.js';
import { SANDBOX_AUTH, TEST_EPOCH } from '../support/gateway-harness.js';
import { startRedis, type RedisProcess } from '../support/redis-process.js';
import { createHash } from 'node:crypto';
import { claimEventsScript } from '../../../server/store/redis/scripts/claim-events-1.js';
import { claimableEventsScript } from '../../../server/store/redis/scripts/claimable-events-2.js';
import { commitScript } from '../../../server/store/redis/scripts/commit-n.js';
import { eventBacklogScript } from '../../../server/store/redis/scripts/event-backlog-2.js';
import { getPaymentScript } from '../../../server/store/redis/scripts/get-payment-1.js';
import { leaseDueJobsScript } from '../../../server/store/redis/scripts/lease-due-jobs-3.js';
import { trimOutboxScript } from '../../../server/store/redis/scripts/trim-outbox-2.js';

/**
 * Script names by SHA-1, so a count says which scripts ran. The background readers' scripts
 * (outbox claims and sweeps, job leases) are left out of a count: a timer of the store may fire
 * in the middle of a slow call, and they are not the call's round trips.
 */
const BACKGROUND = new Set([claimEventsScript.name, claimableEventsScript.name, eventBacklogScript.name, leaseDueJobsScript.name, trimOutboxScript.name]);
const SCRIPT_NAMES = new Map(
  [claimEventsScript, claimableEventsScript, commitScript, eventBacklogScript, getPaymentScript, leaseDueJobsScript, trimOutboxScript].map((script) => [
    createHash('sha1').update(script.lua).digest('hex'),
    script.name,
  ]),
);
import { authorizationRequest, captureRequest } from '../support/requests.js';

/*
 * Redis commands per API call, seen by the server itself (MONITOR, leaving out the commands Lua
 * scripts run): each command the gateway sends costs at most one round trip, so the count bounds
 * the round trips. The gateway's app is served without its dispatcher and job runner, so only the
 * request's own commands are seen.
 */

/** The commands the gateway sent during `action`; a marker from `admin` closes the count. */
async function countCommands(monitor: Monitor, admin: Redis, action: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  let markerSeen!: () => void;
  const marker = new Promise<void>((resolve) => (markerSeen = resolve));
  const listener = (_time: string, args: string[], source: string): void => {
    if (String(args[0]).toLowerCase() === 'echo' && args[1] === 'end-of-count') markerSeen();
    else if (source !== 'lua') {
      const command = String(args[0]).toLowerCase();
      const script = command === 'evalsha' ? (SCRIPT_NAMES.get(String(args[1])) ?? String(args[1])) : undefined;
      if (script === undefined) seen.push(command);
      else if (!BACKGROUND.has(script)) seen.push(`evalsha ${script}`);
    }
  };
  monitor.on('monitor', listener);
  try {
    await action();
    // The server feeds monitors in the order it runs commands: once the marker shows, so has
    // every command before it.
    await admin.echo('end-of-count');
    await marker;
  } finally {
    monitor.off('monitor', listener);
  }
  return seen;
}

type Monitor = Awaited<ReturnType<Redis['monitor']>>;

describe('Redis commands per API call', () => {
  let redis: RedisProcess;
  let admin: Redis;
  let monitor: Monitor;
  let gateway: Gateway;
  let server: Server;
  let url: string;
  let dataDir: string;
  const call = async (operation: string, body: unknown): Promise<any> => {
    const response = await fetch(`${url}/v4/${operation}`, {
      method: 'POST',
      headers: { authorization: SANDBOX_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 200);
    return response.json();
  };
  before(async () => {
    redis = await startRedis();
    admin = new Redis(redis.url);
    dataDir = mkdtempSync(join(tmpdir(), 'guichet-round-trips-'));
    const config = readConfig({ PORT: '0', HOST: '127.0.0.1', GUICHET_DATA_DIR: dataDir, REDIS_URL: redis.url, LOG_LEVEL: 'silent' });
    gateway = await createGateway({ config, clock: new ManualClock(TEST_EPOCH), logger: createLogger({ level: 'silent' }) });
    server = createServer(gateway.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Warm up: scripts loaded, the merchant's scope known.
    await call('doAuthorization', authorizationRequest(1000, { action: 100 }));
    monitor = await admin.monitor();
  });
  after(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await gateway?.close();
    rmSync(dataDir, { recursive: true, force: true });
    monitor?.disconnect();
    await admin?.quit();
    await redis?.stop();
  });

  it('doAuthorization: at most 2 (the order hold, then the payment)', async (t) => {
    let answer: any;
    const counts = await countCommands(monitor, admin, async () => (answer = await call('doAuthorization', authorizationRequest(1000, { action: 100 }))));
    assert.equal(answer.result.code, '00000');
    t.diagnostic(`doAuthorization: ${counts.join(', ')}`);
    assert.ok(counts.length <= 2, JSON.stringify(counts));
  });

  it('doCapture: at most 2 (the payment read, then its commit)', async (t) => {
    const authorized = await call('doAuthorization', authorizationRequest(1000, { action: 100 }));
    let answer: any;
    const counts = await countCommands(monitor, admin, async () => (answer = await call('doCapture', captureRequest(authorized.transaction.id, 1000))));
    assert.equal(answer.result.code, '00000');
    t.diagnostic(`doCapture: ${counts.join(', ')}`);
    assert.ok(counts.length <= 2, JSON.stringify(counts));
  });
});
