import express, { type Router } from 'express';
import type { EventLog } from '../../notify/event-log.js';
import { EVENT_TYPES } from '../../notify/event-types.js';
import { authenticatedMerchant } from '../auth/merchant-auth.js';
import { readTime, sendError, sendOutcome } from './api-reply.js';
import { eventView } from './notify-views.js';

/**
 * `/api/events`: the merchant's events, newest first, each with its deliveries and every attempt
 * (time, status, latency, response excerpt); replay of one event, or of every failed webhook
 * delivery in a time range. `/api/event-types` lists what endpoints can subscribe to.
 */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

export function eventRoutes(events: EventLog): Router {
  const router = express.Router();
  const merchantId = (res: express.Response) => authenticatedMerchant(res).merchantId;

  router.get('/event-types', function listEventTypes(_req, res) {
    res.json({ eventTypes: Object.entries(EVENT_TYPES).map(([type, description]) => ({ type, description })) });
  });

  router.get('/events', async function listEvents(req, res) {
    const q = req.query as Record<string, unknown>;
    let from: number | undefined;
    let to: number | undefined;
    try {
      from = readTime(q.from, 'from');
      to = readTime(q.to, 'to');
    } catch (error) {
      return sendError(res, 400, (error as Error).message);
    }
    const limit = q.limit === undefined ? DEFAULT_LIMIT : Number(q.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return sendError(res, 400, `limit must be a whole number from 1 to ${MAX_LIMIT}`);
    const before = q.before === undefined ? undefined : Number(q.before);
    if (before !== undefined && (!Number.isInteger(before) || before < 1)) return sendError(res, 400, 'before must be the `next` cursor of a previous page');
    const list = await events.list({
      merchantId: merchantId(res),
      limit,
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      ...(typeof q.type === 'string' ? { type: q.type } : {}),
      ...(before !== undefined ? { beforeSeq: before } : {}),
    });
    const last = list.at(-1);
    res.json({ events: list.map(eventView), ...(list.length === limit && last ? { next: last.event.seq } : {}) });
  });

  router.get('/events/:id', async function readEvent(req, res) {
    sendOutcome(res, await events.get(merchantId(res), String(req.params.id)), eventView);
  });

  router.post('/events/:id/replay', async function replayEvent(req, res) {
    sendOutcome(res, await events.replayEvent(merchantId(res), String(req.params.id)), eventView, 202);
  });

  router.post('/events/replay', async function replayFailed(req, res) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    let from: number | undefined;
    let to: number | undefined;
    try {
      from = readTime(body.from, 'from');
      to = readTime(body.to, 'to');
    } catch (error) {
      return sendError(res, 400, (error as Error).message);
    }
    if (from === undefined || to === undefined) return sendError(res, 400, 'from and to are required (ISO 8601)');
    if (from > to) return sendError(res, 400, 'from must not be after to');
    res.status(202).json(await events.replayFailed(merchantId(res), from, to));
  });
  return router;
}
