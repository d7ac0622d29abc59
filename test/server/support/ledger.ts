import assert from 'node:assert/strict';
import type { TestGateway } from './gateway-harness.js';
import { VERSION } from './requests.js';

/**
 * A payment's ledger as a merchant reads it: getTransactionDetails' associatedTransactionsList,
 * summed by kind, and the checks of the state machine's limits over it.
 */
export interface AssociatedTransaction {
  transactionId: string;
  type: string;
  amount: number;
  status: string;
}

export interface Ledger {
  list: AssociatedTransaction[];
  authorized: number;
  /** Accepted capture-like transactions (the 101 authorization, captures, a debit); those a reset voided are CANCELLED and not counted. */
  captured: number;
  refunded: number;
  reset: boolean;
  /** statusHistoryList's status (AUTHORIZED, RESET, EXPIRED…). */
  status: string;
}

const CAPTURE_LIKE = ['AUTHORIZATION_CAPTURE', 'CAPTURE', 'DEBIT'];

export async function readLedger(gw: Pick<TestGateway, 'call'>, transactionId: string): Promise<Ledger> {
  const details = await gw.call('getTransactionDetails', { version: VERSION, transactionId });
  assert.equal(details.result.code, '00000', `getTransactionDetails ${transactionId}: ${details.result.code}`);
  const list: AssociatedTransaction[] = details.associatedTransactionsList.associatedTransactions;
  const accepted = list.filter((t) => t.status === 'ACCEPTED');
  const total = (types: string[]) => accepted.filter((t) => types.includes(t.type)).reduce((sum, t) => sum + t.amount, 0);
  const first = list[0]!;
  return {
    list,
    authorized: ['AUTHORIZATION', 'AUTHORIZATION_CAPTURE', 'DEBIT'].includes(first.type) && first.status === 'ACCEPTED' ? first.amount : 0,
    captured: total(CAPTURE_LIKE),
    refunded: total(['REFUND']),
    reset: accepted.some((t) => t.type === 'RESET'),
    status: details.statusHistoryList.statusHistory[0].status,
  };
}

/** Counts of each value: codes of responses, types of transactions. */
export function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/**
 * The state machine's limits, read from the ledger: captured ≤ authorized, refunded ≤ captured;
 * a reset comes after no refund and is followed by nothing (it voided the captures before it).
 */
export function assertLedgerHolds(ledger: Ledger): void {
  const { list, authorized, captured, refunded } = ledger;
  assert.ok(captured <= authorized, `captured ${captured} ≤ authorized ${authorized}`);
  assert.ok(refunded <= captured, `refunded ${refunded} ≤ captured ${captured}`);
  const resets = list.map((t, i) => (t.type === 'RESET' ? i : -1)).filter((i) => i >= 0);
  assert.ok(resets.length <= 1, 'at most one reset');
  if (resets.length === 1) {
    const at = resets[0]!;
    assert.equal(at, list.length - 1, 'nothing follows a reset');
    assert.ok(!list.slice(0, at).some((t) => t.type === 'REFUND'), 'no reset after a refund');
    assert.equal(ledger.status, 'RESET');
  }
}

/** Fisher–Yates with Math.random: the order requests are sent in. */
export function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
