import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyRecord } from '../../../server/store/memory/copy-record.js';

describe('copyRecord', () => {
  it('copies nested objects and arrays deeply, keeping every value', () => {
    const record = { a: 1, b: 'x', c: null, d: true, e: undefined, f: [1, { g: [2, 3] }], h: { i: { j: 'k' } } };
    const copy = copyRecord(record);
    assert.deepStrictEqual(copy, record);
    assert.notEqual(copy.f, record.f);
    assert.notEqual(copy.f[1], record.f[1]);
    assert.notEqual(copy.h.i, record.h.i);
    (copy.h.i as { j: string }).j = 'changed';
    (copy.f as unknown[]).push(4);
    assert.equal(record.h.i.j, 'k');
    assert.equal(record.f.length, 2);
  });

  it('returns primitives as they are', () => {
    for (const value of [0, 'text', null, undefined, false]) assert.equal(copyRecord(value), value);
  });
});
