import type { Clock } from '../../core/clock.js';
import type { Payment } from '../../core/payment.js';
import type { WebSession } from '../../core/web-session-types.js';
import type { ClaimOptions, Delivery, DeliveryQuery, EventQuery, WebhookEndpoint } from '../notify-records.js';
import { matchesSearch } from '../payment-search.js';
import type { Change, CommitOutcome, EventRef, Job, OutboxEvent, PaymentSearch, RecordQuery, Store, StoredEvent, StoredRecord } from '../store.js';
import { buildCommit } from './commit-plan.js';
import { keys } from './keys.js';
import { LuaScripts } from './lua.js';
import { OutboxWake } from './outbox-wake.js';
import { connectRedis, type RedisClient } from './redis-connection.js';
import { claimEventsScript } from './scripts/claim-events-1.js';
import { claimableEventsScript } from './scripts/claimable-events-2.js';
import { commitScript } from './scripts/commit-n.js';
import { eventBacklogScript } from './scripts/event-backlog-2.js';
import { getPaymentScript } from './scripts/get-payment-1.js';
import { leaseDueJobsScript } from './scripts/lease-due-jobs-3.js';
import { trimOutboxScript } from './scripts/trim-outbox-2.js';

/*
 * The store of record on Redis (DESIGN.md "Stores and scale"), standalone or Cluster (keys.ts
 * says how keys are laid out for it). Records are JSON strings; every check-and-write is one Lua
 * script run with EVALSHA on the keys of one scope, so a commit is atomic against every other
 * client. Due dates, claim expiries and retention follow the store's clock (a test clock in the
 * sandbox), never Redis's, except the outbox leases (below).
 *
 * The outbox is a stream per scope read with native consumer groups: XREADGROUP hands new events
 * out, XACK retires them, XAUTOCLAIM takes back those a reader held past the lease (a dead
 * process's) — so the lease is timed by the Redis server's clock. Jobs are a sorted set per scope
 * (due date → job), leased by moving their score: not BullMQ, because due dates come from the
 * store's clock, which the sandbox moves by hand and BullMQ would not follow (its delays run on
 * Redis's time), and because a job must be scheduled and finished in the same script as the change
 * that causes it, which a queue library's own scripts cannot join.
 */

/** How many of a merchant's events listEvents reads per round trip. */
const EVENT_PAGE = 100;
/** How many token and delivery lookups each process remembers (they never change). */
const LOOKUP_CACHE = 10_000;
const DAY = 24 * 3600 * 1000;

export interface RedisRetention {
  /** Acknowledged events older than this (by occurredAt) leave the outbox. Default 7 days. */
  eventMs: number;
  /** An ended session (accepted, refused, cancelled, expired) is kept this long. Default 30 days. */
  sessionMs: number;
}

export interface RedisStoreOptions {
  /** redis://, rediss:// or redis-cluster:// (see redis-connection.ts). */
  url: string;
  clock: Clock;
  retention?: Partial<RedisRetention>;
  /** How often this process sweeps the outboxes (ms); 0: never (tests call sweep()). Default 60 s. */
  sweepEveryMs?: number;
}

const parse = <T>(json: string | null | undefined): T | undefined => (json === null || json === undefined ? undefined : (JSON.parse(json) as T));

/** A stream entry `<seq>-0` holding an event's JSON, as the StoredEvent it is. */
function storedEvent(id: string, json: string): StoredEvent {
  return { ...(JSON.parse(json) as OutboxEvent), seq: Number.parseInt(id, 10) };
}

/** Flat [id, json, id, json…] script replies as events. */
function storedEvents(flat: readonly string[]): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (let i = 0; i < flat.length; i += 2) events.push(storedEvent(flat[i]!, flat[i + 1]!));
  return events;
}

const newestFirst = (a: Payment, b: Payment): number => b.createdAt - a.createdAt;

/** Thrown by commit on Redis Cluster when a change spans scopes (no script can write two slots). */
export class CrossScopeCommitError extends Error {
  constructor(scopes: readonly string[]) {
    super(`Redis Cluster: a commit must stay within one scope, and this one touches ${scopes.map((s) => `"${s}"`).join(', ')}`);
    this.name = 'CrossScopeCommitError';
  }
}

/** Selected by `createStore({ kind: 'redis', url })`. */
export class RedisStore implements Store {
  readonly name = 'redis';
  readonly #clock: Clock;
  readonly #redis: RedisClient;
  readonly #cluster: boolean;
  readonly #scripts: LuaScripts;
  readonly #wake: OutboxWake;
  readonly #retention: RedisRetention;
  /** Scopes this process has added to keys.scopes. */
  readonly #knownScopes = new Set<string>();
  /** token → merchant and delivery id → merchant, as found (such a link never changes). */
  readonly #merchantOf = new Map<string, string>();
  readonly #sweeper: NodeJS.Timeout | undefined;
  /** Where the next cross-scope claim starts, so that no merchant's events wait behind another's. */
  #turn = 0;
  #closed = false;

  constructor(options: RedisStoreOptions) {
    this.#clock = options.clock;
    const connection = connectRedis(options.url);
    this.#redis = connection.client;
    this.#cluster = connection.cluster;
    this.#retention = { eventMs: 7 * DAY, sessionMs: 30 * DAY, ...options.retention };
    this.#wake = new OutboxWake(this.#redis, keys.outboxChannel);
    this.#scripts = new LuaScripts(this.#redis, [
      commitScript,
      getPaymentScript,
      leaseDueJobsScript,
      claimEventsScript,
      claimableEventsScript,
      eventBacklogScript,
      trimOutboxScript,
    ]);
    const every = options.sweepEveryMs ?? 60_000;
    if (every > 0) {
      // A failed sweep (Redis away) is tried again at the next tick; nothing depends on it soon.
      this.#sweeper = setInterval(() => void this.sweep().catch(() => {}), every);
      this.#sweeper.unref();
    }
  }

  /** Loads the scripts (commands wait for the connection); the first call of any method does it too. */
  start(): Promise<void> {
    return this.#scripts.load();
  }

  async commit(change: Change): Promise<CommitOutcome> {
    // The script run loads the scripts if need be (as `start` does).
    const now = this.#clock.now();
    const call = buildCommit(change, now, { sessionRetentionMs: this.#retention.sessionMs });
    if (call.scopes.length === 0) return { ok: true };
    if (this.#cluster && call.scopes.length > 1) throw new CrossScopeCommitError(call.scopes);
    // Both land before the script: a committed record is always listed and found. (Most commits
    // need neither, and then wait for nothing.)
    const registering = this.#register(call.scopes);
    const lookups = this.#writeLookups(change, now);
    if (registering || lookups) {
      const [, refused] = await Promise.all([registering, lookups]);
      if (refused) return refused;
    }
    const [outcome, key] = (await this.#scripts.run(commitScript, call.keys, [call.plan, keys.outboxChannel, ...call.values], true)) as [string, string?];
    if (outcome === 'ok') return { ok: true };
    return { ok: false, conflict: outcome === 'claim' ? 'claim' : 'version', key: key! };
  }

  async getPayment(merchantId: string, transactionId: string): Promise<Payment | undefined> {
    const json = (await this.#scripts.run(getPaymentScript, [keys.transaction(merchantId, transactionId)], [keys.payment(merchantId, '')])) as string | null;
    return parse<Payment>(json);
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
    const merchantId = await this.#lookup(keys.sessionMerchant(token));
    return merchantId === undefined ? undefined : parse<WebSession>(await this.#redis.get(keys.session(merchantId, token)));
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

  async getClaim(merchantId: string, key: string, now: number): Promise<string | undefined> {
    await this.start();
    const [value, expiresAt] = await this.#redis.hmget(keys.claim(merchantId, key), 'v', 'e');
    if (value === null || value === undefined) return undefined;
    return expiresAt === '' || Number(expiresAt) > now ? value : undefined;
  }

  async readEvents(afterSeq: number, limit: number): Promise<StoredEvent[]> {
    await this.start();
    if (limit <= 0) return [];
    const start = `${Math.max(0, Math.floor(afterSeq)) + 1}-0`;
    const perScope = await Promise.all(
      (await this.#scopes()).map(async (scope) =>
        (await this.#redis.xrange(keys.outbox(scope), start, '+', 'COUNT', limit)).map(([id, fields]) => storedEvent(id, fields[1]!)),
      ),
    );
    return perScope
      .flat()
      .sort((a, b) => a.seq - b.seq || (a.merchantId < b.merchantId ? -1 : a.merchantId > b.merchantId ? 1 : 0))
      .slice(0, limit);
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

  async ackEvents(group: string, events: readonly EventRef[]): Promise<void> {
    if (events.length === 0) return;
    await this.start();
    const byScope = new Map<string, string[]>();
    for (const event of events) {
      const ids = byScope.get(event.merchantId) ?? [];
      ids.push(`${event.seq}-0`);
      byScope.set(event.merchantId, ids);
    }
    await Promise.all([...byScope].map(([scope, ids]) => this.#redis.xack(keys.outbox(scope), group, ...ids)));
  }

  async eventBacklog(group: string): Promise<number> {
    await this.start();
    const counts = await Promise.all(
      (await this.#scopes()).map((scope) => this.#scripts.run(eventBacklogScript, [keys.outbox(scope), keys.outboxSeq(scope)], [group])),
    );
    return counts.reduce<number>((sum, count) => sum + Number(count), 0);
  }

  async getEvent(merchantId: string, eventId: string): Promise<StoredEvent | undefined> {
    await this.start();
    const seq = await this.#redis.hget(keys.eventIds(merchantId), eventId);
    if (seq === null) return undefined;
    const [entry] = await this.#redis.xrange(keys.outbox(merchantId), `${seq}-0`, `${seq}-0`);
    return entry && storedEvent(entry[0], entry[1][1]!);
  }

  async listEvents(query: EventQuery): Promise<StoredEvent[]> {
    await this.start();
    const found: StoredEvent[] = [];
    let max = query.beforeSeq === undefined ? '+' : `(${Math.floor(query.beforeSeq)}-0`;
    while (found.length < query.limit) {
      const entries = await this.#redis.xrevrange(keys.outbox(query.merchantId), max, '-', 'COUNT', EVENT_PAGE);
      for (const [id, fields] of entries) {
        if (found.length >= query.limit) break;
        const event = storedEvent(id, fields[1]!);
        if (query.type !== undefined && event.type !== query.type) continue;
        if (query.from !== undefined && event.occurredAt < query.from) continue;
        if (query.to !== undefined && event.occurredAt > query.to) continue;
        found.push(event);
      }
      if (entries.length < EVENT_PAGE) break;
      max = `(${entries[entries.length - 1]![0]}`;
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
    const merchantId = await this.#lookup(keys.deliveryMerchant(id));
    return merchantId === undefined ? undefined : parse<Delivery>(await this.#redis.get(keys.delivery(merchantId, id)));
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
    if (limit <= 0) return [];
    // Every scope's earliest due dates at once; then each scope leases its share of the earliest
    // `limit` of them (another process may have taken some meanwhile: fewer come back).
    const due = await Promise.all(
      (await this.#scopes()).map(async (scope) => {
        const flat = await this.#redis.zrangebyscore(keys.jobsReady(scope), '-inf', now, 'WITHSCORES', 'LIMIT', 0, limit);
        return flat.flatMap((value, i) => (i % 2 === 1 ? [{ scope, at: Number(value) }] : []));
      }),
    );
    const shares = new Map<string, number>();
    for (const { scope } of due.flat().sort((a, b) => a.at - b.at).slice(0, limit)) shares.set(scope, (shares.get(scope) ?? 0) + 1);
    const leased = await Promise.all(
      [...shares].map(async ([scope, share]) => {
        const jsons = (await this.#scripts.run(
          leaseDueJobsScript,
          [keys.jobs(scope), keys.jobsReady(scope), keys.jobsOrder(scope)],
          [String(now), String(share), String(now + leaseMs)],
        )) as string[];
        return jsons.map((json) => JSON.parse(json) as Job);
      }),
    );
    return leased.flat().sort((a, b) => a.at - b.at);
  }

  /**
   * Trims every scope's outbox of the events all its consumer groups acknowledged and older than
   * the event retention (by the store's clock). The other keys expire by themselves (claims,
   * ended sessions, token lookups). Runs every `sweepEveryMs` in each process; harmless when two
   * run at once. Returns how many events left.
   */
  async sweep(): Promise<number> {
    await this.start();
    const cutoff = this.#clock.now() - this.#retention.eventMs;
    let trimmed = 0;
    for (const scope of await this.#scopes()) {
      for (;;) {
        const count = Number(await this.#scripts.run(trimOutboxScript, [keys.outbox(scope), keys.eventIds(scope)], [String(cutoff), '1000']));
        trimmed += count;
        if (count < 1000) break;
      }
    }
    return trimmed;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#sweeper) clearInterval(this.#sweeper);
    await this.#wake.close();
    await this.#redis.quit();
  }

  /** Claims across scopes: those with work first asked at once, then claimed in turn up to the limit. */
  async #claimNow(group: string, options: ClaimOptions): Promise<StoredEvent[]> {
    await this.start();
    const limit = Math.max(0, options.limit);
    if (limit === 0) return [];
    const lease = String(Math.max(0, Math.round(options.leaseMs)));
    const scopes = await this.#scopes();
    const turn = this.#turn++ % Math.max(1, scopes.length);
    const ordered = [...scopes.slice(turn), ...scopes.slice(0, turn)];
    // With one scope, asking first would only add a round trip.
    const claimable = ordered.length === 1 ? [limit] : await Promise.all(
      ordered.map((scope) => this.#scripts.run(claimableEventsScript, [keys.outbox(scope), keys.outboxSeq(scope)], [group, String(limit), lease])),
    );
    const claimed: StoredEvent[] = [];
    for (const [i, scope] of ordered.entries()) {
      if (claimed.length >= limit) break;
      if (Number(claimable[i]) === 0) continue;
      const flat = (await this.#scripts.run(claimEventsScript, [keys.outbox(scope)], [group, String(limit - claimed.length), lease])) as string[];
      claimed.push(...storedEvents(flat));
    }
    return claimed;
  }

  /** Every scope that ever committed (sorted: a stable order for the readers). */
  async #scopes(): Promise<string[]> {
    return (await this.#redis.smembers(keys.scopes)).sort();
  }

  /**
   * Adds the scopes this process has not added yet to keys.scopes, before the commit that needs
   * them; undefined when every scope is known already.
   */
  #register(scopes: readonly string[]): Promise<void> | undefined {
    const fresh = scopes.filter((scope) => !this.#knownScopes.has(scope));
    if (fresh.length === 0) return undefined;
    return this.#redis.sadd(keys.scopes, ...fresh).then(() => {
      for (const scope of fresh) this.#knownScopes.add(scope);
    });
  }

  /**
   * Writes the token and delivery lookups of the records the change creates (SET NX), before the
   * commit; undefined when it creates none. A lookup already naming another merchant is a conflict
   * on that token or delivery.
   */
  #writeLookups(change: Change, now: number): Promise<CommitOutcome | undefined> | undefined {
    if (!change.sessions?.length && !change.deliveries?.length) return undefined;
    return this.#writeLookupsOf(change, now);
  }

  async #writeLookupsOf(change: Change, now: number): Promise<CommitOutcome | undefined> {
    const lookups: { key: string; merchantId: string; label: string; ttlMs?: number }[] = [];
    for (const { next, expectedVersion } of change.sessions ?? []) {
      if (expectedVersion !== null) continue;
      // Outlives the session: its life, then the retention of an ended session, then a day's margin.
      const ttlMs = Math.max(0, next.expiresAt - now) + this.#retention.sessionMs + DAY;
      lookups.push({ key: keys.sessionMerchant(next.token), merchantId: next.merchantId, label: next.token, ttlMs });
    }
    for (const { next, expectedVersion } of change.deliveries ?? []) {
      if (expectedVersion === null) lookups.push({ key: keys.deliveryMerchant(next.id), merchantId: next.merchantId, label: next.id });
    }
    const held = await Promise.all(
      lookups.map(({ key, merchantId, ttlMs }) =>
        ttlMs === undefined ? this.#redis.set(key, merchantId, 'NX', 'GET') : this.#redis.set(key, merchantId, 'PX', ttlMs, 'NX', 'GET'),
      ),
    );
    const taken = lookups.find((lookup, i) => held[i] !== null && held[i] !== lookup.merchantId);
    return taken && { ok: false, conflict: 'version', key: taken.label };
  }

  /** The merchant a lookup key names, remembered once found. */
  async #lookup(key: string): Promise<string | undefined> {
    const known = this.#merchantOf.get(key);
    if (known !== undefined) return known;
    const merchantId = await this.#redis.get(key);
    if (merchantId === null) return undefined;
    if (this.#merchantOf.size >= LOOKUP_CACHE) this.#merchantOf.delete(this.#merchantOf.keys().next().value!);
    this.#merchantOf.set(key, merchantId);
    return merchantId;
  }

  async #payments(merchantId: string, ids: readonly string[]): Promise<Payment[]> {
    return this.#records<Payment>(ids.map((id) => keys.payment(merchantId, id)));
  }

  /** The JSON records at these keys (one slot), in order, skipping missing ones. */
  async #records<T>(recordKeys: readonly string[]): Promise<T[]> {
    if (recordKeys.length === 0) return [];
    const values = await this.#redis.mget(...recordKeys);
    return values.flatMap((json) => (json === null ? [] : [JSON.parse(json) as T]));
  }
}
