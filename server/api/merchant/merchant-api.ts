import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Clock } from '../../core/clock.js';
import type { NotifyHub } from '../../notify/notify-hub.js';
import { issueSocketToken } from '../../notify/socket-token.js';
import { authenticatedMerchant } from '../auth/merchant-auth.js';
import { sendError } from './api-reply.js';
import { eventRoutes } from './event-routes.js';
import { webhookEndpointRoutes } from './webhook-endpoint-routes.js';

/**
 * The merchant API under `/api/` (JSON, the merchant's Basic auth): webhook endpoints and
 * secrets, events with their deliveries and replays, and the short-lived tokens a merchant's
 * browser pages use to join the merchant's socket room.
 */
export interface MerchantApiOptions {
  authenticate: express.RequestHandler;
  notify: NotifyHub;
  clock: Clock;
}

export function merchantApi(options: MerchantApiOptions): Router {
  const { notify, clock } = options;
  const router = express.Router();
  router.use('/api', options.authenticate, express.json({ limit: '16kb', type: () => true }));
  router.use('/api', webhookEndpointRoutes(notify.endpoints), eventRoutes(notify.events));

  router.post('/api/socket-tokens', function issueToken(_req, res) {
    const { token, expiresAt } = issueSocketToken(notify.socketTokenKey, authenticatedMerchant(res).merchantId, clock.now());
    res.status(201).json({ token, expiresAt: new Date(expiresAt).toISOString() });
  });

  router.use('/api', function unknownRoute(_req, res) {
    sendError(res, 404, 'not found');
  });
  router.use('/api', function apiError(error: unknown, _req: Request, res: Response, next: NextFunction) {
    const type = (error as { type?: string }).type;
    if (type === 'entity.parse.failed') return sendError(res, 400, 'request body is not valid JSON');
    if (type === 'entity.too.large') return sendError(res, 413, 'request body too large');
    next(error);
  });
  return router;
}
