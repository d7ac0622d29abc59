import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../server/core/clock.js';
import { JobRunner } from '../../../server/jobs/job-runner.js';
import { createLogger } from '../../../server/logging/logger.js';
import { AccessKeyVerifier } from '../../../server/merchants/access-key.js';
import { MerchantDirectory } from '../../../server/merchants/merchant-directory.js';
import { SANDBOX_MERCHANT } from '../../../server/merchants/sandbox-merchant.js';
import { DELIVERY_JOB } from '../../../server/notify/delivery-queue.js';
import { createNotifyHub, type NotifyHub } from '../../../server/notify/notify-hub.js';
import { randomIds } from '../../../server/service/ids.js';
import { MemoryStore } from '../../../server/store/memory/memory-store.js';
import type { Store } from '../../../server/store/store.js';
import { startReceiver } from './support/receiver.js';

/*
 * Several processes on one store (as with Redis): each event is dispatched once, each retry runs
 * once, and a process that stops leaves its retries to the others. Two hubs stand for two
 * processes here; what they share is the store, and only the store.
 */

const quiet = () => createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });

function startProcess(store: Store, clock: ManualClock, dataDir: string): { hub: NotifyHub; jobs: JobRunner } {
  const hub = createNotifyHub({
    store,
    clock,
    ids: randomIds,
    merchants: new MerchantDirectory([{ ...SANDBOX_MERCHANT, pointsOfSell: [] }]),
    logger: quiet(),
    verifier: new AccessKeyVerifier(),
    dataKey: randomBytes(32),
    settings: { dataDir, timeZone: 'Europe/Paris', webhookTimeoutMs: 2000 },
    random: () => 0.5,
  });
  const jobs = new JobRunner({ store, clock, handlers: { [DELIVERY_JOB]: (job) => hub.runJob(job) } });
  return { hub, jobs };
}

describe('several processes on one store', () => {
  it('dispatch each event once, run each retry once, and take over the retries of one that stopped', async (ctx) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guichet-scale-'));
    const clock = new ManualClock(Date.UTC(2026, 2, 2, 10));
    const store = new MemoryStore({ clock });
    const r = await startReceiver();
    ctx.after(async () => {
      await r.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const a = startProcess(store, clock, dataDir);
    const b = startProcess(store, clock, dataDir);
    const created = await a.hub.endpoints.create('demo-merchant', { url: r.url, eventTypes: ['payment.accepted'] });
    assert.ok(created.ok);
    a.hub.start();
    b.hub.start();

    r.answer((_req, i) => (i < 2 ? { status: 500 } : { status: 200 }));
    const events = Array.from({ length: 20 }, (_, i) => ({ id: `evt_scale_${i}`, type: 'payment.accepted', merchantId: 'demo-merchant', occurredAt: clock.now(), data: { i } }));
    await store.commit({ events });
    await Promise.all([a.hub.settled(), b.hub.settled()]);
    assert.equal(r.received.length, 20, 'each event once, though both processes read the outbox');

    // Both runners look for due retries at the same time: each retry runs once.
    clock.advance(5000);
    await Promise.all([a.jobs.runDue(), b.jobs.runDue()]);
    await Promise.all([a.hub.settled(), b.hub.settled()]);
    assert.equal(r.received.length, 22, 'the two failed deliveries, retried once each');

    // A fails again for a new event, then stops: B runs its retry.
    r.answer(() => ({ status: 503 }));
    await store.commit({ events: [{ id: 'evt_scale_last', type: 'payment.accepted', merchantId: 'demo-merchant', occurredAt: clock.now(), data: {} }] });
    await Promise.all([a.hub.settled(), b.hub.settled()]);
    await a.hub.close();
    r.answer(() => ({ status: 200 }));
    clock.advance(5000);
    await b.jobs.runDue();
    await b.hub.settled();
    const last = r.received.filter((request) => request.headers['webhook-id'] === 'evt_scale_last');
    assert.equal(last.length, 2);
    assert.equal((await store.getDelivery(`evt_scale_last:webhook:${created.ok && created.value.id}`))?.status, 'delivered');
    await b.hub.close();
  });
});
