import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startReceiver, type Receiver } from '../notify/support/receiver.js';
import { startRedis, type RedisProcess } from '../support/redis-process.js';
import { awaitEveryWebhook, listAllEvents } from './support/event-check.js';
import { checkPaymentsAfterLoad, runPaymentLoad } from './support/payment-load.js';
import { startTwoGateways, type TwoGateways } from './support/two-gateways.js';

/*
 * Redis dies (`kill -9`) in the middle of a load spread over two gateway processes, and comes
 * back on the same port and folder. With `appendonly yes` and `appendfsync always` every write
 * Redis acknowledged is in its AOF, so nothing the API answered ACCEPTED is lost. Meanwhile the
 * requests fail cleanly (HTTP 500, never an ACCEPTED that does not last, never a hang), and the
 * gateways take payments again, and deliver every committed event, once Redis is back.
 */

const AOF = ['--appendonly', 'yes', '--appendfsync', 'always'];

describe('Redis restarted under load, with AOF', () => {
  let g: TwoGateways;
  let receiver: Receiver;
  let restarted: RedisProcess | undefined;
  before(async () => {
    g = await startTwoGateways({ env: { GUICHET_LEASE_SECONDS: '2', LOG_LEVEL: 'warn' }, redis: { settings: AOF } });
    receiver = await startReceiver();
  });
  after(async () => {
    await receiver?.close();
    await restarted?.stop();
    await g?.close();
  });

  it('keeps every acknowledged payment, fails cleanly meanwhile, and recovers', async (t) => {
    for (const gateway of g.both) assert.deepEqual(gateway.logs().filter((line) => line.level === 40), [], 'no durability warning with AOF always');
    const types = (await g.a.api('GET', '/api/event-types')).body.eventTypes.map((type: { type: string }) => type.type);
    assert.equal((await g.a.api('POST', '/api/webhook-endpoints', { url: receiver.url, eventTypes: types })).status, 201);

    const load = runPaymentLoad({ gateways: g.both, workers: 8, durationMs: 6000 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const crashedAt = Date.now();
    await g.redis.crash();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    restarted = await startRedis({ port: g.redis.port, dir: g.redis.dir, settings: AOF });
    const backAt = Date.now();
    const answers = await load;

    const failed = answers.filter((a) => a.outcome === 'failed');
    assert.ok(failed.some((a) => a.at > crashedAt && a.at < backAt), 'requests failed while Redis was down');
    for (const answer of failed) assert.equal(answer.status, 500, `a clean failure: ${JSON.stringify(answer)}`);
    assert.ok(answers.some((a) => a.at > backAt + 500 && a.outcome === 'accepted'), 'payments are taken again once Redis is back');
    const events = await listAllEvents(g.b);
    const { payments } = await checkPaymentsAfterLoad(g.a, answers, new Set(events.flatMap((e) => (typeof e.data.paymentId === 'string' ? [e.data.paymentId] : []))));
    assert.ok(payments >= 20, `${payments} payments`);

    const { duplicates } = await awaitEveryWebhook(receiver, events.map((e) => e.id), 30_000);
    t.diagnostic(`${answers.length} requests (${failed.length} HTTP 500), ${payments} payments, ${events.length} events, ${duplicates} delivered more than once`);
  });
});
