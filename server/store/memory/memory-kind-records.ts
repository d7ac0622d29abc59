import { copyRecord } from './copy-record.js';
import type { Change, CommitOutcome, RecordQuery, StoredRecord } from '../store.js';

/*
 * The memory store's records by kind (StoredRecord): gift-card accounts, wallets, payment
 * records… MemoryStore calls `check` then `write` inside its synchronous commit, so they are
 * atomic with everything else in the change.
 */

/** kind, scope and id joined; NUL cannot appear in any part. */
const recordKey = (kind: string, scope: string, id: string): string => `${kind}\u0000${scope}\u0000${id}`;
const listKey = (kind: string, scope: string, index: string): string => `${kind}\u0000${scope}\u0000${index}`;
/** The list of every record of a kind in a scope. */
const ALL = '\u0001all';

export class MemoryKindRecords {
  readonly #records = new Map<string, StoredRecord>();
  /** listKey → record ids, in creation order (a Set keeps insertion order). */
  readonly #lists = new Map<string, Set<string>>();

  /** The first refused precondition of the change's records, if any; reads only. */
  check(change: Change): CommitOutcome | undefined {
    for (const { next, expectedVersion } of change.records ?? []) {
      const stored = this.#records.get(recordKey(next.kind, next.scope, next.id));
      const holds = expectedVersion === null ? stored === undefined : stored?.version === expectedVersion;
      if (!holds) return { ok: false, conflict: 'version', key: `${next.kind}:${next.id}` };
    }
    for (const { kind, scope, id, expectedVersion } of change.deleteRecords ?? []) {
      if (this.#records.get(recordKey(kind, scope, id))?.version !== expectedVersion) {
        return { ok: false, conflict: 'version', key: `${kind}:${id}` };
      }
    }
    return undefined;
  }

  /** Writes the change's records; `check` passed. */
  write(change: Change): void {
    for (const { next } of change.records ?? []) {
      const key = recordKey(next.kind, next.scope, next.id);
      const previous = this.#records.get(key);
      if (previous) this.#unlist(previous, new Set(next.indexes));
      this.#records.set(key, copyRecord(next));
      for (const index of [ALL, ...(next.indexes ?? [])]) {
        const list = listKey(next.kind, next.scope, index);
        const ids = this.#lists.get(list);
        if (ids) ids.add(next.id);
        else this.#lists.set(list, new Set([next.id]));
      }
    }
    for (const { kind, scope, id } of change.deleteRecords ?? []) {
      const key = recordKey(kind, scope, id);
      const stored = this.#records.get(key);
      if (!stored) continue;
      this.#unlist(stored, undefined);
      this.#records.delete(key);
    }
  }

  get(kind: string, scope: string, id: string): StoredRecord | undefined {
    const stored = this.#records.get(recordKey(kind, scope, id));
    return stored && copyRecord(stored);
  }

  list(query: RecordQuery): StoredRecord[] {
    const ids = this.#lists.get(listKey(query.kind, query.scope, query.index ?? ALL)) ?? new Set<string>();
    const found: StoredRecord[] = [];
    for (const id of ids) {
      if (query.limit !== undefined && found.length >= query.limit) break;
      const stored = this.#records.get(recordKey(query.kind, query.scope, id));
      if (stored) found.push(copyRecord(stored));
    }
    return found;
  }

  /**
   * Drops the record from the lists of the indexes it leaves: those not in `kept`, or all of them
   * and the list of all when it is deleted (`kept` undefined). Lists it stays in keep its place.
   */
  #unlist(record: StoredRecord, kept: Set<string> | undefined): void {
    const indexes = kept ? (record.indexes ?? []).filter((index) => !kept.has(index)) : [ALL, ...(record.indexes ?? [])];
    for (const index of indexes) this.#lists.get(listKey(record.kind, record.scope, index))?.delete(record.id);
  }
}
