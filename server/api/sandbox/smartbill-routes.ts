import express, { type Router } from 'express';
import type { SmartBillUpdates } from '../../service/smartbill-updates.js';
import { authenticatedMerchant } from '../auth/merchant-auth.js';

/**
 * `POST /sandbox/smartbill/updates`: stands for the card-update file American Express sends
 * (seed 001 "Étape 3"), for the merchant who asks (Basic auth). The body is the file's JSON lines
 * (core/smartbill-update-file.ts), any content type; the answer is the report: how many lines
 * were applied or changed nothing, the lines the wallets refused and the lines that could not be
 * read, each by line number.
 */
const BODY_LIMIT = '1mb';

export function smartBillRoutes(options: { authenticate: express.RequestHandler; updates: SmartBillUpdates }): Router {
  const router = express.Router();
  const readText = express.text({ type: () => true, limit: BODY_LIMIT });

  router.post('/sandbox/smartbill/updates', options.authenticate, readText, async function applyUpdates(req, res) {
    const text = typeof req.body === 'string' ? req.body : '';
    if (text.trim() === '') {
      res.status(400).json({ error: { status: 400, message: 'the body must hold the update lines (JSON lines: alias, status EDU|PU|CC, and its field)' } });
      return;
    }
    res.json(await options.updates.applyText(authenticatedMerchant(res), text));
  });
  return router;
}
