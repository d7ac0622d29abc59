import { copyRecord } from './copy-record.js';
import type { EventRef, OutboxEvent, StoredEvent } from '../store.js';
import type { ClaimOptions, EventQuery } from '../notify-records.js';

/*
 * The memory store's outbox: an append-only list of committed events and, per consumer group,
 * a cursor (the first event never handed out) and the events handed out but not acknowledged,
 * with their lease. It mirrors a Redis stream read with XREADGROUP / XAUTOCLAIM / XACK.
 */

interface Group {
  /** Index in `events` of the first event this group was never given. */
  next: number;
  /** seq → ms until which the event is leased to the group. */
  pending: Map<number, number>;
  /** No lease in `pending` ends before this (a lower bound): below it, no scan for lapsed leases. */
  earliestLease: number;
}

/** The outbox of MemoryStore; `now` comes from the store's clock. */
export class MemoryOutbox {
  /** events[i].seq === i + 1. */
  readonly #events: StoredEvent[] = [];
  readonly #seqById = new Map<string, number>();
  readonly #byMerchant = new Map<string, StoredEvent[]>();
  readonly #groups = new Map<string, Group>();
  readonly #waiters = new Set<() => void>();
  #closed = false;

  /** Appends committed events (inside a commit: synchronous) and wakes waiting readers after it. */
  append(events: readonly OutboxEvent[]): void {
    for (const event of events) {
      const stored: StoredEvent = { ...copyRecord(event), seq: this.#events.length + 1 };
      this.#events.push(stored);
      this.#seqById.set(stored.id, stored.seq);
      const list = this.#byMerchant.get(stored.merchantId);
      if (list) list.push(stored);
      else this.#byMerchant.set(stored.merchantId, [stored]);
    }
    // The committing request goes on first; readers run on the next turn.
    if (events.length > 0 && this.#waiters.size > 0) setImmediate(() => this.#wakeAll());
  }

  /** One sequence for every merchant here: after `afterSeq` is simply the rest of the list. */
  read(afterSeq: number, limit: number): StoredEvent[] {
    const start = Math.max(0, Math.floor(afterSeq));
    return this.#events.slice(start, start + Math.max(0, limit)).map((event) => copyRecord(event));
  }

  async claim(group: string, options: ClaimOptions, now: () => number): Promise<StoredEvent[]> {
    const found = this.#claimNow(group, options, now());
    if (found.length > 0 || !options.waitMs || this.#closed || options.signal?.aborted) return found;
    await this.#waitForAppend(options.waitMs, options.signal);
    return this.#claimNow(group, options, now());
  }

  ack(group: string, events: readonly EventRef[]): void {
    const state = this.#group(group);
    for (const { merchantId, seq } of events) {
      if (this.#events[seq - 1]?.merchantId === merchantId) state.pending.delete(seq);
    }
  }

  backlog(group: string): number {
    const state = this.#group(group);
    return this.#events.length - state.next + state.pending.size;
  }

  get(merchantId: string, eventId: string): StoredEvent | undefined {
    const seq = this.#seqById.get(eventId);
    const event = seq === undefined ? undefined : this.#events[seq - 1];
    return event && event.merchantId === merchantId ? copyRecord(event) : undefined;
  }

  list(query: EventQuery): StoredEvent[] {
    const events = this.#byMerchant.get(query.merchantId) ?? [];
    const found: StoredEvent[] = [];
    for (let i = events.length - 1; i >= 0 && found.length < query.limit; i--) {
      const event = events[i]!;
      if (query.beforeSeq !== undefined && event.seq >= query.beforeSeq) continue;
      if (query.type !== undefined && event.type !== query.type) continue;
      if (query.from !== undefined && event.occurredAt < query.from) continue;
      if (query.to !== undefined && event.occurredAt > query.to) continue;
      found.push(copyRecord(event));
    }
    return found;
  }

  /** Ends every wait (the store is closing). */
  close(): void {
    this.#closed = true;
    this.#wakeAll();
  }

  #group(name: string): Group {
    let state = this.#groups.get(name);
    if (!state) this.#groups.set(name, (state = { next: 0, pending: new Map(), earliestLease: Infinity }));
    return state;
  }

  #claimNow(group: string, options: ClaimOptions, now: number): StoredEvent[] {
    const state = this.#group(group);
    const limit = Math.max(0, options.limit);
    const claimed: StoredEvent[] = [];
    // Lapsed leases first (their holder died or failed), oldest first. The scan runs only when a
    // lease may have ended: claims are frequent, lapses rare.
    if (state.earliestLease <= now) {
      const lapsed: number[] = [];
      let earliest = Infinity;
      for (const [seq, until] of state.pending) {
        if (until <= now) lapsed.push(seq);
        else earliest = Math.min(earliest, until);
      }
      lapsed.sort((a, b) => a - b);
      for (const seq of lapsed.slice(0, limit)) claimed.push(this.#events[seq - 1]!);
      for (const seq of lapsed.slice(limit)) earliest = Math.min(earliest, state.pending.get(seq)!);
      state.earliestLease = earliest;
    }
    while (claimed.length < limit && state.next < this.#events.length) claimed.push(this.#events[state.next++]!);
    const until = now + options.leaseMs;
    for (const event of claimed) state.pending.set(event.seq, until);
    if (claimed.length > 0) state.earliestLease = Math.min(state.earliestLease, until);
    return claimed.map((event) => copyRecord(event));
  }

  #waitForAppend(waitMs: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      this.#waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  #wakeAll(): void {
    for (const wake of [...this.#waiters]) wake();
  }
}
