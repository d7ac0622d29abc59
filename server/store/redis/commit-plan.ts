import type { Payment } from '../../core/payment.js';
import type { Change } from '../store.js';
import { keys } from './keys.js';

/**
 * Turns a Change into the KEYS and plan of the commit script (scripts/commit-n.ts): every key the
 * script touches is listed once in KEYS, and the plan names keys by their 1-based index there.
 */

/** The commit script's fixed keys, KEYS[1..7]. */
const FIXED_KEYS = [keys.outbox, keys.outboxSeq, keys.eventIds, keys.jobs, keys.jobsReady, keys.jobsOrder, keys.jobsSeq];

type Op = [name: 'set' | 'del' | 'delif' | 'zadd' | 'zaddseq' | 'zrem' | 'rpush' | 'max', key: number, ...args: (string | number)[]];

export interface CommitCall {
  keys: string[];
  /** ARGV[1]: the plan as JSON. */
  plan: string;
}

/**
 * `previous` holds the stored version of every payment the change updates, read before the
 * commit: its operation ids and order ref are unindexed. The script's version check makes sure
 * the payment is still that version.
 */
export function buildCommit(change: Change, now: number, previous: ReadonlyMap<string, Payment>): CommitCall {
  const allKeys = [...FIXED_KEYS];
  const indexes = new Map<string, number>();
  const k = (key: string): number => {
    let index = indexes.get(key);
    if (index === undefined) {
      index = allKeys.push(key);
      indexes.set(key, index);
    }
    return index;
  };
  const versions: [number, number, string][] = [];
  const ops: Op[] = [];
  const expected = (version: number | null): number => version ?? -1;

  for (const { next: p, expectedVersion } of change.payments ?? []) {
    const m = p.merchantId;
    versions.push([k(keys.payment(m, p.id)), expected(expectedVersion), p.id]);
    const old = previous.get(keys.payment(m, p.id));
    if (old) {
      const kept = new Set(p.operations.map((operation) => operation.id));
      for (const operation of old.operations) {
        if (!kept.has(operation.id)) ops.push(['delif', k(keys.transaction(m, operation.id)), p.id]);
      }
      if (old.orderRef !== p.orderRef) ops.push(['zrem', k(keys.orderRef(m, old.orderRef)), p.id]);
    }
    ops.push(['set', k(keys.payment(m, p.id)), JSON.stringify(p)]);
    for (const txId of new Set([p.id, ...p.operations.map((operation) => operation.id)])) {
      ops.push(['set', k(keys.transaction(m, txId)), p.id]);
    }
    ops.push(['zadd', k(keys.orderRef(m, p.orderRef)), String(p.createdAt), p.id]);
    ops.push(['zadd', k(keys.payments(m)), String(p.createdAt), p.id]);
  }
  for (const { next: s, expectedVersion } of change.sessions ?? []) {
    versions.push([k(keys.session(s.merchantId, s.token)), expected(expectedVersion), s.token]);
    ops.push(['set', k(keys.session(s.merchantId, s.token)), JSON.stringify(s)]);
    ops.push(['set', k(keys.sessionIndex(s.token)), s.merchantId]);
  }
  for (const { next: e, expectedVersion } of change.webhookEndpoints ?? []) {
    versions.push([k(keys.endpoint(e.merchantId, e.id)), expected(expectedVersion), e.id]);
    ops.push(['set', k(keys.endpoint(e.merchantId, e.id)), JSON.stringify(e)]);
    if (expectedVersion === null) ops.push(['rpush', k(keys.endpoints(e.merchantId)), e.id]);
  }
  for (const { next: d, expectedVersion } of change.deliveries ?? []) {
    versions.push([k(keys.delivery(d.merchantId, d.id)), expected(expectedVersion), d.id]);
    ops.push(['set', k(keys.delivery(d.merchantId, d.id)), JSON.stringify(d)]);
    ops.push(['set', k(keys.deliveryIndex(d.id)), d.merchantId]);
    if (expectedVersion === null) {
      ops.push(['rpush', k(keys.deliveries(d.merchantId)), d.id]);
      ops.push(['rpush', k(keys.eventDeliveries(d.merchantId, d.eventId)), d.id]);
    }
  }
  for (const { next: r, expectedVersion } of change.records ?? []) {
    const key = k(keys.record(r.kind, r.scope, r.id));
    versions.push([key, expected(expectedVersion), `${r.kind}:${r.id}`]);
    ops.push(['set', key, JSON.stringify(r)]);
    for (const index of ['', ...(r.indexes ?? [])]) {
      ops.push(['zaddseq', k(keys.recordList(r.kind, r.scope, index)), k(keys.recordSeq(r.scope)), r.id]);
    }
  }
  for (const r of change.deleteRecords ?? []) {
    const key = k(keys.record(r.kind, r.scope, r.id));
    versions.push([key, r.expectedVersion, `${r.kind}:${r.id}`]);
    ops.push(['del', key]);
    ops.push(['zrem', k(keys.recordList(r.kind, r.scope, '')), r.id]);
  }
  for (const stop of change.notificationStops ?? []) {
    ops.push(['max', k(keys.stop(stop.merchantId, stop.subject)), String(stop.expiresAt)]);
  }

  const plan = {
    now: String(now),
    versions,
    releases: (change.releaseClaims ?? []).map((r) => [k(keys.claim(r.key)), r.value]),
    claims: (change.claims ?? []).map((c) => [k(keys.claim(c.key)), c.value, c.expiresAt === undefined ? '' : String(c.expiresAt), c.key]),
    ops,
    events: (change.events ?? []).map((e) => [JSON.stringify(e), e.id, k(keys.merchantEvents(e.merchantId))]),
    doneJobs: change.doneJobs ?? [],
    jobs: (change.jobs ?? []).map((j) => [j.id, JSON.stringify(j), String(j.at)]),
  };
  return { keys: allKeys, plan: JSON.stringify(plan) };
}
