import express, { type Router } from 'express';
import type { ManualClock } from '../../core/clock.js';
import type { JobRunner } from '../../jobs/job-runner.js';

/**
 * The sandbox test clock (GUICHET_TEST_CLOCK=1): read it, move it forward, and run every job
 * that falls due (deferred captures, session expiry…), so a merchant's CI can play days in
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
    try {
      if (body.advanceSeconds !== undefined) {
        if (typeof body.advanceSeconds !== 'number' || !Number.isInteger(body.advanceSeconds) || body.advanceSeconds < 0) {
          throw new RangeError('advanceSeconds must be a whole number of seconds, 0 or more');
        }
        clock.advance(body.advanceSeconds * 1000);
      } else if (body.set !== undefined) {
        const at = typeof body.set === 'string' ? Date.parse(body.set) : NaN;
        if (Number.isNaN(at)) throw new RangeError('set must be an ISO 8601 date');
        clock.set(at);
      } else {
        throw new RangeError('give advanceSeconds or set');
      }
    } catch (error) {
      res.status(400).json({ error: { status: 400, message: (error as Error).message } });
      return;
    }
    const jobsRun = await jobs.runDue();
    res.json({ ...view(), jobsRun });
  });
  return router;
}
