import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { startTestGateway } from '../support/gateway-harness.js';
import { startRedis, type RedisProcess } from '../support/redis-process.js';

/*
 * The start-up check against real redis-servers started with good and bad settings: a gateway
 * on REDIS_URL logs one warning per risky setting, naming it and what could be lost, or says it
 * could not check when CONFIG is refused (as on managed services), and starts all the same.
 */

const servers: RedisProcess[] = [];
after(() => Promise.all(servers.map((server) => server.stop())));

/** The warn lines a gateway on a redis-server with these settings logs at start-up. */
async function startUpWarnings(settings: string[]): Promise<Record<string, unknown>[]> {
  const redis = await startRedis({ settings });
  servers.push(redis);
  const gw = await startTestGateway({ REDIS_URL: redis.url });
  try {
    assert.equal((await gw.fetch('/health')).status, 200, 'the gateway starts all the same');
  } finally {
    await gw.close();
  }
  return gw.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.level === 40);
}

describe('the Redis durability check at start-up', () => {
  it('warns of no persistence and of eviction, one line each naming the setting', async () => {
    const warnings = await startUpWarnings(['--appendonly', 'no', '--save', '', '--maxmemory', '64mb', '--maxmemory-policy', 'allkeys-lru']);
    assert.deepEqual(warnings.map((w) => [w.redisSetting, w.value]), [['appendonly', 'no'], ['maxmemory-policy', 'allkeys-lru']]);
    assert.match(String(warnings[0]!.msg), /^Redis keeps nothing on disk \(appendonly no, save ""\): a Redis restart loses every one of its payments/);
    assert.match(String(warnings[1]!.msg), /^Redis may evict keys \(maxmemory 67108864 bytes, maxmemory-policy allkeys-lru\)/);
  });

  it('warns of RDB snapshots alone, and of an AOF the system flushes when it likes', async () => {
    const rdb = await startUpWarnings(['--appendonly', 'no', '--save', '3600 1']);
    assert.deepEqual(rdb.map((w) => w.redisSetting), ['appendonly']);
    assert.match(String(rdb[0]!.msg), /only RDB snapshots .* a Redis crash loses every write since the last snapshot/);
    const lazy = await startUpWarnings(['--appendonly', 'yes', '--appendfsync', 'no']);
    assert.deepEqual(lazy.map((w) => w.redisSetting), ['appendfsync']);
  });

  it('says nothing of a server with AOF and no eviction', async () => {
    assert.deepEqual(await startUpWarnings(['--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory', '64mb', '--maxmemory-policy', 'noeviction']), []);
  });

  it('says it could not check when CONFIG is refused', async () => {
    const warnings = await startUpWarnings(['--rename-command', 'CONFIG', '']);
    assert.equal(warnings.length, 1);
    assert.match(String(warnings[0]!.msg), /^could not check the Redis durability settings \(CONFIG GET was refused or failed\): make sure Redis persists \(appendonly yes\) and never evicts keys/);
    assert.match(JSON.stringify(warnings[0]!.err), /unknown command/i);
  });
});
