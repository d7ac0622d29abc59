import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ManualClock } from '../../../server/core/clock.js';
import { JobRunner, type JobHandler, type JobRunnerOptions } from '../../../server/jobs/job-runner.js';
import { MemoryStore } from '../../../server/store/memory/memory-store.js';
import type { Job } from '../../../server/store/store.js';

const T = Date.UTC(2026, 2, 2, 10, 0, 0);
const LEASE = 60_000;

/** A promise to hold a handler until the test lets it go. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('JobRunner', () => {
  let clock: ManualClock;
  let store: MemoryStore;
  let ran: string[];
  let errors: Array<[string, string]>;
  /** Records the job and finishes it, as real handlers do (doneJobs in their commit). */
  const done: JobHandler = async (job) => {
    ran.push(job.id);
    await store.commit({ doneJobs: [job.id] });
  };
  const job = (id: string, at: number, type = 'work'): Job => ({ id, type, at, merchantId: 'm1', ref: id });
  const schedule = (...jobs: Job[]) => store.commit({ jobs });
  const runner = (handlers: Record<string, JobHandler> = { work: done }, options: Partial<JobRunnerOptions> = {}) =>
    new JobRunner({ store, clock, handlers, leaseMs: LEASE, onError: (j, e) => errors.push([j.id, (e as Error).message]), ...options });

  beforeEach(() => {
    clock = new ManualClock(T);
    store = new MemoryStore({ clock });
    ran = [];
    errors = [];
  });

  it('runs the jobs that are due, once each, oldest first (equal times in scheduling order)', async () => {
    await schedule(job('c', T + 3000), job('a', T + 1000), job('b2', T + 2000), job('b1', T + 2000), job('later', T + 10_000));
    const jobs = runner();
    assert.equal(await jobs.runDue(), 0, 'nothing is due yet');
    clock.advance(3000);
    assert.equal(await jobs.runDue(), 4);
    assert.deepEqual(ran, ['a', 'b2', 'b1', 'c']);
    assert.equal(await jobs.runDue(), 0, 'a finished job does not run again');
    clock.advance(LEASE * 2);
    assert.equal(await jobs.runDue(), 1);
    assert.deepEqual(ran, ['a', 'b2', 'b1', 'c', 'later']);
  });

  it('drains more than one batch, and jobs made due during the round', async () => {
    await schedule(...Array.from({ length: 250 }, (_, i) => job(`j${String(i).padStart(3, '0')}`, T + i)));
    const chain: JobHandler = async (j) => {
      await done(j);
      if (j.id === 'j249') await schedule(job('follow-up', clock.now()));
    };
    clock.advance(1000);
    assert.equal(await runner({ work: chain }).runDue(), 251);
    assert.deepEqual(ran.slice(0, 250), Array.from({ length: 250 }, (_, i) => `j${String(i).padStart(3, '0')}`));
    assert.equal(ran[250], 'follow-up');
  });

  it('a throwing handler is reported; its job runs again once its lease ends, the others run meanwhile', async () => {
    await schedule(job('flaky', T), job('steady', T));
    let calls = 0;
    const flaky: JobHandler = async (j) => {
      if (j.id === 'flaky' && ++calls === 1) throw new Error('acquirer down');
      await done(j);
    };
    const jobs = runner({ work: flaky });
    assert.equal(await jobs.runDue(), 1, 'only the job that succeeded counts');
    assert.deepEqual([ran, errors], [['steady'], [['flaky', 'acquirer down']]]);
    assert.equal(await jobs.runDue(), 0, 'leased: not retried at once');
    clock.advance(LEASE - 1);
    assert.equal(await jobs.runDue(), 0, 'still leased 1 ms before the lease ends');
    clock.advance(1);
    assert.equal(await jobs.runDue(), 1);
    assert.deepEqual([ran, calls], [['steady', 'flaky'], 2]);
    clock.advance(LEASE);
    assert.equal(await jobs.runDue(), 0, 'done for good');
  });

  it('a handler that does not finish its job sees it again after the lease', async () => {
    await schedule(job('forgetful', T));
    let calls = 0;
    const jobs = runner({ work: async () => void calls++ });
    assert.deepEqual([await jobs.runDue(), await jobs.runDue()], [1, 0]);
    clock.advance(LEASE);
    assert.deepEqual([await jobs.runDue(), calls], [1, 2]);
  });

  it('a job without a handler is reported and left for later', async () => {
    await schedule(job('odd', T, 'unknown-type'), job('ok', T));
    assert.equal(await runner().runDue(), 1);
    assert.deepEqual([ran, errors], [['ok'], [['odd', 'no handler for job type unknown-type']]]);
  });

  it('a job that reschedules itself later runs again at its new time', async () => {
    await schedule(job('tick', T));
    const again: JobHandler = async (j) => {
      ran.push(j.id);
      await store.commit({ doneJobs: [j.id], jobs: ran.length < 3 ? [{ ...j, at: clock.now() + 5000 }] : [] });
    };
    const jobs = runner({ work: again });
    assert.equal(await jobs.runDue(), 1);
    clock.advance(4999);
    assert.equal(await jobs.runDue(), 0);
    clock.advance(1);
    assert.equal(await jobs.runDue(), 1);
    clock.advance(5000);
    assert.deepEqual([await jobs.runDue(), ran.length], [1, 3]);
    clock.advance(5000);
    assert.equal(await jobs.runDue(), 0);
  });

  it('runDue is not re-entrant: a call during a round joins it', async () => {
    await schedule(job('slow', T));
    const started = gate();
    const release = gate();
    let calls = 0;
    const jobs = runner({
      work: async (j) => {
        calls++;
        started.open();
        await release.opened;
        await done(j);
      },
    });
    const first = jobs.runDue();
    await started.opened;
    const second = jobs.runDue();
    assert.equal(second, first, 'the same round');
    release.open();
    assert.deepEqual([await first, await second, calls], [1, 1, 1]);
    const third = jobs.runDue();
    assert.notEqual(third, first, 'a new round once the last has ended');
    assert.equal(await third, 0);
  });

  it('start() runs due jobs on its timer; stop() waits for the round in progress, then no more rounds', async () => {
    await schedule(job('timed', T));
    const started = gate();
    const release = gate();
    const jobs = runner({
      work: async (j) => {
        started.open();
        await release.opened;
        await done(j);
      },
    }, { intervalMs: 5 });
    jobs.start();
    jobs.start(); // a second start keeps one timer
    await started.opened;
    let stopped = false;
    const stopping = jobs.stop().then(() => (stopped = true));
    await sleep(30);
    assert.equal(stopped, false, 'stop() waits for the handler');
    release.open();
    await stopping;
    assert.deepEqual(ran, ['timed']);
    await schedule(job('after-stop', T));
    await sleep(30);
    assert.deepEqual(ran, ['timed'], 'no round after stop()');
    await jobs.stop(); // stopping twice is harmless
  });

  it('a round that fails (the store is down) does not crash the process from the timer', async () => {
    let failures = 0;
    const leaseDueJobs = store.leaseDueJobs.bind(store);
    store.leaseDueJobs = async (...args) => {
      if (failures++ < 2) throw new Error('store unavailable');
      return leaseDueJobs(...args);
    };
    await schedule(job('survivor', T));
    const roundErrors: string[] = [];
    const jobs = runner(undefined, { intervalMs: 5, onRoundError: (e) => roundErrors.push((e as Error).message) });
    jobs.start();
    for (let i = 0; i < 100 && ran.length === 0; i++) await sleep(5);
    await jobs.stop();
    assert.deepEqual([ran, roundErrors], [['survivor'], ['store unavailable', 'store unavailable']], 'reported, then the next tick ran the job');
  });

  it('runDue() called directly still rejects when the round fails, and stop() does not', async () => {
    store.leaseDueJobs = async () => {
      throw new Error('store unavailable');
    };
    const jobs = runner();
    const round = jobs.runDue();
    const stopping = jobs.stop();
    await assert.rejects(round, /store unavailable/);
    await stopping;
  });
  it('runUntil: jumps a year in date order, the clock at each job\'s time, running the jobs they schedule in their turn', async () => {
    const DAY = 86_400_000;
    const seen: Array<[string, number]> = [];
    // A monthly chain: each run schedules the next, 30 days on, as a billing due date does.
    const chain: JobHandler = async (j) => {
      seen.push([j.id, clock.now()]);
      const n = Number(j.id.slice(1));
      await store.commit({ doneJobs: [j.id], jobs: n < 12 ? [job(`m${n + 1}`, j.at + 30 * DAY, 'chain')] : [] });
    };
    const other: JobHandler = async (j) => {
      seen.push([j.id, clock.now()]);
      await store.commit({ doneJobs: [j.id] });
    };
    await schedule(job('m1', T + DAY, 'chain'), job('x', T + 45 * DAY, 'other'), job('after', T + 400 * DAY, 'other'));
    const jobs = runner({ chain, other });
    const moves: number[] = [];
    const ran = await jobs.runUntil(T + 365 * DAY, (time) => {
      moves.push(time);
      clock.set(time);
    });
    assert.equal(ran, 13, '12 links of the chain and x');
    assert.deepEqual(
      seen.map(([id]) => id),
      ['m1', 'x', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12'].sort((a, b) => at(a) - at(b)),
    );
    for (const [id, time] of seen) assert.equal(time, at(id), `${id} ran at its own time`);
    assert.equal(clock.now(), T + 365 * DAY, 'the clock ends at the target');
    assert.deepEqual(moves, [...moves].sort((a, b) => a - b), 'the clock only moves forward');
    assert.equal(await jobs.runDue(), 0, 'the job after the target waits');

    function at(id: string): number {
      return id === 'x' ? T + 45 * DAY : T + DAY + (Number(id.slice(1)) - 1) * 30 * DAY;
    }
  });
});
