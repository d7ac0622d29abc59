import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import { randomBytesFromPool } from './random-pool.js';

/*
 * Card data at rest. Two sub-keys are derived from the data key with HKDF-SHA256, one to
 * encrypt the PAN and one to hash it, so neither use can leak into the other. No PAN, CVV
 * or sealed value ever appears in an error thrown from here.
 */

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SALT = Buffer.from('guichet card vault');
/** Bind every sealed value to its purpose and format version. */
const PAN_AAD = Buffer.from('guichet pan v1');

function subKey(dataKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, SALT, `guichet ${purpose} v1`, 32));
}

/** Encrypts, decrypts and hashes PANs with keys derived from one 32-byte data key (see data-key.ts). */
export class CardVault {
  readonly #encryptionKey: Buffer;
  readonly #hashKey: Buffer;

  constructor(dataKey: Buffer) {
    if (dataKey.length !== 32) throw new RangeError('the data key must be 32 bytes');
    this.#encryptionKey = subKey(dataKey, 'pan encryption');
    this.#hashKey = subKey(dataKey, 'pan hash');
  }

  /** AES-256-GCM with a fresh random IV: `v1.<base64url(iv | tag | ciphertext)>`. */
  encryptPan(pan: string): string {
    return this.#seal(pan, PAN_AAD);
  }

  /** The PAN sealed by `encryptPan`; throws if the value was altered or sealed under another key. */
  decryptPan(sealed: string): string {
    return this.#open(sealed, PAN_AAD, 'PAN');
  }

  #seal(value: string, aad: Buffer): string {
    const iv = randomBytesFromPool(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#encryptionKey, iv).setAAD(aad);
    const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
  }

  #open(sealed: string, aad: Buffer, what: string): string {
    const bytes = sealed.startsWith(`${VERSION}.`) ? Buffer.from(sealed.slice(VERSION.length + 1), 'base64url') : undefined;
    if (!bytes || bytes.length < IV_BYTES + TAG_BYTES) throw new Error(`card vault: not a sealed ${what}`);
    const decipher = createDecipheriv('aes-256-gcm', this.#encryptionKey, bytes.subarray(0, IV_BYTES)).setAAD(aad);
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error(`card vault: the sealed ${what} was altered or sealed under another key`);
    }
  }

  /** HMAC-SHA256 of the PAN, hex: the same PAN always gives the same hash under one data key (lookups). */
  hashPan(pan: string): string {
    return createHmac('sha256', this.#hashKey).update(pan, 'utf8').digest('hex');
  }
}
