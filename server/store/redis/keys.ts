/**
 * Every Redis key of the RedisStore. A merchant's records share the hash tag `{m:<merchantId>}`,
 * so they live in one Cluster slot; what is found without a merchant (sessions and deliveries by
 * id, claims, the outbox, jobs) lives under the global tag `{g}`.
 */

const merchant = (merchantId: string): string => `{m:${merchantId}}`;
const GLOBAL = '{g}';

export const keys = {
  /** JSON of a payment. */
  payment: (m: string, id: string): string => `${merchant(m)}:payment:${id}`,
  /** A payment or operation id → the payment's id. */
  transaction: (m: string, txId: string): string => `${merchant(m)}:tx:${txId}`,
  /** Zset of the merchant's payment ids, scored by createdAt. */
  payments: (m: string): string => `${merchant(m)}:payments`,
  /** Zset of the payment ids of one order ref, scored by createdAt. */
  orderRef: (m: string, orderRef: string): string => `${merchant(m)}:order:${orderRef}`,
  /** JSON of a web session. */
  session: (m: string, token: string): string => `${merchant(m)}:session:${token}`,
  /** A token → its session's merchant (the widget knows only the token). */
  sessionIndex: (token: string): string => `${GLOBAL}:session:${token}`,
  /** Hash { v: value, e: expiresAt ms or '' }. */
  claim: (key: string): string => `${GLOBAL}:claim:${key}`,
  /** Stream of committed events; entry id `<seq>-0`, field `event` the event's JSON. */
  outbox: `${GLOBAL}:outbox`,
  /** Pub/sub channel (not a key) the commit script publishes the last seq on: waiting readers wake. */
  outboxChannel: `${GLOBAL}:outbox:appended`,
  /** The last seq given to an event. */
  outboxSeq: `${GLOBAL}:outbox:seq`,
  /** Hash event id → seq. */
  eventIds: `${GLOBAL}:outbox:ids`,
  /** Zset of the stream ids a consumer group holds, scored by the end of their lease (ms). */
  eventLeases: (group: string): string => `${GLOBAL}:outbox:leases:${group}`,
  /** Zset of the merchant's event seqs (score = member = seq). */
  merchantEvents: (m: string): string => `${merchant(m)}:events`,
  /** Hash job id → job JSON. */
  jobs: `${GLOBAL}:jobs`,
  /** Zset job id → when it may be handed out (its `at`, or the end of its lease). */
  jobsReady: `${GLOBAL}:jobs:ready`,
  /** Hash job id → scheduling order (breaks ties of `at`). */
  jobsOrder: `${GLOBAL}:jobs:order`,
  jobsSeq: `${GLOBAL}:jobs:seq`,
  /** JSON of a webhook endpoint. */
  endpoint: (m: string, id: string): string => `${merchant(m)}:endpoint:${id}`,
  /** List of the merchant's endpoint ids, oldest first. */
  endpoints: (m: string): string => `${merchant(m)}:endpoints`,
  /** JSON of a delivery. */
  delivery: (m: string, id: string): string => `${merchant(m)}:delivery:${id}`,
  /** A delivery id → its merchant. */
  deliveryIndex: (id: string): string => `${GLOBAL}:delivery:${id}`,
  /** List of the merchant's delivery ids, oldest first. */
  deliveries: (m: string): string => `${merchant(m)}:deliveries`,
  /** List of the delivery ids of one event, oldest first. */
  eventDeliveries: (m: string, eventId: string): string => `${merchant(m)}:event-deliveries:${eventId}`,
  /** JSON of a StoredRecord (scope = a merchant id or a connector's name). */
  record: (kind: string, scope: string, id: string): string => `${merchant(scope)}:rec:${kind}:${id}`,
  /**
   * Zset of the ids of a kind's records listed under `index` ('' = every record of the kind),
   * scored by creation order. Members of a record whose indexes changed are dropped lazily on read.
   */
  recordList: (kind: string, scope: string, index: string): string => `${merchant(scope)}:recs:${kind}:${index}`,
  /** The last creation order given to a record of the scope. */
  recordSeq: (scope: string): string => `${merchant(scope)}:recs-seq`,
  /** A Payline stop mark: its expiresAt (ms). */
  stop: (m: string, subject: string): string => `${merchant(m)}:stop:${subject}`,
};
