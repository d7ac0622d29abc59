import { Redis } from 'ioredis';
import type { Clock } from '../../core/clock.js';
import type { Payment } from '../../core/payment.js';
import type { WebSession } from '../../core/web-session-types.js';
import type { ClaimOptions, Delivery, DeliveryQuery, EventQuery, WebhookEndpoint } from '../notify-records.js';
import { matchesSearch } from '../payment-search.js';
import type { Change, CommitOutcome, Job, OutboxEvent, PaymentSearch, RecordQuery, Store, StoredEvent, StoredRecord } from '../store.js';
import { buildCommit } from './commit-plan.js';
import { keys } from './keys.js';
import { LuaScripts } from './lua.js';
import { OutboxWake } from './outbox-wake.js';
import { ackEventsScript } from './scripts/ack-events-3.js';
import { claimEventsScript } from './scripts/claim-events-2.js';
import { commitScript } from './scripts/commit-n.js';
import { eventBacklogScript } from './scripts/event-backlog-2.js';
import { leaseDueJobsScript } from './scripts/lease-due-jobs-3.js';

/*
 * The store of record on Redis (DESIGN.md "Stores and scale"). Records are JSON strings under
 * keys.ts; every check-and-write is one Lua script run with EVALSHA, so a commit is atomic
 * against every other client of the same Redis. Times come from the store's clock, never from
 * Redis, so leases and expiries follow the clock the rest of the gateway uses.
 */

/** How many of a merchant's events listEvents reads per round trip. */
const EVENT_PAGE = 100;

const parse = <T>(json: string | null): T | undefined => (json === null ? undefined : (JSON.parse(json) as T));

/** A stream entry `<seq>-0` holding an event's JSON, as the StoredEvent it is. */
function storedEvent(id: string, json: string): StoredEvent {
  return { ...(JSON.parse(json) as OutboxEvent), seq: Number.parseInt(id, 10) };
}

const newestFirst = (a: Payment, b: Payment): number => b.createdAt - a.createdAt;

/** Selected by `createStore({ kind: 'redis', url })`. */
export class RedisStore implements Store {
  readonly name = 'redis';
  readonly #clock: Clock;
  readonly #redis: Redis;
  readonly #scripts: LuaScripts;
  readonly #wake: OutboxWake;
  #closed = false;

  constructor(options: { url: string; clock: Clock }) {
    this.#clock = options.clock;
    // A command fails after a few reconnection attempts instead of waiting forever, so a request
    // meets a Redis outage as an error (HTTP 500, logged) rather than hanging.
    this.#redis = new Redis(options.url, { maxRetriesPerRequest: 3, connectTimeout: 5000 });
    // Connection errors surface through the failing commands; without a listener ioredis would
    // print each one as an unhandled 'error' event.
    this.#redis.on('error', () => {});
    this.#wake = new OutboxWake(this.#redis, keys.outboxChannel);
    this.#scripts = new LuaScripts(this.#redis, [commitScript, leaseDueJobsScript, claimEventsScript, ackEventsScript, eventBacklogScript]);
  }

  /** Loads the scripts (commands wait for the connection); the first call of any method does it too. */
  start(): Promise<void> {
    return this.#scripts.load();
  }

  async commit(change: Change): Promise<CommitOutcome> {
    await this.start();
    const previous = new Map<string, Payment>();
    for (const { next, expectedVersion } of change.payments ?? []) {
      if (expectedVersion === null) continue;
      const key = keys.payment(next.merchantId, next.id);
      const stored = parse<Payment>(await this.#redis.get(key));
      // Versions only grow, and this read comes after the caller's: another version is a conflict.
      if (stored?.version !== expectedVersion) return { ok: false, conflict: 'version', key: next.id };
      previous.set(key, stored);
    }
    const call = buildCommit(change, this.#clock.now(), previous);
    const [outcome, key] = (await this.#scripts.run(commitScript, call.keys, [call.plan, keys.outboxChannel])) as [string, string?];
    if (outcome === 'ok') return { ok: true };
    return { ok: false, conflict: outcome === 'claim' ? 'claim' : 'version', key: key! };
  }

  async getPayment(merchantId: string, transactionId: string): Promise<Payment | undefined> {
    await this.start();
    const id = await this.#redis.get(keys.transaction(merchantId, transactionId));
    return id === null ? undefined : parse<Payment>(await this.#redis.get(keys.payment(merchantId, id)));
  }

  async findPaymentsByOrderRef(merchantId: string, orderRef: string): Promise<Payment[]> {
    await this.start();
    const ids = await this.#redis.zrevrange(keys.orderRef(merchantId, orderRef), 0, -1);
    return (await this.#payments(merchantId, ids)).sort(newestFirst);
  }

  async searchPayments(search: PaymentSearch): Promise<Payment[]> {
    await this.start();
    const { merchantId, transactionId, orderRef } = search;
    let ids: string[];
    if (transactionId !== undefined) {
      const id = await this.#redis.get(keys.transaction(merchantId, transactionId));
      ids = id === null ? [] : [id];
    } else {
      const index = orderRef !== undefined ? keys.orderRef(merchantId, orderRef) : keys.payments(merchantId);
      ids = await this.#redis.zrevrangebyscore(index, search.to ?? '+inf', search.from ?? '-inf');
    }
    return (await this.#payments(merchantId, ids))
      .filter((payment) => matchesSearch(payment, search))
      .sort(newestFirst)
      .slice(0, Math.max(0, search.limit));
  }

  async getSession(token: string): Promise<WebSession | undefined> {
    await this.start();
    const merchantId = await this.#redis.get(keys.sessionIndex(token));
    return merchantId === null ? undefined : parse<WebSession>(await this.#redis.get(keys.session(merchantId, token)));
  }

  async getRecord(kind: string, scope: string, id: string): Promise<StoredRecord | undefined> {
    await this.start();
    return parse<StoredRecord>(await this.#redis.get(keys.record(kind, scope, id)));
  }

  async listRecords(query: RecordQuery): Promise<StoredRecord[]> {
    await this.start();
    const { kind, scope, index } = query;
    const ids = await this.#redis.zrange(keys.recordList(kind, scope, index ?? ''), 0, -1);
    if (ids.length === 0) return [];
    const found: StoredRecord[] = [];
    for (const json of await this.#redis.mget(ids.map((id) => keys.record(kind, scope, id)))) {
      if (query.limit !== undefined && found.length >= query.limit) break;
      const record = parse<StoredRecord>(json);
      // A record stays in the lists of indexes it no longer has until read here.
      if (record && (index === undefined || record.indexes?.includes(index))) found.push(record);
    }
    return found;
  }

  async getClaim(key: string, now: number): Promise<string | undefined> {
    await this.start();
    const [value, expiresAt] = await this.#redis.hmget(keys.claim(key), 'v', 'e');
    if (value === null || value === undefined) return undefined;
    return expiresAt === '' || Number(expiresAt) > now ? value : undefined;
  }

  async readEvents(afterSeq: number, limit: number): Promise<StoredEvent[]> {
    await this.start();
    if (limit <= 0) return [];
    const start = `${Math.max(0, Math.floor(afterSeq)) + 1}-0`;
    const entries = await this.#redis.xrange(keys.outbox, start, '+', 'COUNT', limit);
    return entries.map(([id, fields]) => storedEvent(id, fields[1]!));
  }

  async claimEvents(group: string, options: ClaimOptions): Promise<StoredEvent[]> {
    const claimed = await this.#claimNow(group, options);
    if (claimed.length > 0 || !options.waitMs || this.#closed || options.signal?.aborted) return claimed;
    await this.#wake.ready();
    const { woken, cancel } = this.#wake.next(options.waitMs, options.signal);
    // Events committed before the subscription took hold woke no one: look once more.
    const early = await this.#claimNow(group, options);
    if (early.length > 0) {
      cancel();
      return early;
    }
    await woken;
    return this.#closed ? [] : this.#claimNow(group, options);
  }

  async ackEvents(group: string, eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.start();
    await this.#scripts.run(ackEventsScript, [keys.outbox, keys.eventIds, keys.eventLeases(group)], [group, ...eventIds]);
  }

  async eventBacklog(group: string): Promise<number> {
    await this.start();
    return Number(await this.#scripts.run(eventBacklogScript, [keys.outbox, keys.outboxSeq], [group]));
  }

  async getEvent(merchantId: string, eventId: string): Promise<StoredEvent | undefined> {
    await this.start();
    const seq = await this.#redis.hget(keys.eventIds, eventId);
    if (seq === null) return undefined;
    const [event] = await this.#events([seq]);
    return event?.merchantId === merchantId ? event : undefined;
  }

  async listEvents(query: EventQuery): Promise<StoredEvent[]> {
    await this.start();
    const found: StoredEvent[] = [];
    const max = query.beforeSeq === undefined ? '+inf' : `(${query.beforeSeq}`;
    for (let offset = 0; found.length < query.limit; offset += EVENT_PAGE) {
      const seqs = await this.#redis.zrevrangebyscore(keys.merchantEvents(query.merchantId), max, '-inf', 'LIMIT', offset, EVENT_PAGE);
      for (const event of await this.#events(seqs)) {
        if (found.length >= query.limit) break;
        if (query.type !== undefined && event.type !== query.type) continue;
        if (query.from !== undefined && event.occurredAt < query.from) continue;
        if (query.to !== undefined && event.occurredAt > query.to) continue;
        found.push(event);
      }
      if (seqs.length < EVENT_PAGE) break;
    }
    return found;
  }

  async getWebhookEndpoint(merchantId: string, id: string): Promise<WebhookEndpoint | undefined> {
    await this.start();
    return parse<WebhookEndpoint>(await this.#redis.get(keys.endpoint(merchantId, id)));
  }

  async listWebhookEndpoints(merchantId: string): Promise<WebhookEndpoint[]> {
    await this.start();
    const ids = await this.#redis.lrange(keys.endpoints(merchantId), 0, -1);
    return this.#records<WebhookEndpoint>(ids.map((id) => keys.endpoint(merchantId, id)));
  }

  async getDelivery(id: string): Promise<Delivery | undefined> {
    await this.start();
    const merchantId = await this.#redis.get(keys.deliveryIndex(id));
    return merchantId === null ? undefined : parse<Delivery>(await this.#redis.get(keys.delivery(merchantId, id)));
  }

  async listDeliveries(query: DeliveryQuery): Promise<Delivery[]> {
    await this.start();
    const { merchantId } = query;
    const list = query.eventId !== undefined ? keys.eventDeliveries(merchantId, query.eventId) : keys.deliveries(merchantId);
    const ids = await this.#redis.lrange(list, 0, -1);
    const deliveries = await this.#records<Delivery>(ids.map((id) => keys.delivery(merchantId, id)));
    // Creation order, then a stable sort: oldest event first.
    return deliveries
      .filter((d) =>
        (query.channel === undefined || d.request.channel === query.channel) &&
        (query.status === undefined || d.status === query.status) &&
        (query.from === undefined || d.occurredAt >= query.from) &&
        (query.to === undefined || d.occurredAt <= query.to))
      .sort((a, b) => a.occurredAt - b.occurredAt)
      .slice(0, Math.max(0, query.limit));
  }

  async isNotificationStopped(merchantId: string, subject: string, now: number): Promise<boolean> {
    await this.start();
    const expiresAt = await this.#redis.get(keys.stop(merchantId, subject));
    return expiresAt !== null && Number(expiresAt) > now;
  }

  async leaseDueJobs(now: number, limit: number, leaseMs: number): Promise<Job[]> {
    await this.start();
    const leased = (await this.#scripts.run(
      leaseDueJobsScript,
      [keys.jobs, keys.jobsReady, keys.jobsOrder],
      [String(now), String(Math.max(0, limit)), String(now + leaseMs)],
    )) as string[];
    return leased.map((json) => JSON.parse(json) as Job);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#wake.close();
    await this.#redis.quit();
  }

  async #claimNow(group: string, options: ClaimOptions): Promise<StoredEvent[]> {
    await this.start();
    const now = this.#clock.now();
    const flat = (await this.#scripts.run(
      claimEventsScript,
      [keys.outbox, keys.eventLeases(group)],
      [group, String(now), String(Math.max(0, options.limit)), String(now + options.leaseMs)],
    )) as string[];
    const events: StoredEvent[] = [];
    for (let i = 0; i < flat.length; i += 2) events.push(storedEvent(flat[i]!, flat[i + 1]!));
    return events;
  }

  /** Events by seq, in the order given; one round trip. */
  async #events(seqs: readonly string[]): Promise<StoredEvent[]> {
    if (seqs.length === 0) return [];
    const pipeline = this.#redis.pipeline();
    for (const seq of seqs) pipeline.xrange(keys.outbox, `${seq}-0`, `${seq}-0`);
    const replies = (await pipeline.exec()) ?? [];
    return replies.flatMap(([error, entries]) => {
      if (error) throw error;
      return (entries as [string, string[]][]).map(([id, fields]) => storedEvent(id, fields[1]!));
    });
  }

  async #payments(merchantId: string, ids: readonly string[]): Promise<Payment[]> {
    return this.#records<Payment>(ids.map((id) => keys.payment(merchantId, id)));
  }

  /** The JSON records at these keys, in order, skipping missing ones. */
  async #records<T>(recordKeys: readonly string[]): Promise<T[]> {
    if (recordKeys.length === 0) return [];
    const values = await this.#redis.mget(...recordKeys);
    return values.flatMap((json) => (json === null ? [] : [JSON.parse(json) as T]));
  }
}
