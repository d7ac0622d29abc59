import type { WebSession } from '../core/web-session-types.js';
import type { Job } from '../store/store.js';

/** The job that ends a web session (payment or wallet) at its expiry; its id is the token's. */
export const SESSION_EXPIRY_JOB = 'session-expiry';

export function sessionExpiryJob(session: WebSession, at: number): Job {
  return { id: `${SESSION_EXPIRY_JOB}:${session.token}`, type: SESSION_EXPIRY_JOB, at, merchantId: session.merchantId, ref: session.token };
}
