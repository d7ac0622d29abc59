import express, { type Router } from 'express';
import type { WebhookEndpoints } from '../../notify/webhook-endpoints.js';
import { authenticatedMerchant } from '../auth/merchant-auth.js';
import { sendOutcome } from './api-reply.js';
import { endpointView, secretView } from './notify-views.js';

/**
 * `/api/webhook-endpoints`: a merchant's webhook endpoints and their secrets. The secret is shown
 * when created, when rotated, and by `GET …/secret`; never in lists.
 */
export function webhookEndpointRoutes(endpoints: WebhookEndpoints): Router {
  const router = express.Router();
  const merchantId = (res: express.Response) => authenticatedMerchant(res).merchantId;
  const id = (req: express.Request) => String(req.params.id);

  router.get('/webhook-endpoints', async function listEndpoints(_req, res) {
    res.json({ endpoints: (await endpoints.list(merchantId(res))).map((e) => endpointView(e)) });
  });
  router.post('/webhook-endpoints', async function createEndpoint(req, res) {
    sendOutcome(res, await endpoints.create(merchantId(res), req.body ?? {}), (e) => endpointView(e, true), 201);
  });
  router.get('/webhook-endpoints/:id', async function readEndpoint(req, res) {
    sendOutcome(res, await endpoints.get(merchantId(res), id(req)), (e) => endpointView(e));
  });
  router.patch('/webhook-endpoints/:id', async function changeEndpoint(req, res) {
    sendOutcome(res, await endpoints.update(merchantId(res), id(req), req.body ?? {}), (e) => endpointView(e));
  });
  router.delete('/webhook-endpoints/:id', async function deleteEndpoint(req, res) {
    const outcome = await endpoints.delete(merchantId(res), id(req));
    if (outcome.ok) res.status(204).end();
    else sendOutcome(res, outcome, () => undefined);
  });
  router.get('/webhook-endpoints/:id/secret', async function readSecret(req, res) {
    sendOutcome(res, await endpoints.get(merchantId(res), id(req)), secretView);
  });
  router.post('/webhook-endpoints/:id/secret/rotate', async function rotateSecret(req, res) {
    sendOutcome(res, await endpoints.rotateSecret(merchantId(res), id(req), req.body ?? {}), secretView);
  });
  return router;
}
