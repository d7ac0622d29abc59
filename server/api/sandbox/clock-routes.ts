import express, { type Router } from 'express';
import type { ManualClock } from '../../core/clock.js';
import type { JobRunner } from '../../jobs/job-runner.js';

/**
 * The sandbox test clock (GUICHET_TEST_CLOCK=1): read it, move it forward, and run every job
 * that falls due (deferred captures, session expiry, billing dates and their retries…), in order,
 * the clock stopping at each job's time on the way, so a merchant's CI can play a year in
 * seconds. Merchant Basic auth is required.
 */
export function clockRoutes(clock: ManualClock, jobs: JobRunner, authenticate: express.RequestHandler): Router {
  const router = express.Router();
  const readJson = express.json({ limit: '1kb', type: () => true });
  const view = () => ({ now: new Date(clock.now()).toISOString(), ms: clock.now() });

  router.get('/sandbox/clock', authenticate, (_req, res) => {
    res.json(view());
  });

  router.post('/sandbox/clock', authenticate, readJson, async function moveClock(req, res) {
    const body = (req.body ?? {}) as { advanceSeconds?: unknown; set?: unknown };
    let target: number;
    try {
      if (body.advanceSeconds !== undefined) {
        if (typeof body.advanceSeconds !== 'number' || !Number.isInteger(body.advanceSeconds) || body.advanceSeconds < 0) {
          throw new RangeError('advanceSeconds must be a whole number of seconds, 0 or more');
        }
        target = clock.now() + body.advanceSeconds * 1000;
      } else if (body.set !== undefined) {
        target = typeof body.set === 'string' ? Date.parse(body.set) : NaN;
        if (Number.isNaN(target)) throw new RangeError('set must be an ISO 8601 date');
        if (target < clock.now()) throw new RangeError('a clock only moves forward');
      } else {
        throw new RangeError('give advanceSeconds or set');
      }
    } catch (error) {
      res.status(400).json({ error: { status: 400, message: (error as Error).message } });
      return;
    }
    // The clock stops at each job's time on the way, so a year of due dates runs in date order.
    const jobsRun = await jobs.runUntil(target, (time) => clock.set(time));
    res.json({ ...view(), jobsRun });
  });
  return router;
}
