import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { CardVault } from '../../../server/crypto/card-vault.js';

const PAN = '4970101234567890';
const key = Buffer.alloc(32, 7);

/** Flips one bit of the sealed bytes at `index` (iv 0–11, tag 12–27, ciphertext after). */
function tamper(sealed: string, index: number): string {
  const bytes = Buffer.from(sealed.slice(3), 'base64url');
  bytes[index] = bytes[index]! ^ 1;
  return `v1.${bytes.toString('base64url')}`;
}

describe('CardVault', () => {
  it('round-trips a PAN, with a fresh IV each time', () => {
    const vault = new CardVault(key);
    const sealed = vault.encryptPan(PAN);
    assert.match(sealed, /^v1\.[A-Za-z0-9_-]+$/);
    assert.equal(Buffer.from(sealed.slice(3), 'base64url').length, 12 + 16 + PAN.length);
    assert.ok(!sealed.includes(PAN));
    assert.equal(vault.decryptPan(sealed), PAN);
    assert.notEqual(vault.encryptPan(PAN), sealed);
  });

  it('detects tampering with the iv, tag or ciphertext, without echoing anything', () => {
    const vault = new CardVault(key);
    const sealed = vault.encryptPan(PAN);
    for (const index of [0, 12, 28, 28 + PAN.length - 1]) {
      const altered = tamper(sealed, index);
      assert.throws(() => vault.decryptPan(altered), (error: Error) => !error.message.includes(altered.slice(3)) && !error.message.includes(PAN));
    }
    for (const bad of ['', 'v1.', 'v2.' + sealed.slice(3), sealed.slice(0, 20), PAN]) {
      assert.throws(() => vault.decryptPan(bad), (error: Error) => !error.message.includes(PAN));
    }
  });

  it('refuses a value sealed under another key', () => {
    const sealed = new CardVault(key).encryptPan(PAN);
    assert.throws(() => new CardVault(Buffer.alloc(32, 8)).decryptPan(sealed), /another key/);
  });

  it('hashes a PAN stably under one key, differently under another', () => {
    const hash = new CardVault(key).hashPan(PAN);
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.equal(new CardVault(Buffer.from(key)).hashPan(PAN), hash);
    assert.notEqual(new CardVault(key).hashPan('4970101234567891'), hash);
    assert.notEqual(new CardVault(randomBytes(32)).hashPan(PAN), hash);
  });

  it('hashes with a derived sub-key, not the data key itself', () => {
    const rawHmac = createHmac('sha256', key).update(PAN).digest('hex');
    assert.notEqual(new CardVault(key).hashPan(PAN), rawHmac);
  });

  it('refuses a data key that is not 32 bytes', () => {
    assert.throws(() => new CardVault(Buffer.alloc(16)), RangeError);
  });
});
