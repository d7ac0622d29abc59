import { createHmac } from 'node:crypto';
import type { WebhookSecret } from '../store/notify-records.js';

/**
 * Standard Webhooks signing (anchors.md §2.1), pure: HMAC-SHA256 of `id.timestamp.body` with the
 * key inside a `whsec_<base64>` secret, sent as `v1,<base64>`; during a rotation every live
 * secret signs and the header lists the signatures, space-separated.
 */
const PREFIX = 'whsec_';
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;

/** A secret from random bytes (32 of them by default, from the caller). */
export function formatSecret(key: Buffer): string {
  return PREFIX + key.toString('base64');
}

/** Why a merchant-supplied secret is unusable, or undefined. */
export function secretProblem(secret: string): string | undefined {
  if (!secret.startsWith(PREFIX)) return `must start with ${PREFIX}`;
  const encoded = secret.slice(PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return 'must be whsec_ followed by base64';
  const bytes = Buffer.from(encoded, 'base64').length;
  if (bytes < MIN_KEY_BYTES || bytes > MAX_KEY_BYTES) return `must hold ${MIN_KEY_BYTES} to ${MAX_KEY_BYTES} bytes`;
  return undefined;
}

/** One signature, `v1,<base64>`. */
export function sign(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  return 'v1,' + createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
}

/** The secrets that sign at `now`: the current one and those still in their rotation grace. */
export function signingSecrets(secrets: readonly WebhookSecret[], now: number): string[] {
  return secrets.filter((s) => s.expiresAt === undefined || s.expiresAt > now).map((s) => s.secret);
}

/** The three Standard Webhooks headers for one attempt. */
export function webhookHeaders(secrets: readonly string[], id: string, now: number, body: string): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => sign(secret, id, timestamp, body)).join(' '),
  };
}
