import type { Logger } from '../logging/logger.js';
import type { Store, StoredEvent } from '../store/store.js';

/**
 * The dispatcher: hands each committed event to every channel. Each channel reads the outbox as
 * its own consumer group, in its own loop, so a slow or failing channel never holds up another;
 * a channel acknowledges an event once `deliver` has taken it in hand (for the durable channels:
 * recorded its deliveries). An event whose `deliver` throws is handed out again after its lease.
 * Payment requests never wait for any of this: they return once their commit is done.
 */
export interface Channel {
  /** Also the channel's consumer group in the store. */
  readonly name: string;
  /**
   * Takes the event in hand; should return quickly (attempts go on in the background). The events
   * of one claimed batch are handed over in one synchronous run, so a channel may share the reads
   * they each start then.
   */
  deliver(event: StoredEvent): Promise<void>;
}

export interface OutboxOptions {
  store: Store;
  channels: readonly Channel[];
  logger: Logger;
  /** Events per claim. */
  batch?: number;
  /** An event taken but not acknowledged is handed out again after this (ms). */
  leaseMs?: number;
  /** How long a claim waits for a commit when there is nothing to do (ms). */
  waitMs?: number;
}

export class Outbox {
  readonly #options: Required<OutboxOptions>;
  #abort: AbortController | undefined;
  #loops: Promise<void>[] = [];

  constructor(options: OutboxOptions) {
    this.#options = { batch: 100, leaseMs: 60_000, waitMs: 1000, ...options };
  }

  /** Starts one loop per channel. */
  start(): void {
    if (this.#abort) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.#loops = this.#options.channels.map((channel) => this.#loop(channel, abort.signal));
  }

  /** Stops the loops; what they took and did not acknowledge is handed out again later. */
  async stop(): Promise<void> {
    this.#abort?.abort();
    this.#abort = undefined;
    await Promise.all(this.#loops);
    this.#loops = [];
  }

  /** Events committed and not yet acknowledged, summed over the channels. */
  async backlog(): Promise<number> {
    const backlogs = await Promise.all(this.#options.channels.map((channel) => this.#options.store.eventBacklog(channel.name)));
    return backlogs.reduce((sum, n) => sum + n, 0);
  }

  /** Resolves once every channel has acknowledged every committed event (tests, benchmarks). */
  async drained(timeoutMs = 30_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const left = await this.backlog();
      if (left === 0) return;
      if (performance.now() > deadline) throw new Error(`outbox not drained after ${timeoutMs} ms: ${left} events left`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  async #loop(channel: Channel, signal: AbortSignal): Promise<void> {
    const { store, logger, batch, leaseMs, waitMs } = this.#options;
    const stopped = new Promise<undefined>((resolve) => signal.addEventListener('abort', () => resolve(undefined), { once: true }));
    while (!signal.aborted) {
      try {
        const events = await store.claimEvents(channel.name, { limit: batch, leaseMs, waitMs, signal });
        if (events.length === 0) continue;
        // Stopping does not wait for a channel stuck in `deliver`: unacknowledged, its events come back later.
        const outcomes = await Promise.race([Promise.allSettled(events.map((event) => channel.deliver(event))), stopped]);
        if (!outcomes) return;
        const done = events.filter((event, i) => {
          const outcome = outcomes[i]!;
          if (outcome.status === 'rejected') logger.error({ err: outcome.reason, channel: channel.name, event: event.id }, 'channel failed to take an event; it comes back after its lease');
          return outcome.status === 'fulfilled';
        });
        if (done.length > 0) await store.ackEvents(channel.name, done);
      } catch (error) {
        if (signal.aborted) return;
        logger.error({ err: error, channel: channel.name }, 'outbox read failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }
}
