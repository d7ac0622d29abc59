import type { Change } from '../store.js';
import { keys } from './keys.js';

/**
 * Turns a Change into the KEYS and plan of the commit script (scripts/commit-n.ts): every key the
 * script touches is listed once in KEYS, and the plan names keys by their 1-based index there.
 * The values it stores (record, event and job JSON) travel as ARGV of their own, named in the
 * plan by their ARGV index: JSON-encoding them inside the plan would escape each record's JSON
 * once more here and make the script decode it again, for nothing.
 * `scopes` says which scopes the change touches: on Redis Cluster it must be exactly one.
 */

/** Sessions in these states are over: their key expires after the session retention. */
const ENDED_SESSION = new Set(['ACCEPTED', 'REFUSED', 'CANCELLED', 'EXPIRED']);

type Op = [name: 'set' | 'del' | 'zadd' | 'zaddseq' | 'zrem' | 'rpush' | 'max' | 'pexpire', key: number, ...args: (string | number)[]];

export interface CommitCall {
  keys: string[];
  /** ARGV[1]: the plan as JSON. */
  plan: string;
  /** ARGV[3…]: the values the plan names by ARGV index (ARGV[2] is the outbox channel). */
  values: string[];
  /** Every scope the change touches, in first-seen order. */
  scopes: string[];
}

export interface CommitSettings {
  /** How long an ended session is kept (ms). */
  sessionRetentionMs: number;
}

export function buildCommit(change: Change, now: number, settings: CommitSettings): CommitCall {
  const allKeys: string[] = [];
  const indexes = new Map<string, number>();
  const scopes = new Set<string>();
  const k = (key: string): number => {
    let index = indexes.get(key);
    if (index === undefined) {
      index = allKeys.push(key);
      indexes.set(key, index);
    }
    return index;
  };
  const values: string[] = [];
  /** The ARGV index of a value (ARGV[1] is the plan, ARGV[2] the outbox channel). */
  const v = (value: string): number => values.push(value) + 2;
  const versions: [number, number, string][] = [];
  const reindex: [number, string, string, string, string[], string][] = [];
  const ops: Op[] = [];
  const expected = (version: number | null): number => version ?? -1;
  const scope = (m: string): string => (scopes.add(m), m);

  for (const { next: p, expectedVersion } of change.payments ?? []) {
    const m = scope(p.merchantId);
    const key = k(keys.payment(m, p.id));
    versions.push([key, expected(expectedVersion), p.id]);
    const txIds = [...new Set([p.id, ...p.operations.map((operation) => operation.id)])];
    // An update unindexes what the stored version had and this one has not; the script reads it.
    if (expectedVersion !== null) reindex.push([key, keys.transaction(m, ''), keys.orderRef(m, ''), p.id, txIds, p.orderRef]);
    ops.push(['set', key, v(JSON.stringify(p))]);
    const id = v(p.id);
    for (const txId of txIds) ops.push(['set', k(keys.transaction(m, txId)), id]);
    ops.push(['zadd', k(keys.orderRef(m, p.orderRef)), String(p.createdAt), p.id]);
    ops.push(['zadd', k(keys.payments(m)), String(p.createdAt), p.id]);
  }
  for (const { next: s, expectedVersion } of change.sessions ?? []) {
    const key = k(keys.session(scope(s.merchantId), s.token));
    versions.push([key, expected(expectedVersion), s.token]);
    ops.push(['set', key, v(JSON.stringify(s))]);
    if (ENDED_SESSION.has(s.status)) ops.push(['pexpire', key, String(settings.sessionRetentionMs)]);
  }
  for (const { next: e, expectedVersion } of change.webhookEndpoints ?? []) {
    const key = k(keys.endpoint(scope(e.merchantId), e.id));
    versions.push([key, expected(expectedVersion), e.id]);
    ops.push(['set', key, v(JSON.stringify(e))]);
    if (expectedVersion === null) ops.push(['rpush', k(keys.endpoints(e.merchantId)), e.id]);
  }
  for (const { next: d, expectedVersion } of change.deliveries ?? []) {
    const key = k(keys.delivery(scope(d.merchantId), d.id));
    versions.push([key, expected(expectedVersion), d.id]);
    ops.push(['set', key, v(JSON.stringify(d))]);
    if (expectedVersion === null) {
      ops.push(['rpush', k(keys.deliveries(d.merchantId)), d.id]);
      ops.push(['rpush', k(keys.eventDeliveries(d.merchantId, d.eventId)), d.id]);
    }
  }
  for (const { next: r, expectedVersion } of change.records ?? []) {
    const key = k(keys.record(r.kind, scope(r.scope), r.id));
    versions.push([key, expected(expectedVersion), `${r.kind}:${r.id}`]);
    ops.push(['set', key, v(JSON.stringify(r))]);
    for (const index of ['', ...(r.indexes ?? [])]) {
      ops.push(['zaddseq', k(keys.recordList(r.kind, r.scope, index)), k(keys.recordSeq(r.scope)), r.id]);
    }
  }
  for (const r of change.deleteRecords ?? []) {
    const key = k(keys.record(r.kind, scope(r.scope), r.id));
    versions.push([key, r.expectedVersion, `${r.kind}:${r.id}`]);
    ops.push(['del', key]);
    ops.push(['zrem', k(keys.recordList(r.kind, r.scope, '')), r.id]);
  }
  for (const stop of change.notificationStops ?? []) {
    ops.push(['max', k(keys.stop(scope(stop.merchantId), stop.subject)), String(stop.expiresAt)]);
  }

  const plan = {
    now: String(now),
    versions,
    reindex,
    releases: (change.releaseClaims ?? []).map((r) => [k(keys.claim(scope(r.merchantId), r.key)), r.value]),
    // A claim's key expires (PEXPIRE, relative: the store's clock may be a test clock) once its
    // expiresAt has passed; until Redis drops it, the script's own check judges it by `now`.
    claims: (change.claims ?? []).map((c) => [
      k(keys.claim(scope(c.merchantId), c.key)),
      c.value,
      c.expiresAt === undefined ? '' : String(c.expiresAt),
      c.key,
      c.expiresAt === undefined ? '' : String(Math.max(1, c.expiresAt - now)),
    ]),
    ops,
    events: (change.events ?? []).map((e) => {
      const m = scope(e.merchantId);
      return [v(JSON.stringify(e)), e.id, k(keys.outbox(m)), k(keys.outboxSeq(m)), k(keys.eventIds(m))];
    }),
    doneJobs: (change.doneJobs ?? []).map((j) => {
      const m = scope(j.merchantId);
      return [j.id, k(keys.jobs(m)), k(keys.jobsReady(m)), k(keys.jobsOrder(m))];
    }),
    jobs: (change.jobs ?? []).map((j) => {
      const m = scope(j.merchantId);
      return [j.id, v(JSON.stringify(j)), String(j.at), k(keys.jobs(m)), k(keys.jobsReady(m)), k(keys.jobsOrder(m)), k(keys.jobsSeq(m))];
    }),
  };
  return { keys: allKeys, plan: JSON.stringify(plan), values, scopes: [...scopes] };
}
