import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { ManualClock } from '../../../server/core/clock.js';
import { RedisStore } from '../../../server/store/redis/redis-store.js';
import type { OutboxEvent } from '../../../server/store/store.js';
import { startRedis, type RedisProcess } from '../support/redis-process.js';
import { makePayment, makeSession } from './store-contract.js';

/*
 * RedisStore cases the contract cannot state, because only a shared server has them: several
 * stores (gateway processes) on one Redis racing Lua writes, redelivering each other's events and
 * waking each other's waits; a server that forgets its scripts; the key layout Redis Cluster needs.
 */

const T0 = Date.UTC(2025, 0, 15, 10, 0, 0);

const event = (id: string): OutboxEvent => ({ id, type: 'payment.accepted', merchantId: 'M1', occurredAt: T0, data: {} });

describe('RedisStore only', () => {
  let redis: RedisProcess;
  let admin: Redis;
  before(async () => {
    redis = await startRedis();
    admin = new Redis(redis.url);
  });
  after(async () => {
    await admin.quit();
    await redis.stop();
  });
  beforeEach(() => admin.flushall());

  async function open(t: { after(fn: () => Promise<void>): void }, clock = new ManualClock(T0)): Promise<RedisStore> {
    const store = new RedisStore({ url: redis.url, clock });
    t.after(() => store.close());
    await store.start();
    return store;
  }

  it('lets exactly one of two stores on the same Redis update a payment from the same version', async (t) => {
    const [a, b] = [await open(t), await open(t)];
    const payment = makePayment();
    assert.equal((await a.commit({ payments: [{ next: payment, expectedVersion: null }] })).ok, true);
    assert.deepEqual(await b.getPayment('M1', 'TX1'), payment);
    const outcomes = await Promise.all(
      [a, b, a, b].map((store, i) => store.commit({ payments: [{ next: { ...payment, version: 2, authorizationNumber: `A${i}` }, expectedVersion: 1 }] })),
    );
    assert.equal(outcomes.filter((outcome) => outcome.ok).length, 1);
  });

  it('hands an event another store leased and never acknowledged to the next store once the lease ends', async (t) => {
    const clock = new ManualClock(T0);
    const [a, b] = [await open(t, clock), await open(t, clock)];
    await a.commit({ events: [event('E1'), event('E2')] });
    assert.deepEqual((await a.claimEvents('webhook', { limit: 10, leaseMs: 5000 })).map((e) => e.id), ['E1', 'E2']);
    await a.ackEvents('webhook', ['E2']);
    assert.deepEqual(await b.claimEvents('webhook', { limit: 10, leaseMs: 5000 }), []);
    clock.advance(5000);
    assert.deepEqual((await b.claimEvents('webhook', { limit: 10, leaseMs: 5000 })).map((e) => e.id), ['E1']);
    await b.ackEvents('webhook', ['E1']);
    assert.equal(await a.eventBacklog('webhook'), 0);
  });

  it('wakes a store waiting for events when another store commits them', async (t) => {
    const [a, b] = [await open(t), await open(t)];
    const waiting = b.claimEvents('g', { limit: 10, leaseMs: 1000, waitMs: 5000 });
    setTimeout(() => void a.commit({ events: [event('E1')] }), 50);
    const started = Date.now();
    assert.deepEqual((await waiting).map((e) => e.id), ['E1']);
    assert.ok(Date.now() - started < 2000);
  });

  it('loads its scripts again when the server has forgotten them', async (t) => {
    const store = await open(t);
    await admin.script('FLUSH');
    assert.deepEqual(await store.commit({ payments: [{ next: makePayment(), expectedVersion: null }] }), { ok: true });
    assert.equal((await store.getPayment('M1', 'TX1'))?.id, 'TX1');
  });

  it('keeps every record of a merchant under its hash tag, the rest under {g}', async (t) => {
    const store = await open(t);
    await store.commit({
      payments: [{ next: makePayment(), expectedVersion: null }],
      sessions: [{ next: makeSession(), expectedVersion: null }],
      events: [event('E1')],
      notificationStops: [{ merchantId: 'M1', subject: 'token:TOKEN-1', expiresAt: T0 + 1000 }],
      claims: [{ key: 'order:M1:ORDER-1', value: 'TX1' }],
      jobs: [{ id: 'J1', type: 'session.expire', at: T0, merchantId: 'M1', ref: 'TOKEN-1' }],
    });
    const stored = await admin.keys('*');
    assert.ok(stored.some((key) => key.startsWith('{m:M1}:')));
    assert.deepEqual(stored.filter((key) => !key.startsWith('{m:M1}:') && !key.startsWith('{g}:')), []);
  });
});

describe('RedisStore with Redis down', () => {
  it('fails a command after a few reconnection attempts instead of hanging', async () => {
    // A port nothing listens on: every connection is refused at once.
    const server = (await import('node:net')).createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const store = new RedisStore({ url: `redis://127.0.0.1:${port}`, clock: new ManualClock(T0) });
    const started = performance.now();
    await assert.rejects(store.getPayment('M1', 'TX1'));
    assert.ok(performance.now() - started < 10_000, 'rejected within 10 s');
    await store.close();
  });
});
