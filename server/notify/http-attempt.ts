import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { DeliveryAttempt } from '../store/notify-records.js';
import { parseRetryAfter } from './retry-schedule.js';

/**
 * One HTTP call to a merchant's server (a webhook POST, a Payline notification GET), measured
 * and summed up for the delivery record. Redirects are not followed (a 3xx is a failure, as the
 * Standard Webhooks spec says); only the first bytes of the answer are kept, and an answer longer
 * than a few kilobytes is cut off; a call that takes longer than `timeoutMs` is abandoned.
 * node:http with keep-alive agents: a receiver gets one connection per concurrent delivery.
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
/** An answer longer than this is not read to its end: the connection is dropped. */
const READ_LIMIT_BYTES = 64 * 1024;

const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 64 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }) };

export function httpAttempt(call: HttpCall): Promise<HttpOutcome> {
  const started = performance.now();
  const latency = (): number => Math.round(performance.now() - started);
  const failed = (error: string): HttpOutcome => ({ attempt: { at: call.now, latencyMs: latency(), ok: false, error } });
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(call.url);
    } catch {
      return resolve(failed('invalid URL'));
    }
    const https = url.protocol === 'https:';
    const body = call.body === undefined ? undefined : Buffer.from(call.body);
    const request = (https ? httpsRequest : httpRequest)(url, {
      method: call.method,
      agent: https ? agents.https : agents.http,
      headers: { 'user-agent': 'Guichet-Notifications/1', ...call.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      ...(call.signal ? { signal: call.signal } : {}),
    });
    let settled = false;
    const finish = (outcome: HttpOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      finish(failed(`no answer within ${call.timeoutMs} ms`));
      request.destroy();
    }, call.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => finish(failed(String(error.code ?? error.message).slice(0, 200))));
    request.on('response', (response) => void readAnswer(response).then((excerpt) => finish(answered(call, response, excerpt, latency()))));
    request.end(body);
  });
}

function answered(call: HttpCall, response: IncomingMessage, excerpt: string, latencyMs: number): HttpOutcome {
  const status = response.statusCode ?? 0;
  const ok = status >= 200 && status < 300;
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], call.now);
  return {
    attempt: { at: call.now, latencyMs, status, ok, ...(excerpt ? { responseExcerpt: excerpt } : {}), ...(ok ? {} : { error: `HTTP ${status}` }) },
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

/** The start of the body as text; reading stops (and the connection goes) past READ_LIMIT_BYTES. */
function readAnswer(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_CHARS));
    response.on('data', (chunk: Buffer) => {
      if (size < EXCERPT_CHARS * 4) chunks.push(chunk);
      size += chunk.length;
      if (size > READ_LIMIT_BYTES) {
        response.destroy();
        done();
      }
    });
    response.on('end', done);
    response.on('error', done);
    response.on('close', done);
  });
}
