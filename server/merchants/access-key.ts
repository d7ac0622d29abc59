import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * Access keys are stored as scrypt hashes. Verifying scrypt on every call would cost more than
 * the payment itself, so a successful check is remembered by the SHA-256 of the presented key:
 * the clear key is never kept, and a wrong key always goes through scrypt.
 */
const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 32;

/** Hashes an access key for the merchants file: `scrypt$<salt hex>$<hash hex>`. */
export async function hashAccessKey(accessKey: string, salt: Buffer = randomBytes(16)): Promise<string> {
  const hash = await scryptAsync(accessKey, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}

/** Checks a key against a stored hash in constant time. A malformed stored hash never matches. */
export async function verifyAccessKey(accessKey: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex || hashHex.length !== KEY_LENGTH * 2) return false;
  const actual = await scryptAsync(accessKey, Buffer.from(saltHex, 'hex'), KEY_LENGTH);
  return timingSafeEqual(actual, Buffer.from(hashHex, 'hex'));
}

/** Remembers successful verifications, keyed by merchant and a digest of the key. */
export class AccessKeyVerifier {
  readonly #verified = new Set<string>();
  readonly #maxEntries: number;

  constructor(maxEntries = 10_000) {
    this.#maxEntries = maxEntries;
  }

  async verify(merchantId: string, accessKey: string, stored: string): Promise<boolean> {
    const memo = `${merchantId}\0${stored}\0${createHash('sha256').update(accessKey).digest('hex')}`;
    if (this.#verified.has(memo)) return true;
    const ok = await verifyAccessKey(accessKey, stored);
    if (ok) {
      if (this.#verified.size >= this.#maxEntries) this.#verified.clear();
      this.#verified.add(memo);
    }
    return ok;
  }
}
