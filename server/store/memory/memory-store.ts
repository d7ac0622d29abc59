import { copyRecord } from './copy-record.js';
import type { Clock } from '../../core/clock.js';
import type { Payment } from '../../core/payment.js';
import type { WebSession } from '../../core/web-session-types.js';
import type { ClaimOptions, Delivery, DeliveryQuery, EventQuery, WebhookEndpoint } from '../notify-records.js';
import type {
  Change,
  CommitOutcome,
  EventRef,
  Job,
  PaymentSearch,
  RecordQuery,
  Store,
  StoredRecord,
  StoredEvent,
  VersionedWrite,
} from '../store.js';
import { MemoryKindRecords } from './memory-kind-records.js';
import { MemoryNotifyRecords } from './memory-notify-records.js';
import { MemoryOutbox } from './memory-outbox.js';
import { matchesSearch } from '../payment-search.js';

/*
 * Everything lives in Maps in this process; nothing survives a restart. A commit checks every
 * precondition, then writes, in one synchronous step: no other commit can run in between.
 * Records are cloned on the way in and out, so no caller holds a reference to stored state.
 */

interface PaymentEntry {
  payment: Payment;
  /** Insertion order: breaks createdAt ties, the later first. */
  seq: number;
}

interface JobEntry {
  job: Job;
  /** ms; the job is not handed out again before this. */
  leasedUntil: number;
}

interface ClaimEntry {
  value: string;
  expiresAt?: number;
}

/** Index keys are scoped by merchant; NUL cannot appear in either part. */
const scoped = (merchantId: string, id: string): string => `${merchantId}\u0000${id}`;

const isLive = (claim: ClaimEntry | undefined, now: number): claim is ClaimEntry =>
  claim !== undefined && (claim.expiresAt === undefined || claim.expiresAt > now);

const newestFirst = (a: PaymentEntry, b: PaymentEntry): number =>
  b.payment.createdAt - a.payment.createdAt || b.seq - a.seq;

/** The embedded, zero-setup Store: one process, nothing durable. Selected by `createStore({ kind: 'memory' })`. */
export class MemoryStore implements Store {
  readonly name = 'memory';
  readonly #clock: Clock;
  #paymentSeq = 0;
  /** scoped(merchant, payment id) → entry. */
  readonly #payments = new Map<string, PaymentEntry>();
  /** scoped(merchant, payment or operation id) → payment id. */
  readonly #byTransaction = new Map<string, string>();
  /** scoped(merchant, orderRef) → payment ids, and merchant → payment ids, in insertion order. */
  readonly #byOrderRef = new Map<string, Set<string>>();
  readonly #byMerchant = new Map<string, Set<string>>();
  readonly #sessions = new Map<string, WebSession>();
  /** scoped(merchant, claim key) → claim. */
  readonly #claims = new Map<string, ClaimEntry>();
  readonly #outbox = new MemoryOutbox();
  readonly #records = new MemoryNotifyRecords();
  readonly #kindRecords = new MemoryKindRecords();
  /** scoped(merchant, job id) → job, in scheduling order. */
  readonly #jobs = new Map<string, JobEntry>();

  constructor(options: { clock: Clock }) {
    this.#clock = options.clock;
  }

  async commit(change: Change): Promise<CommitOutcome> {
    const refused = this.#check(change);
    if (refused) return refused;
    for (const write of change.payments ?? []) this.#writePayment(copyRecord(write.next));
    for (const write of change.sessions ?? []) this.#sessions.set(write.next.token, copyRecord(write.next));
    for (const key of this.#releasable(change)) this.#claims.delete(key);
    for (const claim of change.claims ?? []) this.#claims.set(scoped(claim.merchantId, claim.key), { value: claim.value, expiresAt: claim.expiresAt });
    this.#outbox.append(change.events ?? []);
    this.#records.write(change, this.#clock.now());
    this.#kindRecords.write(change);
    // Done first, then scheduled: a job that finishes and reschedules itself stays scheduled.
    for (const job of change.doneJobs ?? []) this.#jobs.delete(scoped(job.merchantId, job.id));
    for (const job of change.jobs ?? []) this.#jobs.set(scoped(job.merchantId, job.id), { job: copyRecord(job), leasedUntil: -Infinity });
    return { ok: true };
  }

  async getPayment(merchantId: string, transactionId: string): Promise<Payment | undefined> {
    const id = this.#byTransaction.get(scoped(merchantId, transactionId));
    const entry = id === undefined ? undefined : this.#payments.get(scoped(merchantId, id));
    return entry && copyRecord(entry.payment);
  }

  async findPaymentsByOrderRef(merchantId: string, orderRef: string): Promise<Payment[]> {
    const entries = this.#entries(merchantId, this.#byOrderRef.get(scoped(merchantId, orderRef)));
    return entries.sort(newestFirst).map((entry) => copyRecord(entry.payment));
  }

  async searchPayments(search: PaymentSearch): Promise<Payment[]> {
    const { merchantId, transactionId, orderRef } = search;
    let ids: Iterable<string> | undefined;
    if (transactionId !== undefined) {
      const id = this.#byTransaction.get(scoped(merchantId, transactionId));
      ids = id === undefined ? [] : [id];
    } else if (orderRef !== undefined) {
      ids = this.#byOrderRef.get(scoped(merchantId, orderRef));
    } else {
      ids = this.#byMerchant.get(merchantId);
    }
    return this.#entries(merchantId, ids)
      .filter((entry) => matchesSearch(entry.payment, search))
      .sort(newestFirst)
      .slice(0, Math.max(0, search.limit))
      .map((entry) => copyRecord(entry.payment));
  }

  async getSession(token: string): Promise<WebSession | undefined> {
    const session = this.#sessions.get(token);
    return session && copyRecord(session);
  }

  async getClaim(merchantId: string, key: string, now: number): Promise<string | undefined> {
    const claim = this.#claims.get(scoped(merchantId, key));
    return isLive(claim, now) ? claim.value : undefined;
  }

  async readEvents(afterSeq: number, limit: number): Promise<StoredEvent[]> {
    return this.#outbox.read(afterSeq, limit);
  }

  claimEvents(group: string, options: ClaimOptions): Promise<StoredEvent[]> {
    return this.#outbox.claim(group, options, () => this.#clock.now());
  }

  async ackEvents(group: string, events: readonly EventRef[]): Promise<void> {
    this.#outbox.ack(group, events);
  }

  async eventBacklog(group: string): Promise<number> {
    return this.#outbox.backlog(group);
  }

  async getEvent(merchantId: string, eventId: string): Promise<StoredEvent | undefined> {
    return this.#outbox.get(merchantId, eventId);
  }

  async listEvents(query: EventQuery): Promise<StoredEvent[]> {
    return this.#outbox.list(query);
  }

  async getWebhookEndpoint(merchantId: string, id: string): Promise<WebhookEndpoint | undefined> {
    return this.#records.getEndpoint(merchantId, id);
  }

  async listWebhookEndpoints(merchantId: string): Promise<WebhookEndpoint[]> {
    return this.#records.listEndpoints(merchantId);
  }

  async getDelivery(id: string): Promise<Delivery | undefined> {
    return this.#records.getDelivery(id);
  }

  async listDeliveries(query: DeliveryQuery): Promise<Delivery[]> {
    return this.#records.listDeliveries(query);
  }

  async getRecord(kind: string, scope: string, id: string): Promise<StoredRecord | undefined> {
    return this.#kindRecords.get(kind, scope, id);
  }

  async listRecords(query: RecordQuery): Promise<StoredRecord[]> {
    return this.#kindRecords.list(query);
  }

  async isNotificationStopped(merchantId: string, subject: string, now: number): Promise<boolean> {
    return this.#records.isStopped(merchantId, subject, now);
  }

  async leaseDueJobs(now: number, limit: number, leaseMs: number): Promise<Job[]> {
    const due: JobEntry[] = [];
    for (const entry of this.#jobs.values()) {
      if (entry.job.at <= now && entry.leasedUntil <= now) due.push(entry);
    }
    // Map order is scheduling order, and sort is stable: equal `at`, first scheduled first.
    const leased = due.sort((a, b) => a.job.at - b.job.at).slice(0, Math.max(0, limit));
    for (const entry of leased) entry.leasedUntil = now + leaseMs;
    return leased.map((entry) => copyRecord(entry.job));
  }

  async close(): Promise<void> {
    this.#outbox.close();
  }

  /** The first refused precondition, if any; reads only. */
  #check(change: Change): CommitOutcome | undefined {
    for (const write of change.payments ?? []) {
      const stored = this.#payments.get(scoped(write.next.merchantId, write.next.id))?.payment;
      if (!versionHolds(write, stored)) return { ok: false, conflict: 'version', key: write.next.id };
    }
    for (const write of change.sessions ?? []) {
      if (!versionHolds(write, this.#sessions.get(write.next.token))) {
        return { ok: false, conflict: 'version', key: write.next.token };
      }
    }
    const records = this.#records.check(change) ?? this.#kindRecords.check(change);
    if (records) return records;
    const now = this.#clock.now();
    const claimed = new Set<string>();
    const released = this.#releasable(change);
    for (const claim of change.claims ?? []) {
      const key = scoped(claim.merchantId, claim.key);
      if (claimed.has(key) || (!released.has(key) && isLive(this.#claims.get(key), now))) {
        return { ok: false, conflict: 'claim', key: claim.key };
      }
      claimed.add(key);
    }
    return undefined;
  }

  /** The (scoped) keys of releaseClaims that still hold the value the change gives up. */
  #releasable(change: Change): Set<string> {
    const now = this.#clock.now();
    const keys = (change.releaseClaims ?? []).map((r) => ({ key: scoped(r.merchantId, r.key), value: r.value }));
    return new Set(keys.filter((r) => {
      const held = this.#claims.get(r.key);
      return isLive(held, now) && held.value === r.value;
    }).map((r) => r.key));
  }

  #writePayment(payment: Payment): void {
    const key = scoped(payment.merchantId, payment.id);
    const previous = this.#payments.get(key);
    if (previous) this.#unindex(previous.payment);
    this.#payments.set(key, { payment, seq: previous?.seq ?? ++this.#paymentSeq });
    this.#byTransaction.set(key, payment.id);
    for (const operation of payment.operations) {
      this.#byTransaction.set(scoped(payment.merchantId, operation.id), payment.id);
    }
    addTo(this.#byOrderRef, scoped(payment.merchantId, payment.orderRef), payment.id);
    addTo(this.#byMerchant, payment.merchantId, payment.id);
  }

  /** Drops the lookups a payment's previous version had; writePayment adds the current ones back. */
  #unindex(payment: Payment): void {
    for (const operation of payment.operations) {
      const key = scoped(payment.merchantId, operation.id);
      if (this.#byTransaction.get(key) === payment.id) this.#byTransaction.delete(key);
    }
    this.#byOrderRef.get(scoped(payment.merchantId, payment.orderRef))?.delete(payment.id);
  }

  #entries(merchantId: string, ids: Iterable<string> | undefined): PaymentEntry[] {
    const entries: PaymentEntry[] = [];
    for (const id of ids ?? []) {
      const entry = this.#payments.get(scoped(merchantId, id));
      if (entry) entries.push(entry);
    }
    return entries;
  }
}

function versionHolds<T extends { version: number }>(write: VersionedWrite<T>, stored: T | undefined): boolean {
  return write.expectedVersion === null ? stored === undefined : stored?.version === write.expectedVersion;
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids) ids.add(id);
  else index.set(key, new Set([id]));
}
