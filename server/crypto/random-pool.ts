import { randomFillSync } from 'node:crypto';

/**
 * Random bytes from the system CSPRNG, drawn 4 KiB at a time: ids and IVs need a few bytes per
 * payment, and one call into OpenSSL per few bytes showed up in the benchmark's profile.
 * Every slice is handed out once and copied, so no two callers share bytes.
 */
const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

export function randomBytesFromPool(size: number): Buffer {
  if (size > POOL_SIZE / 4) return randomFillSync(Buffer.alloc(size));
  if (offset + size > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + size));
  offset += size;
  return bytes;
}
