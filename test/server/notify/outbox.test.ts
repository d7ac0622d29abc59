import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Writable } from 'node:stream';
import { ManualClock } from '../../../server/core/clock.js';
import { createLogger } from '../../../server/logging/logger.js';
import { Outbox, type Channel } from '../../../server/notify/outbox.js';
import { MemoryStore } from '../../../server/store/memory/memory-store.js';
import type { StoredEvent } from '../../../server/store/store.js';
import { authorizationRequest } from '../support/requests.js';
import { startNotifyTest } from './support/notify-harness.js';
import { startReceiver } from './support/receiver.js';

/*
 * The dispatcher: every channel gets every event, each at its own pace; a channel that fails
 * gets the event again after its lease; payments never wait for any receiver.
 */

const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });
const event = (id: string) => ({ id, type: 'payment.accepted', merchantId: 'M1', occurredAt: 0, data: {} });

describe('outbox dispatcher', () => {
  it('hands every event to every channel; a stuck or failing channel holds up no other', async () => {
    const clock = new ManualClock(0);
    const store = new MemoryStore({ clock });
    const fast: string[] = [];
    let failures = 0;
    const flaky: string[] = [];
    const channels: Channel[] = [
      { name: 'fast', deliver: async (e: StoredEvent) => void fast.push(e.id) },
      { name: 'stuck', deliver: () => new Promise<void>(() => undefined) },
      {
        name: 'flaky',
        deliver: async (e: StoredEvent) => {
          if (e.id === 'E2' && failures++ === 0) throw new Error('boom');
          flaky.push(e.id);
        },
      },
    ];
    const outbox = new Outbox({ store, channels, logger: quiet, leaseMs: 10_000, waitMs: 50 });
    outbox.start();
    await store.commit({ events: [event('E1'), event('E2'), event('E3')] });
    const until = async (test: () => boolean) => {
      for (let i = 0; i < 400 && !test(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await until(() => fast.length === 3 && flaky.length === 2);
    assert.deepEqual(fast, ['E1', 'E2', 'E3']);
    assert.deepEqual(flaky, ['E1', 'E3']);
    assert.equal(await store.eventBacklog('stuck'), 3);

    clock.advance(10_000); // E2's lease on the flaky channel runs out: it comes back
    await store.commit({ events: [event('E4')] });
    await until(() => flaky.length === 4);
    assert.deepEqual(flaky, ['E1', 'E3', 'E2', 'E4']);
    assert.equal(await store.eventBacklog('flaky'), 0);
    // `stop` does not wait for the stuck channel's deliver; its events stay unacknowledged for later.
    await outbox.stop();
    assert.equal(await store.eventBacklog('stuck'), 4);
    await store.close();
  });

  it('answers payment requests at once while every receiver hangs', async (ctx) => {
    const t = await startNotifyTest({ merchant: { notificationURL: 'http://127.0.0.1:9/never' } });
    const r = await startReceiver();
    ctx.after(async () => {
      await t.close();
      await r.close();
    });
    r.answer(() => 'hang');
    await t.createEndpoint(r.url);
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      const answer = await t.call('doAuthorization', authorizationRequest(1000 + i, { action: 100 }));
      assert.equal(answer.result.code, '00000');
    }
    assert.ok(performance.now() - started < 1500, `20 payments took ${Math.round(performance.now() - started)} ms`);
    await r.waitFor(20);
  });
});
