import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived merchant tokens for browsers joining their merchant's socket room, pure: the
 * merchant's server asks `POST /api/socket-tokens` (Basic auth) and hands the token to its
 * dashboard page, which never sees the access key. `<payload>.<HMAC-SHA256>`, base64url.
 */
export const SOCKET_TOKEN_TTL_MS = 5 * 60 * 1000;

interface Claims {
  /** Merchant id. */
  m: string;
  /** Expiry, ms. */
  exp: number;
}

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(`guichet-socket.${payload}`).digest();
}

export function issueSocketToken(key: Buffer, merchantId: string, now: number, ttlMs = SOCKET_TOKEN_TTL_MS): { token: string; expiresAt: number } {
  const expiresAt = now + ttlMs;
  const payload = Buffer.from(JSON.stringify({ m: merchantId, exp: expiresAt } satisfies Claims)).toString('base64url');
  return { token: `${payload}.${mac(key, payload).toString('base64url')}`, expiresAt };
}

/** The merchant id of a valid, unexpired token; undefined for anything else. */
export function verifySocketToken(key: Buffer, token: string, now: number): string | undefined {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = mac(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Claims>;
    return typeof claims.m === 'string' && typeof claims.exp === 'number' && claims.exp > now ? claims.m : undefined;
  } catch {
    return undefined;
  }
}
