/**
 * Time as the core sees it: milliseconds since the epoch, always passed in.
 * main.ts gives the system clock; tests and the sandbox give a clock that is moved by hand.
 */
export interface Clock {
  now(): number;
}

/** The wall clock. Only main.ts (and benchmarks) should create one. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still until told to move: for tests and the sandbox test clock. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: number) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  /** Moves forward by `ms` (never backwards: a negative step is refused). */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('a clock only moves forward');
    this.#now += ms;
    return this.#now;
  }

  /** Jumps to `time` (not before the current time). */
  set(time: number): number {
    if (!Number.isFinite(time) || time < this.#now) throw new RangeError('a clock only moves forward');
    this.#now = time;
    return this.#now;
  }
}
