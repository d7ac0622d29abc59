import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Merchant } from '../../merchants/merchant.js';
import { authenticatedMerchant } from '../auth/merchant-auth.js';
import { runOperation, type OperationContext, type OperationDef } from '../operation.js';

/**
 * The JSON face: `POST /v4/{operation}` with Payline's field names. Unknown operation 404,
 * bad credentials 401, body over the limit 413, invalid JSON 400; everything else is a Payline
 * answer with `result`.
 */
export interface JsonFaceOptions {
  operations: ReadonlyMap<string, OperationDef>;
  authenticate: express.RequestHandler;
  contextFor: (merchant: Merchant) => OperationContext;
  bodyLimit: string;
}

export function jsonFace(options: JsonFaceOptions): Router {
  const router = express.Router();
  // Any content type is read as JSON: SOAP-era clients are not careful with headers.
  const readJson = express.json({ limit: options.bodyLimit, strict: true, type: () => true });

  router.post(
    '/v4/:operation',
    function knownOperation(req: Request, res: Response, next: NextFunction) {
      if (!options.operations.has(String(req.params.operation))) {
        res.status(404).json({ error: { status: 404, message: `unknown operation ${String(req.params.operation).slice(0, 60)}` } });
        return;
      }
      next();
    },
    options.authenticate,
    readJson,
    async function handleOperation(req: Request, res: Response) {
      const operation = options.operations.get(String(req.params.operation))!;
      const answer = await runOperation(operation, options.contextFor(authenticatedMerchant(res)), req.body);
      res.locals.resultCode = (answer.result as { code?: string } | undefined)?.code;
      res.json(answer);
    },
  );
  return router;
}
