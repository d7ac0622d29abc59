/**
 * Retry schedules as data, and the pure rule that reads them (STYLE.md "Notify"). `delaysMs[i]`
 * is the wait before attempt i + 1 (the first is immediate); past the last, the delivery gives
 * up. Jitter spreads retries of many deliveries so a receiver coming back is not stampeded.
 */
export interface RetrySchedule {
  readonly name: string;
  /** Wait before each attempt, the first included (0: at once). */
  readonly delaysMs: readonly number[];
  /** ±fraction of each delay drawn at random (0.2: ±20 %). */
  readonly jitter: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Standard Webhooks' schedule (anchors.md §2.1): ten attempts over about 75 hours, ±20 %. */
export const WEBHOOK_SCHEDULE: RetrySchedule = {
  name: 'webhook',
  delaysMs: [0, 5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 14 * HOUR, 20 * HOUR, 24 * HOUR],
  jitter: 0.2,
};

/** Payline's rule (payline-api.md §7.4): every minute for two hours, then give up. */
export const PAYLINE_SCHEDULE: RetrySchedule = {
  name: 'payline-notification',
  delaysMs: [0, ...Array.from({ length: 120 }, () => MINUTE)],
  jitter: 0,
};

/** Emails: a few retries over a day, for an SMTP server that is down or a template that failed. */
export const MAIL_SCHEDULE: RetrySchedule = {
  name: 'mail',
  delaysMs: [0, 1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR, 12 * HOUR],
  jitter: 0.1,
};

/** A receiver's Retry-After is honoured up to this (ms); a longer wish is cut to it. */
export const MAX_RETRY_AFTER_MS = HOUR;

/**
 * When attempt `attempt + 1` should run, `attempt` attempts having failed by `now`; undefined
 * once the schedule is used up. `random` gives [0, 1). A receiver's `retryAfterMs` can push the
 * attempt later (never sooner than the schedule, never more than MAX_RETRY_AFTER_MS away).
 */
export function nextAttempt(schedule: RetrySchedule, attempt: number, now: number, random: () => number, retryAfterMs?: number): number | undefined {
  const base = schedule.delaysMs[attempt];
  if (base === undefined) return undefined;
  const jittered = Math.round(base * (1 + schedule.jitter * (2 * random() - 1)));
  const wish = retryAfterMs === undefined ? 0 : Math.min(Math.max(0, retryAfterMs), MAX_RETRY_AFTER_MS);
  return now + Math.max(jittered, wish);
}

/**
 * A Retry-After header in ms from `now`: delta-seconds or an HTTP date (RFC 9110 §10.2.3);
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * SECOND;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
