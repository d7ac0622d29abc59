import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ManualClock } from '../../../server/core/clock.js';
import type { Store, StoredRecord } from '../../../server/store/store.js';

/* The contract of records by kind (Change.records, getRecord, listRecords), run by store-contract.ts. */

function record(id: string, overrides: Partial<StoredRecord> = {}): StoredRecord {
  return { kind: 'wallet', scope: 'M1', id, version: 1, data: { owner: id }, ...overrides };
}

type Setup = (t: { after(fn: () => Promise<void>): void }) => Promise<{ store: Store; clock: ManualClock }>;

export function runRecordsContract(setup: Setup): void {
  describe('records by kind', () => {
    it('creates, reads and updates a record with optimistic versions', async (t) => {
      const { store } = await setup(t);
      const w1 = record('W1', { indexes: ['customer:C1'] });
      assert.deepEqual(await store.commit({ records: [{ next: w1, expectedVersion: null }] }), { ok: true });
      assert.deepEqual(await store.getRecord('wallet', 'M1', 'W1'), w1);
      assert.equal(await store.getRecord('wallet', 'M2', 'W1'), undefined, 'scoped');
      assert.equal(await store.getRecord('card', 'M1', 'W1'), undefined, 'by kind');

      const again = await store.commit({ records: [{ next: record('W1'), expectedVersion: null }] });
      assert.deepEqual(again, { ok: false, conflict: 'version', key: 'wallet:W1' });
      const stale = await store.commit({ records: [{ next: { ...w1, version: 3 }, expectedVersion: 2 }] });
      assert.deepEqual(stale, { ok: false, conflict: 'version', key: 'wallet:W1' });

      const v2 = { ...w1, version: 2, data: { owner: 'changed' } };
      assert.deepEqual(await store.commit({ records: [{ next: v2, expectedVersion: 1 }] }), { ok: true });
      assert.deepEqual(await store.getRecord('wallet', 'M1', 'W1'), v2);
    });

    it('writes nothing of a change whose record check fails', async (t) => {
      const { store } = await setup(t);
      await store.commit({ records: [{ next: record('W1'), expectedVersion: null }] });
      const outcome = await store.commit({
        records: [
          { next: record('W2'), expectedVersion: null },
          { next: record('W1', { version: 2 }), expectedVersion: 7 },
        ],
        events: [{ id: 'E1', type: 'wallet.created', merchantId: 'M1', occurredAt: 0, data: {} }],
      });
      assert.equal(outcome.ok, false);
      assert.equal(await store.getRecord('wallet', 'M1', 'W2'), undefined);
      assert.deepEqual(await store.readEvents(0, 10), []);
    });

    it('lists records oldest first, by index, and follows index changes', async (t) => {
      const { store } = await setup(t);
      for (const id of ['B', 'A', 'C']) {
        await store.commit({ records: [{ next: record(id, { indexes: id === 'C' ? ['due:1'] : ['due:1', 'open'] }), expectedVersion: null }] });
      }
      await store.commit({ records: [{ next: record('X', { scope: 'M2', indexes: ['due:1'] }), expectedVersion: null }] });
      const ids = (records: StoredRecord[]): string[] => records.map((r) => r.id);

      assert.deepEqual(ids(await store.listRecords({ kind: 'wallet', scope: 'M1' })), ['B', 'A', 'C']);
      assert.deepEqual(ids(await store.listRecords({ kind: 'wallet', scope: 'M1', index: 'due:1' })), ['B', 'A', 'C']);
      assert.deepEqual(ids(await store.listRecords({ kind: 'wallet', scope: 'M1', index: 'open' })), ['B', 'A']);
      assert.deepEqual(ids(await store.listRecords({ kind: 'wallet', scope: 'M1', limit: 2 })), ['B', 'A']);
      assert.deepEqual(ids(await store.listRecords({ kind: 'wallet', scope: 'M2', index: 'due:1' })), ['X']);

      // B leaves 'open' and joins 'closed'; A is updated without leaving: it keeps its place.
      await store.commit({
        records: [
          { next: record('B', { version: 2, indexes: ['closed'] }), expectedVersion: 1 },
          { next: record('A', { version: 2, indexes: ['due:1', 'open'] }), expectedVersion: 1 },
        ],
      });
      assert.deepEqual(ids(await store.listRecords({ kind: 'wallet', scope: 'M1', index: 'open' })), ['A']);
      assert.deepEqual(ids(await store.listRecords({ kind: 'wallet', scope: 'M1', index: 'closed' })), ['B']);
      assert.deepEqual(ids(await store.listRecords({ kind: 'wallet', scope: 'M1', index: 'due:1', limit: 1 })), ['A']);
      assert.deepEqual(ids(await store.listRecords({ kind: 'wallet', scope: 'M1' })), ['B', 'A', 'C']);
    });

    it('deletes a record only at its expected version', async (t) => {
      const { store } = await setup(t);
      await store.commit({ records: [{ next: record('W1', { indexes: ['open'] }), expectedVersion: null }] });
      const stale = await store.commit({ deleteRecords: [{ kind: 'wallet', scope: 'M1', id: 'W1', expectedVersion: 2 }] });
      assert.deepEqual(stale, { ok: false, conflict: 'version', key: 'wallet:W1' });
      assert.deepEqual(await store.commit({ deleteRecords: [{ kind: 'wallet', scope: 'M1', id: 'W1', expectedVersion: 1 }] }), { ok: true });
      assert.equal(await store.getRecord('wallet', 'M1', 'W1'), undefined);
      assert.deepEqual(await store.listRecords({ kind: 'wallet', scope: 'M1' }), []);
      assert.deepEqual(await store.listRecords({ kind: 'wallet', scope: 'M1', index: 'open' }), []);
      // Created again, it is a new record.
      assert.deepEqual(await store.commit({ records: [{ next: record('W1'), expectedVersion: null }] }), { ok: true });
    });

    it('lets exactly one of many concurrent writers of one version win', async (t) => {
      const { store } = await setup(t);
      await store.commit({ records: [{ next: record('G1', { kind: 'gift-card', data: { balance: 100 } }), expectedVersion: null }] });
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.commit({ records: [{ next: record('G1', { kind: 'gift-card', version: 2, data: { balance: i } }), expectedVersion: 1 }] }),
        ),
      );
      assert.equal(outcomes.filter((o) => o.ok).length, 1);
    });

    it('hands out copies: changing a read record changes nothing stored', async (t) => {
      const { store } = await setup(t);
      await store.commit({ records: [{ next: record('W1', { data: { cards: [1] } }), expectedVersion: null }] });
      const read = await store.getRecord('wallet', 'M1', 'W1');
      (read!.data['cards'] as number[]).push(2);
      const [listed] = await store.listRecords({ kind: 'wallet', scope: 'M1' });
      (listed!.data['cards'] as number[]).push(3);
      assert.deepEqual((await store.getRecord('wallet', 'M1', 'W1'))?.data, { cards: [1] });
    });
  });
}
