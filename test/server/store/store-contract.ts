import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../server/core/clock.js';
import type { Operation, Payment } from '../../../server/core/payment.js';
import type { WebSession } from '../../../server/core/web-session-types.js';
import type { Change, Job, OutboxEvent, Store } from '../../../server/store/store.js';
import { runNotifyContract } from './notify-contract.js';
import { runRecordsContract } from './records-contract.js';

/*
 * The semantics every Store backend must have, whatever holds the data. memory.test.ts and
 * redis.test.ts run it; backend-only cases go in their own files.
 */

const T0 = Date.UTC(2025, 0, 15, 10, 0, 0);
const MERCHANT = 'M1';

/** A fresh, valid payment; pass what the test cares about. */
export function makePayment(overrides: Partial<Payment> = {}): Payment {
  const id = overrides.id ?? 'TX1';
  return {
    id,
    merchantId: MERCHANT,
    contractNumber: 'CB-1',
    version: 1,
    kind: 'AUTHORIZATION',
    status: 'AUTHORIZED',
    action: 100,
    mode: 'CPT',
    currency: 978,
    amount: 1000,
    authorizedAmount: 1000,
    capturedAmount: 0,
    refundedAmount: 0,
    resultCode: '00000',
    authorizationNumber: 'A1',
    createdAt: T0,
    orderRef: 'ORDER-1',
    card: {
      maskedNumber: '497010XXXXXX0014',
      type: 'CB',
      expirationDate: '1230',
      panHash: 'ab'.repeat(32),
      panCipher: 'v1.sealed',
    },
    isDuplicated: false,
    isPossibleFraud: false,
    threeDSecure: 'N',
    operations: [{ id, type: 'AUTHORIZATION', amount: 1000, date: T0, resultCode: '00000' }],
    order: { ref: overrides.orderRef ?? 'ORDER-1', amount: 1000, currency: 978 },
    ...overrides,
  };
}

/** A fresh, waiting web session. */
export function makeSession(overrides: Partial<WebSession> = {}): WebSession {
  return {
    token: 'TOKEN-1',
    merchantId: MERCHANT,
    version: 1,
    status: 'WAITING',
    createdAt: T0,
    expiresAt: T0 + 15 * 60_000,
    attempts: 0,
    maxAttempts: 3,
    paymentIds: [],
    payment: { amount: 1000, currency: 978, action: 101, mode: 'CPT', contractNumber: 'CB-1' },
    orderRef: 'ORDER-1',
    order: { ref: 'ORDER-1', amount: 1000, currency: 978 },
    selectedContracts: ['CB-1'],
    returnURL: 'https://shop.example/return',
    cancelURL: 'https://shop.example/cancel',
    ...overrides,
  };
}

function makeEvent(id: string): OutboxEvent {
  return { id, type: 'payment.accepted', merchantId: MERCHANT, occurredAt: T0, data: { paymentId: id } };
}

function makeJob(id: string, at: number): Job {
  return { id, type: 'session.expire', at, merchantId: MERCHANT, ref: id };
}

/** The payment's next version with one more operation, as the service would commit it. */
function withCapture(payment: Payment, captureId: string): Payment {
  const capture: Operation = { id: captureId, type: 'CAPTURE', amount: payment.amount, date: T0 + 1, resultCode: '00000' };
  return { ...payment, version: payment.version + 1, capturedAmount: payment.amount, operations: [...payment.operations, capture] };
}

const createPayment = (payment: Payment): Change => ({ payments: [{ next: payment, expectedVersion: null }] });

/** Registers the contract's tests for one backend; `create` gives a new, empty store on each call. */
export function runStoreContract(name: string, create: (clock: ManualClock) => Promise<Store> | Store): void {
  describe(`Store contract: ${name}`, () => {
    /** A new empty store and its clock; the store is closed when the test ends. */
    async function setup(t: { after(fn: () => Promise<void>): void }): Promise<{ store: Store; clock: ManualClock }> {
      const clock = new ManualClock(T0);
      const store = await create(clock);
      t.after(() => store.close());
      return { store, clock };
    }

    describe('payments', () => {
      it('reads a created payment by its id and by any operation id, within its merchant only', async (t) => {
        const { store } = await setup(t);
        const payment = makePayment();
        assert.deepEqual(await store.commit(createPayment(payment)), { ok: true });
        assert.deepEqual(await store.getPayment(MERCHANT, 'TX1'), payment);

        const captured = withCapture(payment, 'TX2');
        assert.deepEqual(await store.commit({ payments: [{ next: captured, expectedVersion: 1 }] }), { ok: true });
        assert.deepEqual(await store.getPayment(MERCHANT, 'TX2'), captured);
        assert.deepEqual(await store.getPayment(MERCHANT, 'TX1'), captured);
        assert.equal(await store.getPayment('OTHER', 'TX1'), undefined);
        assert.equal(await store.getPayment(MERCHANT, 'NOPE'), undefined);
      });

      it('refuses to create a payment twice', async (t) => {
        const { store } = await setup(t);
        await store.commit(createPayment(makePayment()));
        const again = await store.commit(createPayment(makePayment({ amount: 5 })));
        assert.deepEqual(again, { ok: false, conflict: 'version', key: 'TX1' });
        assert.equal((await store.getPayment(MERCHANT, 'TX1'))?.amount, 1000);
      });

      it('refuses an update made on a stale or missing version', async (t) => {
        const { store } = await setup(t);
        const payment = makePayment();
        await store.commit(createPayment(payment));
        const v2 = withCapture(payment, 'TX2');
        assert.equal((await store.commit({ payments: [{ next: v2, expectedVersion: 1 }] })).ok, true);
        const stale = await store.commit({ payments: [{ next: { ...v2, status: 'RESET' }, expectedVersion: 1 }] });
        assert.deepEqual(stale, { ok: false, conflict: 'version', key: 'TX1' });
        const missing = await store.commit({ payments: [{ next: makePayment({ id: 'GHOST' }), expectedVersion: 1 }] });
        assert.deepEqual(missing, { ok: false, conflict: 'version', key: 'GHOST' });
        assert.equal(await store.getPayment(MERCHANT, 'GHOST'), undefined);
        assert.deepEqual(await store.getPayment(MERCHANT, 'TX1'), v2);
      });

      it('lets exactly one of many concurrent commits from the same version through', async (t) => {
        const { store } = await setup(t);
        const payment = makePayment();
        await store.commit(createPayment(payment));
        const outcomes = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            store.commit({
              payments: [{ next: withCapture(payment, `CAPTURE-${i}`), expectedVersion: 1 }],
              events: [makeEvent(`E-${i}`)],
            }),
          ),
        );
        assert.equal(outcomes.filter((outcome) => outcome.ok).length, 1);
        const winner = await store.getPayment(MERCHANT, 'TX1');
        assert.equal(winner?.version, 2);
        assert.equal(winner?.operations.length, 2);
        assert.equal((await store.readEvents(0, 100)).length, 1);
      });

      it('follows an update that changes the order ref or drops an operation', async (t) => {
        const { store } = await setup(t);
        const captured = withCapture(makePayment(), 'TX2');
        await store.commit(createPayment(captured));
        const moved = { ...captured, version: captured.version + 1, orderRef: 'ORDER-2', operations: captured.operations.slice(0, 1) };
        assert.deepEqual(await store.commit({ payments: [{ next: moved, expectedVersion: captured.version }] }), { ok: true });
        assert.deepEqual(await store.findPaymentsByOrderRef(MERCHANT, 'ORDER-1'), []);
        assert.deepEqual(await store.findPaymentsByOrderRef(MERCHANT, 'ORDER-2'), [moved]);
        assert.equal(await store.getPayment(MERCHANT, 'TX2'), undefined);
        assert.deepEqual(await store.getPayment(MERCHANT, 'TX1'), moved);
      });

      it('finds payments by order ref, newest first, within the merchant', async (t) => {
        const { store } = await setup(t);
        await store.commit(createPayment(makePayment({ id: 'A', createdAt: T0 })));
        await store.commit(createPayment(makePayment({ id: 'B', createdAt: T0 + 2000 })));
        await store.commit(createPayment(makePayment({ id: 'C', createdAt: T0 + 1000 })));
        await store.commit(createPayment(makePayment({ id: 'D', orderRef: 'OTHER' })));
        await store.commit(createPayment(makePayment({ id: 'E', merchantId: 'M2' })));
        const found = await store.findPaymentsByOrderRef(MERCHANT, 'ORDER-1');
        assert.deepEqual(found.map((payment) => payment.id), ['B', 'C', 'A']);
        assert.deepEqual(await store.findPaymentsByOrderRef(MERCHANT, 'NONE'), []);
      });
    });

    describe('searchPayments', () => {
      /** Five payments of M1 differing on each criterion, one of M2. */
      async function seeded(t: { after(fn: () => Promise<void>): void }): Promise<Store> {
        const { store } = await setup(t);
        const payments = [
          makePayment({ id: 'P1', createdAt: T0, amount: 500, orderRef: 'O1', token: 'TK1' }),
          makePayment({ id: 'P2', createdAt: T0 + 1000, amount: 1500, orderRef: 'O2', contractNumber: 'VISA-9' }),
          makePayment({ id: 'P3', createdAt: T0 + 2000, amount: 2500, resultCode: '01116', authorizationNumber: 'A3' }),
          makePayment({ id: 'P4', createdAt: T0 + 3000, amount: 3500, currency: 840 }),
          withCapture(makePayment({ id: 'P5', createdAt: T0 + 4000, amount: 4500 }), 'P5-CAPTURE'),
          makePayment({ id: 'Q1', merchantId: 'M2', createdAt: T0 + 5000 }),
        ];
        for (const payment of payments) {
          assert.equal((await store.commit(createPayment(payment))).ok, true);
        }
        return store;
      }
      const ids = (payments: Payment[]): string[] => payments.map((payment) => payment.id);

      it('filters on each criterion, newest first, at most limit', async (t) => {
        const store = await seeded(t);
        const search = async (criteria: Record<string, string | number>): Promise<string[]> =>
          ids(await store.searchPayments({ merchantId: MERCHANT, limit: 100, ...criteria }));
        assert.deepEqual(await search({}), ['P5', 'P4', 'P3', 'P2', 'P1']);
        assert.deepEqual(await search({ limit: 2 }), ['P5', 'P4']);
        assert.deepEqual(await search({ from: T0 + 1000, to: T0 + 3000 }), ['P4', 'P3', 'P2']);
        assert.deepEqual(await search({ orderRef: 'O2' }), ['P2']);
        assert.deepEqual(await search({ transactionId: 'P3' }), ['P3']);
        assert.deepEqual(await search({ transactionId: 'P5-CAPTURE' }), ['P5']);
        assert.deepEqual(await search({ transactionId: 'Q1' }), []);
        assert.deepEqual(await search({ contractNumber: 'VISA-9' }), ['P2']);
        assert.deepEqual(await search({ resultCode: '01116' }), ['P3']);
        assert.deepEqual(await search({ authorizationNumber: 'A3' }), ['P3']);
        assert.deepEqual(await search({ currency: 840 }), ['P4']);
        assert.deepEqual(await search({ minAmount: 1500, maxAmount: 3500 }), ['P4', 'P3', 'P2']);
        assert.deepEqual(await search({ token: 'TK1' }), ['P1']);
        assert.deepEqual(await search({ orderRef: 'O1', currency: 840 }), []);
        assert.deepEqual(ids(await store.searchPayments({ merchantId: 'M2', limit: 10 })), ['Q1']);
      });
    });

    describe('sessions', () => {
      it('reads a session by token and versions it like a payment', async (t) => {
        const { store } = await setup(t);
        const session = makeSession();
        assert.equal((await store.commit({ sessions: [{ next: session, expectedVersion: null }] })).ok, true);
        assert.deepEqual(await store.getSession('TOKEN-1'), session);
        assert.equal(await store.getSession('TOKEN-2'), undefined);

        const processing = { ...session, version: 2, status: 'PROCESSING' as const };
        assert.equal((await store.commit({ sessions: [{ next: processing, expectedVersion: 1 }] })).ok, true);
        const stale = await store.commit({ sessions: [{ next: { ...processing, status: 'CANCELLED' }, expectedVersion: 1 }] });
        assert.deepEqual(stale, { ok: false, conflict: 'version', key: 'TOKEN-1' });
        assert.equal((await store.getSession('TOKEN-1'))?.status, 'PROCESSING');
      });
    });

    describe('claims', () => {
      it('refuses a taken claim and frees it at expiresAt', async (t) => {
        const { store, clock } = await setup(t);
        const claim = { merchantId: MERCHANT, key: 'order:M1:ORDER-1', value: 'TX1', expiresAt: T0 + 60_000 };
        assert.deepEqual(await store.commit({ claims: [claim] }), { ok: true });
        assert.equal(await store.getClaim(MERCHANT, claim.key, T0), 'TX1');
        const taken = await store.commit({ claims: [{ ...claim, value: 'TX2' }] });
        assert.deepEqual(taken, { ok: false, conflict: 'claim', key: claim.key });

        clock.advance(60_000);
        assert.equal(await store.getClaim(MERCHANT, claim.key, clock.now()), undefined);
        assert.equal((await store.commit({ claims: [{ merchantId: MERCHANT, key: claim.key, value: 'TX3' }] })).ok, true);
        assert.equal(await store.getClaim(MERCHANT, claim.key, clock.now() + 10 ** 12), 'TX3');
      });

      it('keeps claims apart per merchant', async (t) => {
        const { store } = await setup(t);
        assert.equal((await store.commit({ claims: [{ merchantId: MERCHANT, key: 'order', value: 'TX1' }] })).ok, true);
        assert.equal((await store.commit({ claims: [{ merchantId: 'M2', key: 'order', value: 'TX9' }] })).ok, true);
        assert.equal(await store.getClaim(MERCHANT, 'order', T0), 'TX1');
        assert.equal(await store.getClaim('M2', 'order', T0), 'TX9');
        assert.equal(await store.getClaim('M3', 'order', T0), undefined);
      });

      it('releases claims, and replaces one in a single change', async (t) => {
        const { store } = await setup(t);
        await store.commit({ claims: [{ merchantId: MERCHANT, key: 'order', value: 'pending:TX1', expiresAt: T0 + 1000 }] });
        const replace = { releaseClaims: [{ merchantId: MERCHANT, key: 'order', value: 'pending:TX1' }], claims: [{ merchantId: MERCHANT, key: 'order', value: 'TX1' }] };
        assert.equal((await store.commit(replace)).ok, true);
        assert.equal(await store.getClaim(MERCHANT, 'order', T0 + 10_000), 'TX1');
        assert.deepEqual(await store.commit(replace), { ok: false, conflict: 'claim', key: 'order' }, 'only a claim holding the value is released');
        assert.equal((await store.commit({ releaseClaims: [{ merchantId: MERCHANT, key: 'order', value: 'pending:TX1' }] })).ok, true, 'releasing what another holds is a no-op');
        assert.equal(await store.getClaim(MERCHANT, 'order', T0), 'TX1');
        assert.equal((await store.commit({ releaseClaims: [{ merchantId: MERCHANT, key: 'order', value: 'TX1' }] })).ok, true);
        assert.equal(await store.getClaim(MERCHANT, 'order', T0), undefined);
        assert.equal((await store.commit({ releaseClaims: [{ merchantId: MERCHANT, key: 'never-claimed', value: 'x' }] })).ok, true);
      });

      it('writes nothing when one precondition fails', async (t) => {
        const { store } = await setup(t);
        await store.commit({ claims: [{ merchantId: MERCHANT, key: 'taken', value: 'first' }] });
        const outcome = await store.commit({
          payments: [{ next: makePayment(), expectedVersion: null }],
          sessions: [{ next: makeSession(), expectedVersion: null }],
          claims: [{ merchantId: MERCHANT, key: 'free', value: 'x' }, { merchantId: MERCHANT, key: 'taken', value: 'second' }],
          events: [makeEvent('E1')],
          jobs: [makeJob('J1', T0)],
        });
        assert.deepEqual(outcome, { ok: false, conflict: 'claim', key: 'taken' });
        assert.equal(await store.getPayment(MERCHANT, 'TX1'), undefined);
        assert.equal(await store.getSession('TOKEN-1'), undefined);
        assert.equal(await store.getClaim(MERCHANT, 'free', T0), undefined);
        assert.equal(await store.getClaim(MERCHANT, 'taken', T0), 'first');
        assert.deepEqual(await store.readEvents(0, 10), []);
        assert.deepEqual(await store.leaseDueJobs(T0, 10, 1000), []);
      });
    });

    describe('outbox events', () => {
      it('numbers events 1, 2, 3… in commit order and pages them', async (t) => {
        const { store } = await setup(t);
        await store.commit({ events: [makeEvent('E1'), makeEvent('E2')] });
        await store.commit({ payments: [{ next: makePayment({ id: 'TX9' }), expectedVersion: 1 }], events: [makeEvent('LOST')] });
        await store.commit({ events: [makeEvent('E3')] });
        const all = await store.readEvents(0, 10);
        assert.deepEqual(all.map((event) => [event.seq, event.id]), [[1, 'E1'], [2, 'E2'], [3, 'E3']]);
        assert.deepEqual(all[0], { ...makeEvent('E1'), seq: 1 });
        assert.deepEqual((await store.readEvents(0, 2)).map((event) => event.id), ['E1', 'E2']);
        assert.deepEqual((await store.readEvents(2, 2)).map((event) => event.id), ['E3']);
        assert.deepEqual(await store.readEvents(3, 2), []);
      });
    });

    describe('jobs', () => {
      it('hands out a job only once it is due, oldest first, at most limit', async (t) => {
        const { store } = await setup(t);
        await store.commit({ jobs: [makeJob('late', T0 + 2000), makeJob('soon', T0 + 1000), makeJob('now', T0)] });
        assert.deepEqual((await store.leaseDueJobs(T0 - 1, 10, 500)).map((job) => job.id), []);
        assert.deepEqual(await store.leaseDueJobs(T0, 10, 10_000), [makeJob('now', T0)]);
        assert.deepEqual((await store.leaseDueJobs(T0 + 5000, 1, 500)).map((job) => job.id), ['soon']);
        assert.deepEqual((await store.leaseDueJobs(T0 + 5000, 10, 500)).map((job) => job.id), ['late']);
        assert.deepEqual((await store.leaseDueJobs(T0 + 10_000, 10, 500)).map((job) => job.id), ['now', 'soon', 'late']);
      });

      it('hands out every merchant’s due jobs, at most limit; a job id is the merchant’s own', async (t) => {
        const { store } = await setup(t);
        await store.commit({ jobs: [makeJob('J1', T0), makeJob('J2', T0 + 10)] });
        await store.commit({ jobs: [{ ...makeJob('J1', T0 + 5), merchantId: 'M2' }] });
        const first = await store.leaseDueJobs(T0 + 100, 2, 60_000);
        assert.deepEqual(first.map((job) => [job.merchantId, job.id]), [[MERCHANT, 'J1'], ['M2', 'J1']]);
        assert.deepEqual((await store.leaseDueJobs(T0 + 100, 10, 60_000)).map((job) => [job.merchantId, job.id]), [[MERCHANT, 'J2']]);
        await store.commit({ doneJobs: [{ merchantId: 'M2', id: 'J1' }] });
        assert.deepEqual((await store.leaseDueJobs(T0 + 60_100, 10, 60_000)).map((job) => [job.merchantId, job.id]), [[MERCHANT, 'J1'], [MERCHANT, 'J2']]);
      });

      it('hides a leased job until its lease ends', async (t) => {
        const { store } = await setup(t);
        await store.commit({ jobs: [makeJob('J1', T0)] });
        assert.equal((await store.leaseDueJobs(T0, 10, 30_000)).length, 1);
        assert.deepEqual(await store.leaseDueJobs(T0 + 29_999, 10, 30_000), []);
        assert.deepEqual((await store.leaseDueJobs(T0 + 30_000, 10, 30_000)).map((job) => job.id), ['J1']);
      });

      it('removes done jobs in the same step as the rest of the change', async (t) => {
        const { store } = await setup(t);
        await store.commit({ jobs: [makeJob('J1', T0), makeJob('J2', T0)] });
        const failed = await store.commit({
          payments: [{ next: makePayment(), expectedVersion: 7 }],
          doneJobs: [makeJob('J1', T0)],
        });
        assert.equal(failed.ok, false);
        assert.deepEqual((await store.leaseDueJobs(T0, 10, 0)).map((job) => job.id), ['J1', 'J2']);

        const done = await store.commit({ payments: [{ next: makePayment(), expectedVersion: null }], doneJobs: [makeJob('J1', T0)] });
        assert.equal(done.ok, true);
        assert.deepEqual((await store.leaseDueJobs(T0, 10, 0)).map((job) => job.id), ['J2']);
      });

      it('keeps one job per id: scheduling again replaces it, even from its own run', async (t) => {
        const { store } = await setup(t);
        await store.commit({ jobs: [makeJob('J1', T0)] });
        await store.commit({ jobs: [{ ...makeJob('J1', T0 + 1000), type: 'retry' }] });
        assert.deepEqual(await store.leaseDueJobs(T0, 10, 0), []);
        const [leased] = await store.leaseDueJobs(T0 + 1000, 10, 60_000);
        assert.deepEqual(leased, { ...makeJob('J1', T0 + 1000), type: 'retry' });

        // A run that finishes and reschedules its own id leaves the new schedule, lease-free.
        await store.commit({ doneJobs: [makeJob('J1', T0)], jobs: [makeJob('J1', T0 + 2000)] });
        assert.deepEqual(await store.leaseDueJobs(T0 + 2000, 10, 0), [makeJob('J1', T0 + 2000)]);
      });
    });

    runNotifyContract(setup);
    runRecordsContract(setup);

    describe('isolation', () => {
      it('never lets a caller change stored records through what it wrote or read', async (t) => {
        const { store } = await setup(t);
        const payment = makePayment();
        const session = makeSession();
        const event = makeEvent('E1');
        const job = makeJob('J1', T0);
        await store.commit({
          payments: [{ next: payment, expectedVersion: null }],
          sessions: [{ next: session, expectedVersion: null }],
          events: [event],
          jobs: [job],
        });
        payment.operations.push({ id: 'SNEAK', type: 'REFUND', amount: 1, date: T0, resultCode: '00000' });
        session.paymentIds.push('SNEAK');
        event.data['paymentId'] = 'SNEAK';
        job.at = T0 + 10 ** 9;

        const read = await store.getPayment(MERCHANT, 'TX1');
        assert.equal(read?.operations.length, 1);
        read!.card.maskedNumber = 'changed';
        read!.operations.length = 0;
        (await store.findPaymentsByOrderRef(MERCHANT, 'ORDER-1'))[0]!.amount = 1;
        (await store.searchPayments({ merchantId: MERCHANT, limit: 1 }))[0]!.status = 'RESET';
        const readSession = await store.getSession('TOKEN-1');
        assert.equal(readSession?.paymentIds.length, 0);
        readSession!.paymentIds.push('SNEAK');
        const [readEvent] = await store.readEvents(0, 1);
        assert.equal(readEvent?.data['paymentId'], 'E1');
        readEvent!.data['paymentId'] = 'SNEAK';
        const [leased] = await store.leaseDueJobs(T0, 1, 0);
        assert.equal(leased?.at, T0);

        assert.deepEqual(await store.getPayment(MERCHANT, 'TX1'), makePayment());
        assert.deepEqual(await store.getSession('TOKEN-1'), makeSession());
        assert.deepEqual(await store.readEvents(0, 1), [{ ...makeEvent('E1'), seq: 1 }]);
      });
    });
  });
}
