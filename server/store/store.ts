import type { JsonValue, Payment } from '../core/payment.js';
import type { WebSession } from '../core/web-session-types.js';
import type { ClaimOptions, Delivery, DeliveryQuery, EventQuery, NotificationStop, WebhookEndpoint } from './notify-records.js';

/**
 * The store seam, in domain words. Every state change and the events it causes are committed
 * by one `commit` call, atomically: either everything in the change is written, or nothing is.
 * Backends: memory (embedded default) and redis (standalone or Cluster). Only `createStore` picks one.
 */

/** An event for the outbox: the notification hub reads committed events and fans them out. */
export interface OutboxEvent {
  /** Stable id: receivers deduplicate by it. */
  id: string;
  /** payment.accepted, payment.refused, payment.captured, payment.refunded, payment.reset, session.expired… */
  type: string;
  merchantId: string;
  /** ms since the epoch. */
  occurredAt: number;
  data: { [key: string]: JsonValue };
}

/**
 * A committed event with its place in the outbox: 1, 2, 3… in commit order within its merchant.
 * (The memory store numbers every merchant's events in one sequence; Redis numbers each merchant's
 * apart, as each merchant's outbox lives in its own Cluster slot.)
 */
export interface StoredEvent extends OutboxEvent {
  seq: number;
}

/** What names a committed event for `ackEvents`: a StoredEvent will do. */
export type EventRef = Pick<StoredEvent, 'merchantId' | 'seq'>;

/** Scheduled work, run by the job runner when `at` has come (deferred capture, session expiry…). */
export interface Job {
  /** Stable id: scheduling the same id twice keeps one job. */
  id: string;
  type: string;
  /** ms since the epoch. */
  at: number;
  merchantId: string;
  /** What the job works on (a payment id, a token…). */
  ref: string;
}

/** What names a scheduled job for `doneJobs`: a Job will do. Job ids are unique within a merchant. */
export type JobRef = Pick<Job, 'merchantId' | 'id'>;

/** A record written with optimistic concurrency: `expectedVersion` null means "must not exist yet". */
export interface VersionedWrite<T> {
  next: T;
  expectedVersion: number | null;
}

/**
 * A unique claim: a key that must be free, then holds `value`. Duplicate order detection uses it.
 * `expiresAt` (ms) frees it again; absent means forever.
 */
export interface Claim {
  /** The claim lives with this merchant's records (one Cluster slot). */
  merchantId: string;
  key: string;
  value: string;
  expiresAt?: number;
}

/**
 * A record of a capability that has no typed collection of its own (gift-card accounts and
 * reservations, wallets, payment records, billing records…), stored by `kind` within a `scope`.
 * The scope is a merchant id, or a connector's name for a simulated processor's own state
 * (e.g. `processor:gift-card`). On Redis, one scope's records share a Cluster slot, so one
 * commit may write records of one scope together with that merchant's payments, sessions,
 * events and jobs when scope = merchantId.
 */
export interface StoredRecord {
  /** 'gift-card-account', 'wallet', 'payment-record'… (lowercase letters, digits, '-'). */
  kind: string;
  scope: string;
  id: string;
  /** Starts at 1 when created; a write expects the stored version (optimistic concurrency). */
  version: number;
  /**
   * Secondary keys this record is listed under (e.g. `wallet:W1`, `due:2026-12-01`):
   * `listRecords(kind, scope, { index })` finds it by any of them. Replaced on every write.
   */
  indexes?: string[];
  data: { [key: string]: JsonValue };
}

export interface RecordQuery {
  kind: string;
  scope: string;
  /** Only records listing this index; absent: every record of the kind in the scope. */
  index?: string;
  /** At most this many, oldest-created first (default: all). */
  limit?: number;
}

/**
 * One atomic step. On Redis Cluster everything a change touches must belong to one scope (a
 * merchant, or a record scope): its payments, sessions, claims, events, jobs, notification records
 * and records. A change spanning two scopes is refused there with an error naming them; the memory
 * store and standalone Redis run it.
 */
export interface Change {
  payments?: VersionedWrite<Payment>[];
  sessions?: VersionedWrite<WebSession>[];
  claims?: Claim[];
  /**
   * Claims given up by this change, freed before `claims` are checked (one change can replace a
   * claim), each only while it still holds `value`: a hold that lapsed and was taken by another is
   * left alone.
   */
  releaseClaims?: Omit<Claim, 'expiresAt'>[];
  events?: OutboxEvent[];
  /** Jobs to schedule (an existing id is replaced). */
  jobs?: Job[];
  /** Jobs finished by this change: removed in the same step. */
  doneJobs?: JobRef[];
  webhookEndpoints?: VersionedWrite<WebhookEndpoint>[];
  deliveries?: VersionedWrite<Delivery>[];
  /** Payline stop marks (an existing mark is extended). */
  notificationStops?: NotificationStop[];
  /** Records by kind (see StoredRecord). `expectedVersion` null: must not exist yet. */
  records?: VersionedWrite<StoredRecord>[];
  /** Records removed by this change, each only while still at `expectedVersion`. */
  deleteRecords?: { kind: string; scope: string; id: string; expectedVersion: number }[];
}

export type CommitOutcome =
  | { ok: true }
  /** Nothing was written: a record's version moved, or a claim was taken. `key` says which. */
  | { ok: false; conflict: 'version' | 'claim'; key: string };

/** Search criteria for transactionsSearch; every field optional, combined with AND. */
export interface PaymentSearch {
  merchantId: string;
  /** ms, inclusive bounds on createdAt. */
  from?: number;
  to?: number;
  orderRef?: string;
  /** Matches the payment's own id or any of its operations' ids. */
  transactionId?: string;
  contractNumber?: string;
  resultCode?: string;
  authorizationNumber?: string;
  currency?: number;
  minAmount?: number;
  maxAmount?: number;
  token?: string;
  limit: number;
}

export interface Store {
  readonly name: string;
  /** Commits a change atomically (see Change). */
  commit(change: Change): Promise<CommitOutcome>;
  /** The payment a transaction id belongs to (its own id or any of its operations' ids), within a merchant. */
  getPayment(merchantId: string, transactionId: string): Promise<Payment | undefined>;
  /** Payments by order ref, newest first. */
  findPaymentsByOrderRef(merchantId: string, orderRef: string): Promise<Payment[]>;
  searchPayments(search: PaymentSearch): Promise<Payment[]>;
  /** The web session of a token, whatever its merchant (the widget knows only the token). */
  getSession(token: string): Promise<WebSession | undefined>;
  /** The value of a live claim of the merchant, if any (`now` judges expiry). */
  getClaim(merchantId: string, key: string, now: number): Promise<string | undefined>;
  /** Every merchant's committed events with a seq after `afterSeq`, by seq (then merchant id), at most `limit`. */
  readEvents(afterSeq: number, limit: number): Promise<StoredEvent[]>;
  /**
   * Jobs due at `now`, oldest first, leased for `leaseMs`: a leased job is not handed out again
   * until its lease ends, so a runner that dies leaves it to the next. Finish one with `doneJobs`.
   */
  leaseDueJobs(now: number, limit: number, leaseMs: number): Promise<Job[]>;
  /**
   * The outbox as a consumer group per reader (`group`, e.g. a notification channel): events no
   * member of the group has acknowledged, oldest first within a merchant, at most `limit`, leased
   * for `leaseMs` — first those whose lease ran out, then new ones. A leased event is handed to no
   * other reader before its lease ends. A new group starts at the first event kept. The lease is
   * timed by the store's clock in memory, by the Redis server's clock on Redis (XAUTOCLAIM).
   */
  claimEvents(group: string, options: ClaimOptions): Promise<StoredEvent[]>;
  /** The group is done with these events: they are never handed to it again. */
  ackEvents(group: string, events: readonly EventRef[]): Promise<void>;
  /** How many committed events the group has not acknowledged yet. */
  eventBacklog(group: string): Promise<number>;
  getEvent(merchantId: string, eventId: string): Promise<StoredEvent | undefined>;
  listEvents(query: EventQuery): Promise<StoredEvent[]>;
  getWebhookEndpoint(merchantId: string, id: string): Promise<WebhookEndpoint | undefined>;
  /** Every endpoint of the merchant, deleted ones included, oldest first. */
  listWebhookEndpoints(merchantId: string): Promise<WebhookEndpoint[]>;
  getDelivery(id: string): Promise<Delivery | undefined>;
  listDeliveries(query: DeliveryQuery): Promise<Delivery[]>;
  getRecord(kind: string, scope: string, id: string): Promise<StoredRecord | undefined>;
  listRecords(query: RecordQuery): Promise<StoredRecord[]>;
  /** Whether a live stop mark covers `subject` (`now` judges expiry). */
  isNotificationStopped(merchantId: string, subject: string, now: number): Promise<boolean>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}
