import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Redis } from 'ioredis';
import { ManualClock } from '../../../server/core/clock.js';
import { createStore } from '../../../server/store/create-store.js';
import { RedisStore } from '../../../server/store/redis/redis-store.js';
import { startRedis, type RedisProcess } from '../support/redis-process.js';
import { runStoreContract } from './store-contract.js';

/* The Store contract on RedisStore, against this file's own redis-server, emptied before each store. */

let redis: RedisProcess;
before(async () => {
  redis = await startRedis();
});
after(() => redis.stop());

async function emptyStore(clock: ManualClock): Promise<RedisStore> {
  const admin = new Redis(redis.url);
  await admin.flushall();
  await admin.quit();
  const store = new RedisStore({ url: redis.url, clock });
  await store.start();
  return store;
}

runStoreContract('redis', emptyStore);

it('createStore picks the redis backend', async () => {
  const store = createStore({ kind: 'redis', url: redis.url, clock: new ManualClock(0) });
  assert.ok(store instanceof RedisStore);
  assert.equal(store.name, 'redis');
  await store.close();
});
