import { it } from 'node:test';
import assert from 'node:assert/strict';
import type { TestGateway } from './gateway-harness.js';
import { withField } from './requests.js';
import { assertFieldError } from './api-helpers.js';

/**
 * Table-driven bad input: each row changes a valid request (`set`: dotted path → value, or
 * `undefined` to remove the field) and expects a code whose longMessage starts with `path`.
 */
export interface BadInput {
  label: string;
  set: Record<string, unknown>;
  code: string;
  path: string;
}

export function applySet<T extends object>(body: T, set: Record<string, unknown>): T {
  return Object.entries(set).reduce((acc, [path, value]) => withField(acc, path, value), body);
}

/**
 * One `it` per row. With `noTrace`, the rejected request must leave nothing under its order ref
 * (transactionsSearch 02310, getTransactionDetails 02604).
 */
export function badInputRows(gw: () => TestGateway, operation: string, base: () => any, rows: readonly BadInput[], options: { noTrace?: boolean } = {}): void {
  for (const row of rows) {
    it(`${operation}: ${row.label} → ${row.code} naming ${row.path}`, async () => {
      const request = base();
      const answer = await gw().call(operation, applySet(request, row.set));
      assertFieldError(answer, row.code, row.path);
      if (options.noTrace) await assertNoTrace(gw(), request.order.ref);
    });
  }
}

export async function assertNoTrace(gw: TestGateway, orderRef: string): Promise<void> {
  const search = await gw.call('transactionsSearch', { version: '34', startDate: '01/01/2026', endDate: '31/12/2026', orderRef });
  assert.equal(search.result.code, '02310', `nothing should exist for ${orderRef}: ${JSON.stringify(search)}`);
  const details = await gw.call('getTransactionDetails', { version: '34', orderRef });
  assert.equal(details.result.code, '02604');
}

/** A string of `n` characters. */
export const chars = (n: number): string => 'x'.repeat(n);
