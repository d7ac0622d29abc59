import type { NextFunction, Request, Response } from 'express';
import { AuthenticationError, MalformedRequestError, PayloadTooLargeError } from '../errors.js';
import type { Logger } from '../logging/logger.js';

/** The WWW-Authenticate challenge sent with every 401, on both faces. */
export const BASIC_CHALLENGE = 'Basic realm="Guichet", charset="UTF-8"';

/**
 * Maps what stops a request before the core to HTTP: 401 (with the Basic challenge), 400, 413,
 * else 500. The body is `{ error: { status, message } }`; a 500 never shows its cause.
 */
export function httpStatusOf(error: unknown): number {
  if (error instanceof AuthenticationError) return 401;
  if (error instanceof MalformedRequestError) return 400;
  if (error instanceof PayloadTooLargeError) return 413;
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') return 413;
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') return 400;
  const status = (error as { status?: number }).status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}

export function jsonErrorHandler(logger: Logger) {
  return function handleJsonError(error: unknown, req: Request, res: Response, next: NextFunction): void {
    if (res.headersSent) return next(error);
    const status = httpStatusOf(error);
    if (status === 401) res.setHeader('WWW-Authenticate', BASIC_CHALLENGE);
    if (status >= 500) logger.error({ err: error, path: req.path }, 'request failed');
    const message =
      status === 500 ? 'internal error' : status === 413 ? 'request body too large' : status === 400 && !(error instanceof MalformedRequestError) ? 'request body is not valid JSON' : (error as Error).message;
    res.status(status).json({ error: { status, message } });
  };
}
