import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Cluster } from 'ioredis';
import { ManualClock } from '../../../server/core/clock.js';
import { createStore } from '../../../server/store/create-store.js';
import { CrossScopeCommitError, RedisStore } from '../../../server/store/redis/redis-store.js';
import type { OutboxEvent } from '../../../server/store/store.js';
import { startTestGateway } from '../support/gateway-harness.js';
import { startRedisCluster, type RedisClusterProcess } from '../support/redis-cluster.js';
import { authorizationRequest, captureRequest, webPaymentDetailsRequest, webPaymentRequest } from '../support/requests.js';
import { makePayment } from './store-contract.js';
import { hashAccessKey } from '../../../server/merchants/access-key.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreContract } from './store-contract.js';

/*
 * The Store contract on RedisStore against a Redis Cluster of three masters started here, emptied
 * before each store; then what only Cluster has: merchants on different nodes, and a commit that
 * spans two of them refused with an error that names them.
 */

const T0 = Date.UTC(2025, 0, 15, 10, 0, 0);

let cluster: RedisClusterProcess;
let admin: Cluster;
before(async () => {
  cluster = await startRedisCluster();
  admin = new Cluster(cluster.ports.map((port) => ({ host: '127.0.0.1', port })));
});
after(async () => {
  await admin?.quit();
  await cluster?.stop();
});

async function emptyStore(clock: ManualClock): Promise<RedisStore> {
  await Promise.all(admin.nodes('master').map((node) => node.flushall()));
  const store = new RedisStore({ url: cluster.url, clock, sweepEveryMs: 0 });
  await store.start();
  return store;
}

runStoreContract('redis cluster', emptyStore);

describe('RedisStore on Redis Cluster only', () => {
  /** The port of the master serving a key's slot. */
  async function masterOf(key: string): Promise<number> {
    const slot = Number(await admin.cluster('KEYSLOT', key));
    const ranges = (await admin.cluster('SLOTS')) as unknown as [number, number, [string, number]][];
    const range = ranges.find(([from, to]) => slot >= from && slot <= to);
    assert.ok(range, `slot ${slot} is served`);
    return range[2][1];
  }

  it('puts the merchants of the contract on different masters, each merchant’s keys on one', async () => {
    const m1 = await masterOf('{m:M1}:outbox');
    assert.notEqual(m1, await masterOf('{m:M2}:outbox'));
    assert.equal(await masterOf('{m:M1}:payment:TX1'), m1);
    assert.equal(await masterOf('{m:M1}:jobs:ready'), m1);
  });

  it('refuses a commit spanning two merchants with an error naming them, and writes nothing', async (t) => {
    const store = await emptyStore(new ManualClock(T0));
    t.after(() => store.close());
    const event = (id: string, merchantId: string): OutboxEvent => ({ id, type: 'payment.accepted', merchantId, occurredAt: T0, data: {} });
    const spanning = store.commit({ payments: [{ next: makePayment(), expectedVersion: null }], events: [event('E1', 'M1'), event('E2', 'M2')] });
    await assert.rejects(spanning, (error: unknown) => {
      assert.ok(error instanceof CrossScopeCommitError);
      assert.match(error.message, /Redis Cluster: a commit must stay within one scope, and this one touches "M1", "M2"/);
      return true;
    });
    assert.equal(await store.getPayment('M1', 'TX1'), undefined);
    assert.deepEqual(await store.readEvents(0, 10), []);
    assert.deepEqual(await store.commit({ events: [event('E2', 'M2')] }), { ok: true }, 'one merchant at a time is fine');
  });

  it('is what createStore picks for a redis-cluster:// URL', async () => {
    const store = createStore({ kind: 'redis', url: cluster.url, clock: new ManualClock(T0) });
    assert.ok(store instanceof RedisStore);
    assert.deepEqual(await store.commit({ payments: [{ next: makePayment(), expectedVersion: null }] }), { ok: true });
    assert.equal((await store.getPayment('M1', 'TX1'))?.id, 'TX1');
    await store.close();
  });

  it('runs the gateway: payments, a web session and the outbox dispatched to every channel', async (t) => {
    await Promise.all(admin.nodes('master').map((node) => node.flushall()));
    const gw = await startTestGateway({ REDIS_URL: cluster.url });
    t.after(() => gw.close());
    const authorized = await gw.call('doAuthorization', authorizationRequest(1000, { action: 100 }));
    assert.equal(authorized.result.code, '00000');
    assert.equal((await gw.call('doCapture', captureRequest(authorized.transaction.id, 1000))).result.code, '00000');
    const session = await gw.call('doWebPayment', webPaymentRequest(1500));
    assert.equal(session.result.code, '00000');
    assert.equal((await gw.call('getWebPaymentDetails', webPaymentDetailsRequest(session.token))).result.code, '02306');
    await gw.gateway.notify.settled();
    assert.equal(await gw.gateway.store.eventBacklog('webhook'), 0);
    assert.ok((await gw.gateway.store.listEvents({ merchantId: 'demo-merchant', limit: 10 })).length >= 2);
  });

  it('starts a gateway serving merchants on different masters: its start-up jobs are committed merchant by merchant', async (t) => {
    await Promise.all(admin.nodes('master').map((node) => node.flushall()));
    const dir = mkdtempSync(join(tmpdir(), 'guichet-cluster-merchants-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const merchantsFile = join(dir, 'merchants.json');
    const contracts = [{ contractNumber: 'CB', cardTypes: ['CB'], currency: 978 }];
    // M1 and M2 hash to slots served by different masters (the first test of this suite).
    const accessKeyHash = await hashAccessKey('k');
    writeFileSync(merchantsFile, JSON.stringify({ merchants: ['M1', 'M2'].map((merchantId) => ({ merchantId, accessKeyHash, contracts })) }));
    const gw = await startTestGateway({ REDIS_URL: cluster.url, GUICHET_MERCHANTS: merchantsFile });
    t.after(() => gw.close());
    const due = await gw.gateway.store.leaseDueJobs(Number.MAX_SAFE_INTEGER, 100, 0);
    assert.deepEqual([...new Set(due.map((job) => job.merchantId))].sort(), ['M1', 'M2']);
  });
});
