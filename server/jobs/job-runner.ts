import type { Clock } from '../core/clock.js';
import type { Job, Store } from '../store/store.js';

/**
 * Runs scheduled work when it falls due: deferred captures, session expiry, and later retries
 * and recurring billing. Jobs live in the store, so they survive restarts; a job is leased while
 * it runs, and its handler marks it done in the same commit as its effect (store `doneJobs`).
 * A handler that throws leaves the job to run again when its lease ends.
 */
export type JobHandler = (job: Job) => Promise<void>;

export interface JobRunnerOptions {
  store: Store;
  clock: Clock;
  handlers: Record<string, JobHandler>;
  /** How often the wall-clock timer looks for due jobs (ms). */
  intervalMs?: number;
  /** How long a leased job is hidden from other runners (ms). */
  leaseMs?: number;
  onError?: (job: Job, error: unknown) => void;
  /** A round started by the timer failed before any handler (the store is unreachable): the next tick tries again. */
  onRoundError?: (error: unknown) => void;
}

export class JobRunner {
  readonly #options: Required<Omit<JobRunnerOptions, 'onError' | 'onRoundError'>> & Pick<JobRunnerOptions, 'onError' | 'onRoundError'>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;

  constructor(options: JobRunnerOptions) {
    this.#options = { intervalMs: 1000, leaseMs: 60_000, ...options };
  }

  /** Starts the timer (main.ts); tests call runDue() after moving their clock instead. */
  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      // A round in progress is left to whoever started it. A failed round must not become an
      // unhandled rejection: that would stop the process.
      if (!this.#running) this.runDue().catch((error: unknown) => this.#options.onRoundError?.(error));
    }, this.#options.intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and waits for the round in progress (whose failure its caller has already seen). */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => undefined);
  }

  /** Runs every job due now, in order, until none is left; returns how many ran. One round at a time. */
  runDue(): Promise<number> {
    return this.#running ?? this.#track(this.#drain());
  }

  /**
   * The test clock's jump: runs every job due up to `target` one at a time, oldest first, with
   * the clock moved (by `moveTo`) to each job's time before it runs, so that a job sees its own
   * time and the jobs it schedules on the way (the next due date, a retry) run in their turn.
   * Ends with the clock at `target`; returns how many ran.
   */
  runUntil(target: number, moveTo: (time: number) => void): Promise<number> {
    const previous = this.#running ?? Promise.resolve(0);
    return this.#track(previous.catch(() => 0).then(() => this.#stepTo(target, moveTo)));
  }

  /** Makes `run` the round in progress until it settles (a later round may replace it meanwhile). */
  #track(run: Promise<number>): Promise<number> {
    const tracked: Promise<number> = run.finally(() => {
      if (this.#running === tracked) this.#running = undefined;
    });
    this.#running = tracked;
    return tracked;
  }

  async #stepTo(target: number, moveTo: (time: number) => void): Promise<number> {
    const { store, clock, leaseMs } = this.#options;
    let ran = 0;
    for (;;) {
      const [job] = await store.leaseDueJobs(target, 1, leaseMs);
      if (!job) break;
      if (job.at > clock.now()) moveTo(job.at);
      if (await this.#runOne(job)) ran++;
    }
    if (target > clock.now()) moveTo(target);
    return ran + (await this.#drain());
  }

  async #drain(): Promise<number> {
    const { store, clock, leaseMs } = this.#options;
    let ran = 0;
    for (;;) {
      const jobs = await store.leaseDueJobs(clock.now(), 100, leaseMs);
      if (jobs.length === 0) return ran;
      for (const job of jobs) if (await this.#runOne(job)) ran++;
    }
  }

  /** Runs one leased job; a failure is reported and leaves it to run again when its lease ends. */
  async #runOne(job: Job): Promise<boolean> {
    const { handlers, onError } = this.#options;
    const handler = handlers[job.type];
    try {
      if (!handler) throw new Error(`no handler for job type ${job.type}`);
      await handler(job);
      return true;
    } catch (error) {
      onError?.(job, error);
      return false;
    }
  }
}
