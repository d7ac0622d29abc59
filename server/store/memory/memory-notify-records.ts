import { copyRecord } from './copy-record.js';
import type { Change, CommitOutcome, VersionedWrite } from '../store.js';
import type { Delivery, DeliveryQuery, WebhookEndpoint } from '../notify-records.js';

/*
 * The memory store's notification records: webhook endpoints, deliveries and Payline stop marks.
 * MemoryStore calls `check` then `write` inside its synchronous commit, so they are atomic with
 * the payments, sessions, events and jobs of the same change.
 */

/** Keys scoped by merchant; NUL cannot appear in either part. */
const scoped = (merchantId: string, id: string): string => `${merchantId}\u0000${id}`;

/** Stop marks are swept of expired ones once this many have been written since the last sweep. */
const SWEEP_EVERY = 1000;

function versionHolds<T extends { version: number }>(write: VersionedWrite<T>, stored: T | undefined): boolean {
  return write.expectedVersion === null ? stored === undefined : stored?.version === write.expectedVersion;
}

export class MemoryNotifyRecords {
  /** scoped(merchant, id) → endpoint; and merchant → endpoint ids in creation order. */
  readonly #endpoints = new Map<string, WebhookEndpoint>();
  readonly #endpointIds = new Map<string, string[]>();
  readonly #deliveries = new Map<string, Delivery>();
  /** merchant → delivery ids in creation order. */
  readonly #deliveryIds = new Map<string, string[]>();
  /** event id → delivery ids. */
  readonly #byEvent = new Map<string, string[]>();
  /** scoped(merchant, subject) → expiresAt. */
  readonly #stops = new Map<string, number>();
  #stopsSinceSweep = 0;

  /** The first refused precondition of the change's records, if any; reads only. */
  check(change: Change): CommitOutcome | undefined {
    for (const write of change.webhookEndpoints ?? []) {
      if (!versionHolds(write, this.#endpoints.get(scoped(write.next.merchantId, write.next.id)))) {
        return { ok: false, conflict: 'version', key: write.next.id };
      }
    }
    for (const write of change.deliveries ?? []) {
      if (!versionHolds(write, this.#deliveries.get(write.next.id))) return { ok: false, conflict: 'version', key: write.next.id };
    }
    return undefined;
  }

  /** Writes the change's records; `check` passed. */
  write(change: Change, now: number): void {
    for (const { next, expectedVersion } of change.webhookEndpoints ?? []) {
      this.#endpoints.set(scoped(next.merchantId, next.id), copyRecord(next));
      if (expectedVersion === null) push(this.#endpointIds, next.merchantId, next.id);
    }
    for (const { next, expectedVersion } of change.deliveries ?? []) {
      this.#deliveries.set(next.id, copyRecord(next));
      if (expectedVersion === null) {
        push(this.#deliveryIds, next.merchantId, next.id);
        push(this.#byEvent, next.eventId, next.id);
      }
    }
    for (const stop of change.notificationStops ?? []) {
      const key = scoped(stop.merchantId, stop.subject);
      this.#stops.set(key, Math.max(this.#stops.get(key) ?? 0, stop.expiresAt));
      if (++this.#stopsSinceSweep >= SWEEP_EVERY) this.#sweepStops(now);
    }
  }

  getEndpoint(merchantId: string, id: string): WebhookEndpoint | undefined {
    const endpoint = this.#endpoints.get(scoped(merchantId, id));
    return endpoint && copyRecord(endpoint);
  }

  listEndpoints(merchantId: string): WebhookEndpoint[] {
    return (this.#endpointIds.get(merchantId) ?? []).map((id) => copyRecord(this.#endpoints.get(scoped(merchantId, id))!));
  }

  getDelivery(id: string): Delivery | undefined {
    const delivery = this.#deliveries.get(id);
    return delivery && copyRecord(delivery);
  }

  listDeliveries(query: DeliveryQuery): Delivery[] {
    const ids = query.eventId !== undefined ? (this.#byEvent.get(query.eventId) ?? []) : (this.#deliveryIds.get(query.merchantId) ?? []);
    const found: Delivery[] = [];
    for (const id of ids) {
      const d = this.#deliveries.get(id)!;
      if (d.merchantId !== query.merchantId) continue;
      if (query.channel !== undefined && d.request.channel !== query.channel) continue;
      if (query.status !== undefined && d.status !== query.status) continue;
      if (query.from !== undefined && d.occurredAt < query.from) continue;
      if (query.to !== undefined && d.occurredAt > query.to) continue;
      found.push(d);
    }
    // Creation order, then a stable sort: oldest event first.
    return found
      .sort((a, b) => a.occurredAt - b.occurredAt)
      .slice(0, Math.max(0, query.limit))
      .map((d) => copyRecord(d));
  }

  isStopped(merchantId: string, subject: string, now: number): boolean {
    return (this.#stops.get(scoped(merchantId, subject)) ?? -Infinity) > now;
  }

  #sweepStops(now: number): void {
    this.#stopsSinceSweep = 0;
    for (const [key, expiresAt] of this.#stops) if (expiresAt <= now) this.#stops.delete(key);
  }
}

function push(index: Map<string, string[]>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids) ids.push(id);
  else index.set(key, [id]);
}
