import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../server/core/clock.js';
import type { Delivery, WebhookEndpoint } from '../../../server/store/notify-records.js';
import type { OutboxEvent, Store } from '../../../server/store/store.js';

/*
 * The notification hub's part of the Store contract: the outbox read as consumer groups, event
 * listing, webhook endpoints, deliveries and Payline stop marks. runStoreContract runs it for
 * every backend.
 */

const T0 = Date.UTC(2025, 0, 15, 10, 0, 0);
const M1 = 'M1';

function event(id: string, overrides: Partial<OutboxEvent> = {}): OutboxEvent {
  return { id, type: 'payment.accepted', merchantId: M1, occurredAt: T0, data: { paymentId: id }, ...overrides };
}

function endpoint(id: string, overrides: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  return {
    id,
    merchantId: M1,
    version: 1,
    url: 'https://shop.example/hooks',
    eventTypes: ['payment.accepted'],
    secrets: [{ secret: 'whsec_' + 'A'.repeat(32), createdAt: T0 }],
    status: 'enabled',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

function delivery(id: string, overrides: Partial<Delivery> = {}): Delivery {
  return {
    id,
    version: 1,
    merchantId: M1,
    eventId: 'E1',
    eventType: 'payment.accepted',
    occurredAt: T0,
    request: { channel: 'webhook', endpointId: 'we_1', body: '{}' },
    status: 'pending',
    attempts: [],
    seriesStart: 0,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

const ids = (list: { id: string }[]): string[] => list.map((item) => item.id);

type Setup = (t: { after(fn: () => Promise<void>): void }) => Promise<{ store: Store; clock: ManualClock }>;

/** Registers the notification tests inside runStoreContract's describe. */
export function runNotifyContract(setup: Setup): void {
  describe('outbox consumer groups', () => {
    it('hands each event to a group once, oldest first, until acknowledged; groups are independent', async (t) => {
      const { store } = await setup(t);
      await store.commit({ events: [event('E1'), event('E2'), event('E3')] });
      const first = await store.claimEvents('webhook', { limit: 2, leaseMs: 1000 });
      assert.deepEqual(ids(first), ['E1', 'E2']);
      assert.deepEqual(first[0], { ...event('E1'), seq: 1 });
      const second = await store.claimEvents('webhook', { limit: 10, leaseMs: 1000 });
      assert.deepEqual(ids(second), ['E3']);
      assert.deepEqual(await store.claimEvents('webhook', { limit: 10, leaseMs: 1000 }), []);
      assert.deepEqual(ids(await store.claimEvents('mail', { limit: 10, leaseMs: 1000 })), ['E1', 'E2', 'E3']);
      assert.equal(await store.eventBacklog('webhook'), 3);
      await store.ackEvents('webhook', [first[0]!, second[0]!]);
      assert.equal(await store.eventBacklog('webhook'), 1);
      assert.equal(await store.eventBacklog('socket'), 3);
    });

    it('hands an unacknowledged event out again once its lease ends, before newer ones, never within it', async (t) => {
      const { store, clock } = await setup(t);
      // Memory times leases by the store's clock, Redis by its own (XAUTOCLAIM idle times): a lease
      // passes when both have moved past it.
      const LEASE_MS = 1000;
      const leasePasses = async (): Promise<void> => {
        clock.advance(LEASE_MS);
        await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 50));
      };
      await store.commit({ events: [event('E1'), event('E2')] });
      const held = await store.claimEvents('g', { limit: 1, leaseMs: LEASE_MS });
      assert.deepEqual(ids(held), ['E1']);
      // Within the lease, the group's other readers get the next event, never the one held.
      const next = await store.claimEvents('g', { limit: 10, leaseMs: LEASE_MS });
      assert.deepEqual(ids(next), ['E2']);
      assert.deepEqual(await store.claimEvents('g', { limit: 10, leaseMs: LEASE_MS }), []);
      await store.ackEvents('g', next);
      await leasePasses();
      await store.commit({ events: [event('E3')] });
      const again = await store.claimEvents('g', { limit: 10, leaseMs: LEASE_MS });
      assert.deepEqual(ids(again), ['E1', 'E3']);
      assert.deepEqual(await store.claimEvents('g', { limit: 10, leaseMs: LEASE_MS }), [], 'handed out again: leased again');
      await store.ackEvents('g', again);
      await leasePasses();
      assert.deepEqual(await store.claimEvents('g', { limit: 10, leaseMs: LEASE_MS }), [], 'acknowledged: never again');
      assert.equal(await store.eventBacklog('g'), 0);
    });

    it('reads every merchant’s events for a group, each merchant’s in order, within the limit', async (t) => {
      const { store } = await setup(t);
      await store.commit({ events: [event('A1'), event('A2')] });
      await store.commit({ events: [event('B1', { merchantId: 'M2' })] });
      await store.commit({ events: [event('A3')] });
      assert.equal(await store.eventBacklog('g'), 4);
      const first = await store.claimEvents('g', { limit: 3, leaseMs: 60_000 });
      assert.equal(first.length, 3);
      const rest = await store.claimEvents('g', { limit: 3, leaseMs: 60_000 });
      const all = [...first, ...rest];
      assert.deepEqual(ids(all).sort(), ['A1', 'A2', 'A3', 'B1']);
      assert.deepEqual(ids(all.filter((e) => e.merchantId === M1)), ['A1', 'A2', 'A3']);
      await store.ackEvents('g', all);
      assert.equal(await store.eventBacklog('g'), 0);
      assert.deepEqual(ids(await store.readEvents(0, 10)).sort(), ['A1', 'A2', 'A3', 'B1']);
    });

    it('waits for a commit when asked to, and stops waiting when aborted', async (t) => {
      const { store } = await setup(t);
      const waiting = store.claimEvents('g', { limit: 10, leaseMs: 1000, waitMs: 5000 });
      setTimeout(() => void store.commit({ events: [event('E1')] }), 20);
      const started = Date.now();
      assert.deepEqual(ids(await waiting), ['E1']);
      assert.ok(Date.now() - started < 2000);

      const abort = new AbortController();
      const aborted = store.claimEvents('g', { limit: 10, leaseMs: 1000, waitMs: 5000, signal: abort.signal });
      setTimeout(() => abort.abort(), 20);
      assert.deepEqual(await aborted, []);
      assert.ok(Date.now() - started < 4000);
    });
  });

  describe('event listing', () => {
    it('lists a merchant’s events newest first, by type, time range and page', async (t) => {
      const { store } = await setup(t);
      await store.commit({ events: [event('E1', { occurredAt: T0 }), event('E2', { occurredAt: T0 + 1000, type: 'payment.refunded' })] });
      await store.commit({ events: [event('X1', { merchantId: 'M2', occurredAt: T0 + 1500 })] });
      await store.commit({ events: [event('E3', { occurredAt: T0 + 2000 })] });
      assert.deepEqual(ids(await store.listEvents({ merchantId: M1, limit: 10 })), ['E3', 'E2', 'E1']);
      assert.deepEqual(ids(await store.listEvents({ merchantId: M1, limit: 2 })), ['E3', 'E2']);
      assert.deepEqual(ids(await store.listEvents({ merchantId: M1, limit: 10, beforeSeq: 3 })), ['E2', 'E1']);
      assert.deepEqual(ids(await store.listEvents({ merchantId: M1, limit: 10, type: 'payment.accepted' })), ['E3', 'E1']);
      assert.deepEqual(ids(await store.listEvents({ merchantId: M1, limit: 10, from: T0 + 500, to: T0 + 2000 })), ['E3', 'E2']);
      assert.deepEqual((await store.getEvent(M1, 'E2'))?.seq, 2);
      assert.equal(await store.getEvent(M1, 'X1'), undefined);
      assert.equal(await store.getEvent(M1, 'NOPE'), undefined);
    });
  });

  describe('webhook endpoints', () => {
    it('creates, versions and lists endpoints within their merchant', async (t) => {
      const { store } = await setup(t);
      assert.deepEqual(await store.commit({ webhookEndpoints: [{ next: endpoint('we_1'), expectedVersion: null }] }), { ok: true });
      await store.commit({ webhookEndpoints: [{ next: endpoint('we_2'), expectedVersion: null }] });
      await store.commit({ webhookEndpoints: [{ next: endpoint('we_9', { merchantId: 'M2' }), expectedVersion: null }] });
      const again = await store.commit({ webhookEndpoints: [{ next: endpoint('we_1'), expectedVersion: null }] });
      assert.deepEqual(again, { ok: false, conflict: 'version', key: 'we_1' });

      const disabled = endpoint('we_1', { version: 2, status: 'disabled', disabledReason: 'HTTP 410' });
      assert.equal((await store.commit({ webhookEndpoints: [{ next: disabled, expectedVersion: 1 }] })).ok, true);
      const stale = await store.commit({ webhookEndpoints: [{ next: endpoint('we_1', { version: 2 }), expectedVersion: 1 }] });
      assert.deepEqual(stale, { ok: false, conflict: 'version', key: 'we_1' });
      assert.deepEqual(await store.getWebhookEndpoint(M1, 'we_1'), disabled);
      assert.equal(await store.getWebhookEndpoint('M2', 'we_1'), undefined);
      assert.deepEqual(ids(await store.listWebhookEndpoints(M1)), ['we_1', 'we_2']);
      assert.deepEqual(ids(await store.listWebhookEndpoints('M2')), ['we_9']);
    });
  });

  describe('deliveries', () => {
    it('versions deliveries and lists them by event, channel, status and time', async (t) => {
      const { store } = await setup(t);
      await store.commit({
        deliveries: [
          { next: delivery('D1', { occurredAt: T0 + 2000 }), expectedVersion: null },
          { next: delivery('D2', { eventId: 'E2', status: 'failed' }), expectedVersion: null },
          { next: delivery('D3', { eventId: 'E3', occurredAt: T0 + 1000, request: { channel: 'payline-notification', url: 'https://shop.example/n', notificationType: 'WEBTRS', subject: 'token:T' } }), expectedVersion: null },
        ],
      });
      await store.commit({ deliveries: [{ next: delivery('X1', { merchantId: 'M2' }), expectedVersion: null }] });
      const attempted = delivery('D1', { occurredAt: T0 + 2000, version: 2, attempts: [{ at: T0, latencyMs: 12, status: 500, ok: false, responseExcerpt: 'oops' }] });
      assert.equal((await store.commit({ deliveries: [{ next: attempted, expectedVersion: 1 }] })).ok, true);
      assert.deepEqual(await store.commit({ deliveries: [{ next: attempted, expectedVersion: 1 }] }), { ok: false, conflict: 'version', key: 'D1' });
      assert.deepEqual(await store.getDelivery('D1'), attempted);

      const list = (query: Record<string, unknown>) => store.listDeliveries({ merchantId: M1, limit: 10, ...query }).then(ids);
      assert.deepEqual(await list({}), ['D2', 'D3', 'D1']);
      assert.deepEqual(await list({ limit: 1 }), ['D2']);
      assert.deepEqual(await list({ eventId: 'E1' }), ['D1']);
      assert.deepEqual(await list({ status: 'failed' }), ['D2']);
      assert.deepEqual(await list({ channel: 'payline-notification' }), ['D3']);
      assert.deepEqual(await list({ from: T0 + 500, to: T0 + 1500 }), ['D3']);
      assert.deepEqual(await store.listDeliveries({ merchantId: 'M2', eventId: 'E1', limit: 10 }).then(ids), ['X1']);
    });
  });

  describe('notification stop marks', () => {
    it('marks a subject stopped for its merchant until the mark expires', async (t) => {
      const { store, clock } = await setup(t);
      assert.equal(await store.isNotificationStopped(M1, 'token:T1', T0), false);
      await store.commit({ notificationStops: [{ merchantId: M1, subject: 'token:T1', expiresAt: T0 + 60_000 }] });
      assert.equal(await store.isNotificationStopped(M1, 'token:T1', T0), true);
      assert.equal(await store.isNotificationStopped('M2', 'token:T1', T0), false);
      assert.equal(await store.isNotificationStopped(M1, 'token:T2', T0), false);
      // A later mark extends, an earlier one never shortens.
      await store.commit({ notificationStops: [{ merchantId: M1, subject: 'token:T1', expiresAt: T0 + 1000 }] });
      clock.advance(59_999);
      assert.equal(await store.isNotificationStopped(M1, 'token:T1', clock.now()), true);
      assert.equal(await store.isNotificationStopped(M1, 'token:T1', clock.now() + 1), false);
    });
  });

  describe('notification records in a commit', () => {
    it('writes none of them when a precondition fails, and keeps them apart from callers', async (t) => {
      const { store } = await setup(t);
      await store.commit({ deliveries: [{ next: delivery('D1'), expectedVersion: null }] });
      const refused = await store.commit({
        webhookEndpoints: [{ next: endpoint('we_1'), expectedVersion: null }],
        notificationStops: [{ merchantId: M1, subject: 'token:T1', expiresAt: T0 + 60_000 }],
        events: [event('E1')],
        deliveries: [{ next: delivery('D2'), expectedVersion: null }, { next: delivery('D1'), expectedVersion: null }],
      });
      assert.deepEqual(refused, { ok: false, conflict: 'version', key: 'D1' });
      assert.equal(await store.getWebhookEndpoint(M1, 'we_1'), undefined);
      assert.equal(await store.getDelivery('D2'), undefined);
      assert.equal(await store.isNotificationStopped(M1, 'token:T1', T0), false);
      assert.equal(await store.eventBacklog('g'), 0);

      const written = endpoint('we_1');
      await store.commit({ webhookEndpoints: [{ next: written, expectedVersion: null }] });
      written.eventTypes.push('sneaky');
      const read = await store.getWebhookEndpoint(M1, 'we_1');
      read!.secrets.length = 0;
      (await store.listWebhookEndpoints(M1))[0]!.url = 'https://evil.example';
      (await store.getDelivery('D1'))!.attempts.push({ at: 0, latencyMs: 0, ok: true });
      (await store.listDeliveries({ merchantId: M1, limit: 1 }))[0]!.status = 'delivered';
      assert.deepEqual(await store.getWebhookEndpoint(M1, 'we_1'), endpoint('we_1'));
      assert.deepEqual(await store.getDelivery('D1'), delivery('D1'));
    });
  });
}
