/**
 * Every Redis key of the RedisStore, laid out for Redis Cluster: a Lua script may only touch keys
 * of one hash slot, so everything one commit writes shares the hash tag of its scope.
 *
 * - `{m:<scope>}:…` — a scope is a merchant id (or a connector's name for its own records): its
 *   payments, sessions, claims, webhook endpoints, deliveries, records, stop marks, AND its outbox
 *   (stream, seq, event ids) and its jobs. A commit writes within one scope; one that spans two
 *   fails on Cluster (standalone Redis runs it, all keys being local there).
 * - `{g}:scopes` — the set of scopes that ever committed: readers that span merchants (claimEvents,
 *   eventBacklog, readEvents, leaseDueJobs, the sweep) iterate it. Added to before a scope's first
 *   commit in a process (SADD is idempotent), never inside a script.
 * - `{tok:<token>}:merchant`, `{dlv:<id>}:merchant` — lookups for callers that know only a token
 *   (the widget) or a delivery id (the delivery queue): each names the record's merchant. Written
 *   (SET NX) before the commit that creates the record, so a committed record is always found; a
 *   lookup left by a commit that then failed names a merchant without the record: read as absent.
 */

const scoped = (scope: string): string => `{m:${scope}}`;

export const keys = {
  /** The hash tag of a scope: every key of the scope starts with it. */
  scopeTag: scoped,
  /** JSON of a payment. */
  payment: (m: string, id: string): string => `${scoped(m)}:payment:${id}`,
  /** A payment or operation id → the payment's id. */
  transaction: (m: string, txId: string): string => `${scoped(m)}:tx:${txId}`,
  /** Zset of the merchant's payment ids, scored by createdAt. */
  payments: (m: string): string => `${scoped(m)}:payments`,
  /** Zset of the payment ids of one order ref, scored by createdAt. */
  orderRef: (m: string, orderRef: string): string => `${scoped(m)}:order:${orderRef}`,
  /** JSON of a web session; expires a retention period after the session ended. */
  session: (m: string, token: string): string => `${scoped(m)}:session:${token}`,
  /** A token → its session's merchant (its own slot). */
  sessionMerchant: (token: string): string => `{tok:${token}}:merchant`,
  /** Hash { v: value, e: expiresAt ms or '' }; Redis drops it once expiresAt has passed. */
  claim: (m: string, key: string): string => `${scoped(m)}:claim:${key}`,
  /** Stream of the scope's committed events; entry id `<seq>-0`, field `event` the event's JSON. */
  outbox: (m: string): string => `${scoped(m)}:outbox`,
  /** The last seq given to an event of the scope. */
  outboxSeq: (m: string): string => `${scoped(m)}:outbox:seq`,
  /** Hash event id → seq, for the events still in the stream. */
  eventIds: (m: string): string => `${scoped(m)}:outbox:ids`,
  /** Hash job id → job JSON. */
  jobs: (m: string): string => `${scoped(m)}:jobs`,
  /** Zset job id → when it may be handed out (its `at`, or the end of its lease). */
  jobsReady: (m: string): string => `${scoped(m)}:jobs:ready`,
  /** Hash job id → scheduling order (breaks ties of `at`). */
  jobsOrder: (m: string): string => `${scoped(m)}:jobs:order`,
  jobsSeq: (m: string): string => `${scoped(m)}:jobs:seq`,
  /** JSON of a webhook endpoint. */
  endpoint: (m: string, id: string): string => `${scoped(m)}:endpoint:${id}`,
  /** List of the merchant's endpoint ids, oldest first. */
  endpoints: (m: string): string => `${scoped(m)}:endpoints`,
  /** JSON of a delivery. */
  delivery: (m: string, id: string): string => `${scoped(m)}:delivery:${id}`,
  /** A delivery id → its merchant (its own slot). */
  deliveryMerchant: (id: string): string => `{dlv:${id}}:merchant`,
  /** List of the merchant's delivery ids, oldest first. */
  deliveries: (m: string): string => `${scoped(m)}:deliveries`,
  /** List of the delivery ids of one event, oldest first. */
  eventDeliveries: (m: string, eventId: string): string => `${scoped(m)}:event-deliveries:${eventId}`,
  /** JSON of a StoredRecord (scope = a merchant id or a connector's name). */
  record: (kind: string, scope: string, id: string): string => `${scoped(scope)}:rec:${kind}:${id}`,
  /**
   * Zset of the ids of a kind's records listed under `index` ('' = every record of the kind),
   * scored by creation order. Members of a record whose indexes changed are dropped lazily on read.
   */
  recordList: (kind: string, scope: string, index: string): string => `${scoped(scope)}:recs:${kind}:${index}`,
  /** The last creation order given to a record of the scope. */
  recordSeq: (scope: string): string => `${scoped(scope)}:recs-seq`,
  /** A Payline stop mark: its expiresAt (ms). */
  stop: (m: string, subject: string): string => `${scoped(m)}:stop:${subject}`,
  /** Set of every scope that ever committed. */
  scopes: '{g}:scopes',
  /** Pub/sub channel (not a key) the commit script publishes its scope on: waiting readers wake. */
  outboxChannel: 'guichet:outbox:appended',
};
