import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../../server/core/clock.js';
import { loadEventSubject } from '../../../server/notify/event-subject.js';
import { MemoryStore } from '../../../server/store/memory/memory-store.js';
import type { StoredEvent } from '../../../server/store/store.js';
import { makePayment } from '../store/store-contract.js';

/** A MemoryStore that counts its payment reads. */
class CountingStore extends MemoryStore {
  reads = 0;
  override getPayment(merchantId: string, transactionId: string) {
    this.reads++;
    return super.getPayment(merchantId, transactionId);
  }
}

describe('loadEventSubject', () => {
  it('reads an event’s subject once for all the channels that ask, per store', async () => {
    const clock = new ManualClock(Date.UTC(2026, 2, 2));
    const store = new CountingStore({ clock });
    const payment = makePayment();
    await store.commit({ payments: [{ next: payment, expectedVersion: null }] });
    const event: StoredEvent = { id: 'evt_1', seq: 1, type: 'payment.accepted', merchantId: payment.merchantId, occurredAt: clock.now(), data: { paymentId: payment.id } };

    const [a, b, c] = await Promise.all([loadEventSubject(store, event), loadEventSubject(store, event), loadEventSubject(store, event)]);
    assert.equal(store.reads, 1);
    assert.equal(a.payment?.id, payment.id);
    assert.equal(b, a);
    assert.equal(c, a);

    await loadEventSubject(store, { ...event, id: 'evt_2' });
    assert.equal(store.reads, 2, 'another event is read');
    const other = new CountingStore({ clock });
    assert.deepEqual(await loadEventSubject(other, event), {}, 'another store reads its own records');
    assert.equal(other.reads, 1);
  });
});
