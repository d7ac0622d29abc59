import { setMaxListeners } from 'node:events';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../logging/logger.js';
import { retryOnConflict } from '../service/commit.js';
import type { Delivery, DeliveryAttempt, DeliveryChannel } from '../store/notify-records.js';
import type { Change, Job, Store } from '../store/store.js';
import { nextAttempt, type RetrySchedule } from './retry-schedule.js';

/**
 * The durable part every channel that retries shares (webhooks, Payline notifications, mail): a
 * delivery record per event and destination, an attempt now, and the next one as a job in the
 * store, so retries survive a restart and run once across processes (the job runner leases
 * them). Attempts run in the background: whoever starts one never waits for a receiver.
 */

/** What one attempt came to. */
export interface AttemptOutcome {
  /** The try, for the record; absent when none was made (the endpoint is disabled, the merchant fetched). */
  attempt?: DeliveryAttempt;
  /** delivered; retry per the schedule; fail (give up, replayable); stop (Payline's stop rule). */
  next: 'delivered' | 'retry' | 'fail' | 'stop';
  reason?: string;
  retryAfterMs?: number;
}

/** A channel's part: its schedule and one attempt. `signal` aborts it at shutdown. */
export interface DeliveryHandler {
  readonly schedule: RetrySchedule;
  attempt(delivery: Delivery, signal: AbortSignal): Promise<AttemptOutcome>;
}

export interface DeliveryQueueOptions {
  store: Store;
  clock: Clock;
  /** [0, 1), for jitter. */
  random: () => number;
  logger: Logger;
  /** Before its first attempt has finished, a delivery is retried by its job this much later (ms), should the process die. */
  guardMs?: number;
  /** Attempts running at once in this process; more wait their turn. */
  maxInFlight?: number;
}

/** The job type the job runner hands to `runJob`. */
export const DELIVERY_JOB = 'notify-delivery';

export class DeliveryQueue {
  readonly #options: Required<DeliveryQueueOptions>;
  readonly #handlers = new Map<DeliveryChannel, DeliveryHandler>();
  readonly #running = new Map<string, Promise<void>>();
  readonly #waiting: string[] = [];
  readonly #shutdown = new AbortController();

  constructor(options: DeliveryQueueOptions) {
    this.#options = { guardMs: 60_000, maxInFlight: 256, ...options };
    // Every running attempt listens to the one shutdown signal.
    setMaxListeners(this.#options.maxInFlight + 16, this.#shutdown.signal);
  }

  /** Registers the channel that attempts deliveries of `channel`. */
  handle(channel: DeliveryChannel, handler: DeliveryHandler): void {
    this.#handlers.set(channel, handler);
  }

  /**
   * Records new deliveries and attempts the pending ones at once (one born failed, such as to a
   * disabled endpoint, is only recorded, for replay). One already recorded (an event handed out
   * again) is left to its own schedule.
   */
  async start(deliveries: readonly Delivery[]): Promise<void> {
    for (const delivery of deliveries) {
      const pending = delivery.status === 'pending';
      const committed = await this.#options.store.commit({
        deliveries: [{ next: delivery, expectedVersion: null }],
        ...(pending ? { jobs: [this.#job(delivery.id, delivery.merchantId, this.#options.clock.now() + this.#options.guardMs)] } : {}),
      });
      if (committed.ok && pending) this.#kick(delivery.id);
    }
  }

  /** Replay: a finished delivery starts a new series of attempts now; a pending one is attempted now. */
  async restart(deliveryId: string): Promise<Delivery | undefined> {
    const { store, clock, guardMs } = this.#options;
    const restarted = await retryOnConflict<Delivery | undefined>(async () => {
      const delivery = await store.getDelivery(deliveryId);
      if (!delivery) return { retry: false, value: undefined };
      const now = clock.now();
      const next: Delivery = { ...delivery, version: delivery.version + 1, status: 'pending', nextAttemptAt: now, updatedAt: now };
      if (delivery.status !== 'pending') next.seriesStart = delivery.attempts.length;
      delete next.failureReason;
      const committed = await store.commit({
        deliveries: [{ next, expectedVersion: delivery.version }],
        jobs: [this.#job(delivery.id, delivery.merchantId, now + guardMs)],
      });
      return committed.ok ? { retry: false, value: next } : { retry: true };
    });
    if (restarted) this.#kick(restarted.id);
    return restarted;
  }

  /** The job runner's handler: the attempt goes on in the background, so other jobs never wait for a receiver. */
  async runJob(job: Job): Promise<void> {
    this.#kick(job.ref);
  }

  /** Resolves once no attempt runs or waits in this process (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.#running.size > 0 || this.#waiting.length > 0) await Promise.allSettled([...this.#running.values()]);
  }

  /** Aborts running attempts (their jobs retry them later) and waits for them to end. */
  async close(): Promise<void> {
    this.#shutdown.abort();
    this.#waiting.length = 0;
    await this.settled();
  }

  #job(deliveryId: string, merchantId: string, at: number): Job {
    return { id: `delivery:${deliveryId}`, type: DELIVERY_JOB, at, merchantId, ref: deliveryId };
  }

  #kick(deliveryId: string): void {
    if (this.#shutdown.signal.aborted || this.#running.has(deliveryId) || this.#waiting.includes(deliveryId)) return;
    if (this.#running.size >= this.#options.maxInFlight) {
      this.#waiting.push(deliveryId);
      return;
    }
    const run = this.#attempt(deliveryId)
      .catch((error: unknown) => this.#options.logger.error({ err: error, delivery: deliveryId }, 'delivery attempt failed to record; its job retries it'))
      .finally(() => {
        this.#running.delete(deliveryId);
        const next = this.#waiting.shift();
        if (next !== undefined) this.#kick(next);
      });
    this.#running.set(deliveryId, run);
  }

  async #attempt(deliveryId: string): Promise<void> {
    const { store, logger } = this.#options;
    const delivery = await store.getDelivery(deliveryId);
    // A delivery is created with its job and never deleted: a missing one has no job to finish.
    if (!delivery) return;
    if (delivery.status !== 'pending') {
      await store.commit({ doneJobs: [{ merchantId: delivery.merchantId, id: `delivery:${deliveryId}` }] });
      return;
    }
    const handler = this.#handlers.get(delivery.request.channel);
    if (!handler) throw new Error(`no handler for ${delivery.request.channel} deliveries`);
    let outcome: AttemptOutcome;
    try {
      outcome = await handler.attempt(delivery, this.#shutdown.signal);
    } catch (error) {
      outcome = { next: 'retry', attempt: { at: this.#options.clock.now(), latencyMs: 0, ok: false, error: String((error as Error).message ?? error).slice(0, 200) } };
    }
    // Shutting down: the attempt was cut short, not failed; its job tries again after the restart.
    if (this.#shutdown.signal.aborted) return;
    const settled = await this.#record(deliveryId, handler.schedule, outcome);
    if (!settled) return;
    const log = { channel: delivery.request.channel, delivery: deliveryId, event: delivery.eventId, status: settled.status, attempt: outcome.attempt };
    if (outcome.attempt?.ok) logger.debug(log, 'delivered');
    else if (settled.status === 'failed') logger.warn({ ...log, reason: settled.failureReason }, 'delivery failed');
    else logger.info({ ...log, nextAttemptAt: settled.nextAttemptAt }, 'delivery attempt');
  }

  /** Appends the attempt and moves the delivery on, in one commit with its next job. */
  #record(deliveryId: string, schedule: RetrySchedule, outcome: AttemptOutcome): Promise<Delivery | undefined> {
    const { store, clock, random } = this.#options;
    const jobId = `delivery:${deliveryId}`;
    return retryOnConflict<Delivery | undefined>(async () => {
      const current = await store.getDelivery(deliveryId);
      if (!current) return { retry: false, value: undefined };
      const now = clock.now();
      const next: Delivery = { ...current, version: current.version + 1, attempts: outcome.attempt ? [...current.attempts, outcome.attempt] : current.attempts, updatedAt: now };
      delete next.nextAttemptAt;
      const change: Change = { deliveries: [{ next, expectedVersion: current.version }], doneJobs: [{ merchantId: current.merchantId, id: jobId }] };
      if (outcome.next === 'delivered') next.status = 'delivered';
      else if (outcome.next === 'stop') next.status = 'stopped';
      else if (outcome.next === 'fail') Object.assign(next, { status: 'failed', failureReason: outcome.reason ?? 'failed' });
      else {
        const made = next.attempts.length - next.seriesStart;
        const at = nextAttempt(schedule, made, now, random, outcome.retryAfterMs);
        if (at === undefined) Object.assign(next, { status: 'failed', failureReason: `gave up after ${made} attempts` });
        else {
          next.nextAttemptAt = at;
          change.jobs = [this.#job(deliveryId, current.merchantId, at)];
        }
      }
      const committed = await store.commit(change);
      return committed.ok ? { retry: false, value: next } : { retry: true };
    });
  }
}
