import type { RedisClient } from './redis-connection.js';

/**
 * Wakes waiting claimEvents calls when any client commits events: the commit script publishes on
 * the outbox channel, and this listens on a subscriber connection of its own, opened on first use.
 * (On Cluster, PUBLISH reaches every node, so one subscription anywhere hears every scope.)
 */
export class OutboxWake {
  readonly #redis: RedisClient;
  readonly #channel: string;
  readonly #waiters = new Set<() => void>();
  #subscriber: RedisClient | undefined;
  #subscribed: Promise<void> | undefined;

  constructor(redis: RedisClient, channel: string) {
    this.#redis = redis;
    this.#channel = channel;
  }

  /** Resolves once subscribed; a wait registered after it sees every later commit. */
  ready(): Promise<void> {
    if (!this.#subscribed) {
      const subscriber = (this.#subscriber = this.#redis.duplicate());
      subscriber.on('message', () => this.#wakeAll());
      this.#subscribed = subscriber.subscribe(this.#channel).then(() => undefined);
    }
    return this.#subscribed;
  }

  /** The next commit of events, `ms` passing, `signal` aborting or close, whichever comes first; `cancel` ends it now. */
  next(ms: number, signal: AbortSignal | undefined): { woken: Promise<void>; cancel: () => void } {
    let cancel!: () => void;
    const woken = new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
      cancel = done;
    });
    return { woken, cancel };
  }

  /** Ends every wait and the subscriber connection. */
  async close(): Promise<void> {
    this.#wakeAll();
    await this.#subscriber?.quit();
  }

  #wakeAll(): void {
    for (const wake of [...this.#waiters]) wake();
  }
}
