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
    const held = await a.claimEvents('webhook', { limit: 10, leaseMs: 500 });
    assert.deepEqual(held.map((e) => e.id), ['E1', 'E2']);
    await a.ackEvents('webhook', [held[1]!]);
    assert.deepEqual(await b.claimEvents('webhook', { limit: 10, leaseMs: 500 }), []);
    // The lease runs on the Redis server's clock (XAUTOCLAIM): the store's clock has no say.
    await new Promise((resolve) => setTimeout(resolve, 550));
    const taken = await b.claimEvents('webhook', { limit: 10, leaseMs: 500 });
    assert.deepEqual(taken.map((e) => e.id), ['E1']);
    await b.ackEvents('webhook', taken);
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

  it('keeps everything a commit writes under its merchant’s hash tag, lookups and the scope list apart', async (t) => {
    const store = await open(t);
    await store.commit({
      payments: [{ next: makePayment(), expectedVersion: null }],
      sessions: [{ next: makeSession(), expectedVersion: null }],
      events: [event('E1')],
      notificationStops: [{ merchantId: 'M1', subject: 'token:TOKEN-1', expiresAt: T0 + 1000 }],
      claims: [{ merchantId: 'M1', key: 'order:M1:ORDER-1', value: 'TX1' }],
      jobs: [{ id: 'J1', type: 'session.expire', at: T0, merchantId: 'M1', ref: 'TOKEN-1' }],
    });
    const stored = await admin.keys('*');
    assert.ok(stored.filter((key) => key.startsWith('{m:M1}:')).length >= 8);
    assert.deepEqual(stored.filter((key) => !key.startsWith('{m:M1}:')).sort(), ['{g}:scopes', '{tok:TOKEN-1}:merchant']);
    assert.deepEqual(await admin.smembers('{g}:scopes'), ['M1']);
  });

  it('runs a commit spanning two merchants on standalone Redis', async (t) => {
    const store = await open(t);
    const outcome = await store.commit({ events: [event('E1'), { ...event('E2'), merchantId: 'M2' }] });
    assert.deepEqual(outcome, { ok: true });
    assert.equal((await store.getEvent('M2', 'E2'))?.seq, 1);
  });

  it('lets Redis expire claims, ended sessions and token lookups by themselves', async (t) => {
    const store = await open(t);
    await store.commit({
      claims: [
        { merchantId: 'M1', key: 'hold', value: 'pending:TX1', expiresAt: T0 + 60_000 },
        { merchantId: 'M1', key: 'paid', value: 'TX1' },
      ],
      sessions: [
        { next: makeSession(), expectedVersion: null },
        { next: makeSession({ token: 'TOKEN-2', status: 'ACCEPTED' }), expectedVersion: null },
      ],
    });
    const hold = await admin.pttl('{m:M1}:claim:hold');
    assert.ok(hold > 55_000 && hold <= 60_000, `claim expires with its expiresAt (${hold} ms)`);
    assert.equal(await admin.pttl('{m:M1}:claim:paid'), -1, 'a claim without expiresAt stays');
    assert.equal(await admin.pttl('{m:M1}:session:TOKEN-1'), -1, 'an open session stays');
    const ended = await admin.pttl('{m:M1}:session:TOKEN-2');
    assert.ok(ended > 29 * 86_400_000 && ended <= 30 * 86_400_000, `an ended session is kept 30 days (${ended} ms)`);
    const lookup = await admin.pttl('{tok:TOKEN-1}:merchant');
    assert.ok(lookup > 31 * 86_400_000, `the token lookup outlives its session (${lookup} ms)`);
    // The claim keeps the store's own judgement of expiry until Redis drops it.
    assert.equal(await store.getClaim('M1', 'hold', T0 + 60_000), undefined);
    assert.equal(await store.getClaim('M1', 'hold', T0), 'pending:TX1');
  });

  it('sweeps the outbox of events every group acknowledged, once older than the retention', async (t) => {
    const clock = new ManualClock(T0);
    const store = new RedisStore({ url: redis.url, clock, retention: { eventMs: 60_000 }, sweepEveryMs: 0 });
    t.after(() => store.close());
    await store.commit({ events: [event('E1'), event('E2'), event('E3')] });
    const g = await store.claimEvents('g', { limit: 10, leaseMs: 60_000 });
    await store.ackEvents('g', g.slice(0, 2));
    await store.ackEvents('h', await store.claimEvents('h', { limit: 10, leaseMs: 60_000 }));
    assert.equal(await store.sweep(), 0, 'nothing is older than the retention yet');

    clock.advance(60_001);
    await store.commit({ events: [{ ...event('E4'), occurredAt: clock.now() }] });
    await store.ackEvents('g', await store.claimEvents('g', { limit: 10, leaseMs: 60_000 }).then((events) => events.filter((e) => e.id === 'E4')));
    await store.ackEvents('h', await store.claimEvents('h', { limit: 10, leaseMs: 60_000 }));
    // E1 and E2: acknowledged by both groups and old. E3: still held by g. E4: too young.
    assert.equal(await store.sweep(), 2);
    assert.equal(await admin.xlen('{m:M1}:outbox'), 2);
    assert.equal(await store.getEvent('M1', 'E1'), undefined);
    assert.deepEqual(await admin.hkeys('{m:M1}:outbox:ids').then((ids) => ids.sort()), ['E3', 'E4']);
    assert.deepEqual((await store.listEvents({ merchantId: 'M1', limit: 10 })).map((e) => [e.id, e.seq]), [['E4', 4], ['E3', 3]]);
    assert.deepEqual((await store.readEvents(0, 10)).map((e) => e.id), ['E3', 'E4']);
    assert.equal(await store.eventBacklog('g'), 1);
    assert.equal(await store.eventBacklog('new-group'), 2, 'a new group starts at the first event kept');

    await store.ackEvents('g', g.slice(2));
    assert.equal(await store.sweep(), 1, 'E3 goes once acknowledged');
    await store.commit({ events: [event('E5')] });
    assert.equal((await store.getEvent('M1', 'E5'))?.seq, 5, 'seqs go on after a trim');
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
