import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytesFromPool } from '../../../server/crypto/random-pool.js';

describe('random pool', () => {
  it('hands out slices of the asked size that never repeat, across refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const bytes = randomBytesFromPool(12);
      assert.equal(bytes.length, 12);
      seen.add(bytes.toString('hex'));
    }
    assert.equal(seen.size, 2000);
  });

  it('gives copies: a refill does not change bytes already handed out', () => {
    const kept = randomBytesFromPool(16);
    const copy = Buffer.from(kept);
    for (let i = 0; i < 600; i++) randomBytesFromPool(16);
    assert.deepEqual(kept, copy);
  });

  it('serves large sizes directly', () => {
    assert.equal(randomBytesFromPool(5000).length, 5000);
  });
});
