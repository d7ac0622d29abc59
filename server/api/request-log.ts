import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logging/logger.js';

/**
 * One log line per request once it is answered: method, path (never the query or body),
 * status, duration, merchant, Payline result code. Card data cannot appear: none of it is read.
 */
export function requestLog(logger: Logger) {
  return function logRequest(req: Request, res: Response, next: NextFunction): void {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const merchant = (res.locals.merchant as { merchantId?: string } | undefined)?.merchantId ?? res.locals.attemptedMerchantId;
      const line = { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10, merchant, code: res.locals.resultCode };
      if (res.statusCode >= 500) logger.error(line, 'request');
      else if (res.statusCode === 401) logger.warn(line, 'authentication failed');
      else logger.info(line, 'request');
    });
    next();
  };
}
