import type { DeliveryAttempt } from '../store/notify-records.js';
import { parseRetryAfter } from './retry-schedule.js';

/**
 * One HTTP call to a merchant's server (a webhook POST, a Payline notification GET), measured
 * and summed up for the delivery record. Redirects are not followed (a 3xx is a failure, as the
 * Standard Webhooks spec says), the answer is read only up to a few bytes, and a call that takes
 * longer than `timeoutMs` is abandoned.
 */
export interface HttpCall {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** When the call starts, from the injected clock (ms). */
  now: number;
  /** Aborts the call (shutdown). */
  signal?: AbortSignal;
}

export interface HttpOutcome {
  attempt: DeliveryAttempt;
  retryAfterMs?: number;
}

/** How much of an answer is kept in the delivery record. */
export const EXCERPT_CHARS = 256;
const READ_LIMIT_BYTES = 4096;

export async function httpAttempt(call: HttpCall): Promise<HttpOutcome> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
  const latency = (): number => Math.round(performance.now() - started);
  try {
    const response = await fetch(call.url, {
      method: call.method,
      headers: { 'user-agent': 'Guichet-Notifications/1', ...call.headers },
      ...(call.body !== undefined ? { body: call.body } : {}),
      redirect: 'manual',
      signal,
    });
    const excerpt = await readExcerpt(response);
    const ok = response.status >= 200 && response.status < 300;
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), call.now);
    return {
      attempt: { at: call.now, latencyMs: latency(), status: response.status, ok, ...(excerpt ? { responseExcerpt: excerpt } : {}), ...(ok ? {} : { error: `HTTP ${response.status}` }) },
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  } catch (error) {
    const reason = timeout.aborted ? `no answer within ${call.timeoutMs} ms` : describe(error);
    return { attempt: { at: call.now, latencyMs: latency(), ok: false, error: reason } };
  }
}

/** The first bytes of the body as text; the rest is dropped unread. */
async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < READ_LIMIT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_CHARS);
}

/** A network error in a few words: fetch hides the useful part in `cause`. */
function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return String(cause?.code ?? cause?.message ?? (error as Error).message ?? error).slice(0, 200);
}
