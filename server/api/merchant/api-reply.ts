import type { Response } from 'express';
import type { Outcome } from '../../notify/webhook-endpoints.js';

/**
 * How the merchant API (/api/…) answers: JSON, errors as `{ error: { status, message } }` with a
 * message that names the field, like the rest of the gateway's HTTP errors.
 */
export function sendError(res: Response, status: number, message: string): void {
  res.status(status).json({ error: { status, message } });
}

/** An Outcome as HTTP: its value through `view` (with `status`), or its error. */
export function sendOutcome<T>(res: Response, outcome: Outcome<T>, view: (value: T) => unknown, status = 200): void {
  if (outcome.ok) res.status(status).json(view(outcome.value));
  else sendError(res, outcome.status, outcome.message);
}

/** An ISO 8601 query or body time in ms; undefined when absent; an Error naming the field when unreadable. */
export function readTime(value: unknown, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be an ISO 8601 date-time, e.g. 2026-03-02T10:00:00Z`);
  return ms;
}
