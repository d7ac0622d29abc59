import assert from 'node:assert/strict';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { WEBHOOK_SCHEDULE } from '../../../server/notify/retry-schedule.js';
import { DISABLE_AFTER_FAILING_MS } from '../../../server/notify/webhook-endpoint-health.js';
import { authorizationRequest, captureRequest } from '../support/requests.js';
import { startNotifyTest, verifyWebhook, type NotifyTest } from './support/notify-harness.js';
import { startReceiver, type Receiver } from './support/receiver.js';

/*
 * Signed webhooks end to end: a real gateway, real HTTP receivers on loopback, signatures checked
 * by the independent `standardwebhooks` package, and the whole retry schedule played in seconds
 * on the test clock.
 */

const HOUR = 3_600_000;

describe('webhooks', () => {
  let t: NotifyTest;
  let receiver: Receiver;

  before(async () => {
    t = await startNotifyTest();
  });
  after(() => t.close());

  async function freshReceiver(): Promise<Receiver> {
    receiver = await startReceiver();
    return receiver;
  }

  /** Disables every endpoint left by earlier tests, so each test sees only its own. */
  async function clearEndpoints(): Promise<void> {
    const { body } = await t.api('GET', '/api/webhook-endpoints');
    for (const endpoint of body.endpoints) await t.api('DELETE', `/api/webhook-endpoints/${endpoint.id}`);
  }

  async function authorize(amount = 1000): Promise<string> {
    const answer = await t.call('doAuthorization', authorizationRequest(amount, { action: 100 }));
    return answer.transaction.id;
  }

  it('POSTs a signed Standard Webhooks event with the Payline objects, masked card only', async (ctx) => {
    await clearEndpoints();
    const r = await freshReceiver();
    ctx.after(() => r.close());
    const { secret } = await t.createEndpoint(r.url + '/hooks');
    const transactionId = await authorize();
    await t.settle();
    const [request] = await r.waitFor(1);
    assert.equal(request!.method, 'POST');
    assert.equal(request!.url, '/hooks');
    assert.equal(request!.headers['content-type'], 'application/json');
    const payload = verifyWebhook(secret, request!, t.clock.now());
    assert.equal(payload.type, 'payment.accepted');
    assert.equal(request!.headers['webhook-id'], payload.id);
    assert.match(payload.id, /^evt_[0-9a-f]{24}$/);
    assert.equal(payload.timestamp, new Date(t.clock.now()).toISOString());
    assert.equal(payload.data.transactionId, transactionId);
    assert.equal(payload.data.result.code, '00000');
    assert.equal(payload.data.transaction.id, transactionId);
    assert.equal(payload.data.card.number, '497010XXXXXX4455');
    assert.doesNotMatch(request!.body, /4970101122334455/);
    assert.equal(payload.data.payment.amount, 1000);
    // A tampered body fails the same verification.
    assert.throws(() => verifyWebhook(secret, { ...request!, body: request!.body.replace('1000', '9000') }, t.clock.now()), /signature/i);
  });

  it('signs with the old and the new secret during a rotation, then with the new one only', async (ctx) => {
    await clearEndpoints();
    const r = await freshReceiver();
    ctx.after(() => r.close());
    const { id, secret: oldSecret } = await t.createEndpoint(r.url);
    const rotated = await t.api('POST', `/api/webhook-endpoints/${id}/secret/rotate`, { graceSeconds: 3600 });
    assert.equal(rotated.status, 200);
    const newSecret = rotated.body.secret as string;
    assert.match(newSecret, /^whsec_[A-Za-z0-9+/]+=*$/);
    assert.equal(rotated.body.previousSecrets[0].secret, oldSecret);

    await authorize();
    await t.settle();
    const [during] = await r.waitFor(1);
    assert.equal(during!.headers['webhook-signature']!.split(' ').length, 2);
    verifyWebhook(newSecret, during!, t.clock.now());
    verifyWebhook(oldSecret, during!, t.clock.now());

    t.clock.advance(HOUR);
    await authorize();
    await t.settle();
    const [, afterGrace] = await r.waitFor(2);
    assert.equal(afterGrace!.headers['webhook-signature']!.split(' ').length, 1);
    verifyWebhook(newSecret, afterGrace!, t.clock.now());
    assert.throws(() => verifyWebhook(oldSecret, afterGrace!, t.clock.now()), /No matching signature/);
  });

  it('retries a receiver that answers 500 and records every attempt', async (ctx) => {
    await clearEndpoints();
    const r = await freshReceiver();
    ctx.after(() => r.close());
    r.answer((_req, i) => (i < 2 ? { status: 500, body: 'database down' } : { status: 200, body: 'thanks' }));
    await t.createEndpoint(r.url);
    await authorize();
    await t.settle();
    await r.waitFor(1);
    await t.tick(5000);
    await r.waitFor(2);
    await t.tick(5 * 60_000);
    await r.waitFor(3);
    const ids = new Set(r.received.map((request) => request.headers['webhook-id']));
    assert.equal(ids.size, 1, 'every retry carries the same webhook-id');

    const { body } = await t.api('GET', '/api/events?type=payment.accepted&limit=1');
    const webhook = body.events[0].deliveries.find((d: any) => d.channel === 'webhook');
    assert.equal(webhook.status, 'delivered');
    assert.deepEqual(webhook.attempts.map((a: any) => [a.status, a.ok]), [[500, false], [500, false], [200, true]]);
    assert.equal(webhook.attempts[0].responseExcerpt, 'database down');
    assert.equal(webhook.attempts[2].responseExcerpt, 'thanks');
    assert.ok(webhook.attempts.every((a: any) => typeof a.latencyMs === 'number' && a.latencyMs >= 0 && typeof a.at === 'string'));
  });

  it('honours Retry-After on a 429, within limits', async (ctx) => {
    await clearEndpoints();
    const r = await freshReceiver();
    ctx.after(() => r.close());
    r.answer((_req, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '120' } } : { status: 200 }));
    await t.createEndpoint(r.url);
    await authorize();
    await t.settle();
    await r.waitFor(1);
    await t.tick(5000); // the schedule's 5 s are not enough: the receiver asked for 120
    assert.equal(r.received.length, 1);
    await t.tick(115_000);
    await r.waitFor(2);

    // A wish beyond the limit (one hour) is cut to it.
    r.answer(() => ({ status: 429, headers: { 'retry-after': String(48 * 3600) } }));
    await authorize();
    await t.settle();
    await r.waitFor(3);
    const { body } = await t.api('GET', '/api/events?type=payment.accepted&limit=1');
    const delivery = body.events[0].deliveries.find((d: any) => d.channel === 'webhook');
    assert.equal(Date.parse(delivery.nextAttemptAt) - t.clock.now(), HOUR);
  });

  it('gives up on a receiver that hangs past the timeout, without holding up the others', async (ctx) => {
    await clearEndpoints();
    const slow = await startReceiver();
    const fast = await startReceiver();
    ctx.after(() => Promise.all([slow.close(), fast.close()]));
    slow.answer(() => 'hang');
    await t.createEndpoint(slow.url);
    await t.createEndpoint(fast.url);
    const started = Date.now();
    await authorize();
    await fast.waitFor(1);
    assert.ok(Date.now() - started < 1000, 'the fast receiver was served while the slow one hung');
    await t.settle();
    const { body } = await t.api('GET', '/api/events?type=payment.accepted&limit=1');
    const hung = body.events[0].deliveries.find((d: any) => d.destination !== undefined && d.attempts[0]?.ok === false);
    assert.match(hung.attempts[0].error, /no answer within 2000 ms/);
    assert.equal(hung.status, 'pending');
  });

  it('records a receiver that answers garbage, or nothing at all, and retries it', async (ctx) => {
    await clearEndpoints();
    const sockets = new Set<Socket>();
    const garbage = createTcpServer((socket) => {
      sockets.add(socket);
      socket.end('HTTP/9.9 what\r\n\r\n\x00\x01');
    });
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
    ctx.after(() => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => garbage.close(() => resolve()));
    });
    // A port that was just free again: nobody listens there.
    const closed = createTcpServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await t.createEndpoint(`http://127.0.0.1:${(garbage.address() as AddressInfo).port}/hooks`);
    await t.createEndpoint(`http://127.0.0.1:${closedPort}/closed`);
    await authorize();
    await t.settle();
    const { body } = await t.api('GET', '/api/events?type=payment.accepted&limit=1');
    const webhooks = body.events[0].deliveries.filter((d: any) => d.channel === 'webhook');
    assert.equal(webhooks.length, 2);
    for (const delivery of webhooks) {
      assert.equal(delivery.status, 'pending');
      assert.equal(delivery.attempts[0].ok, false);
      assert.equal(delivery.attempts[0].status, undefined);
      assert.ok(delivery.attempts[0].error, JSON.stringify(delivery.attempts[0]));
      assert.equal(Date.parse(delivery.nextAttemptAt), t.clock.now() + 5000);
    }
    assert.ok(webhooks.some((d: any) => /ECONNREFUSED/.test(d.attempts[0].error)));
  });

  it('plays the whole schedule (0, 5 s … 24 h) then gives up; replay sends it again', async (ctx) => {
    await clearEndpoints();
    const r = await freshReceiver();
    ctx.after(() => r.close());
    r.answer(() => ({ status: 503 }));
    await t.createEndpoint(r.url);
    const start = t.clock.now();
    await authorize();
    await t.settle();
    const times = [t.clock.now() - start];
    for (const delay of WEBHOOK_SCHEDULE.delaysMs.slice(1)) {
      await t.tick(delay);
      await r.waitFor(times.length + 1);
      times.push(t.clock.now() - start);
    }
    await t.tick(48 * HOUR);
    assert.equal(r.received.length, 10, 'ten attempts, no more');
    const cumulative = WEBHOOK_SCHEDULE.delaysMs.reduce<number[]>((sums, d) => [...sums, (sums.at(-1) ?? 0) + d], []);
    assert.deepEqual(times, cumulative);
    const { body } = await t.api('GET', '/api/events?type=payment.accepted&limit=1');
    const eventId = body.events[0].id;
    const failed = body.events[0].deliveries.find((d: any) => d.channel === 'webhook');
    assert.equal(failed.status, 'failed');
    assert.equal(failed.failureReason, 'gave up after 10 attempts');

    r.answer(() => ({ status: 200 }));
    const replay = await t.api('POST', `/api/events/${eventId}/replay`);
    assert.equal(replay.status, 202);
    await t.settle();
    await r.waitFor(11);
    const again = await t.api('GET', `/api/events/${eventId}`);
    const delivered = again.body.deliveries.find((d: any) => d.channel === 'webhook');
    assert.equal(delivered.status, 'delivered');
    assert.equal(delivered.attempts.length, 11);
  });

  it('disables an endpoint that answers 410, tells the merchant, and stops sending to it', async (ctx) => {
    await clearEndpoints();
    const r = await freshReceiver();
    ctx.after(() => r.close());
    r.answer(() => ({ status: 410 }));
    const { id } = await t.createEndpoint(r.url);
    await authorize();
    await t.settle();
    await r.waitFor(1);
    const endpoint = await t.api('GET', `/api/webhook-endpoints/${id}`);
    assert.equal(endpoint.body.enabled, false);
    assert.equal(endpoint.body.disabledReason, 'the endpoint answered 410 Gone');
    const disabled = await t.api('GET', '/api/events?type=webhook.endpoint.disabled&limit=1');
    assert.equal(disabled.body.events[0].data.endpointId, id);

    await authorize();
    await t.tick(HOUR);
    assert.equal(r.received.length, 1, 'nothing more is sent to a disabled endpoint');
  });

  it('disables an endpoint after 5 days of failures; replays the failed range once it is back', async (ctx) => {
    await clearEndpoints();
    const r = await freshReceiver();
    ctx.after(() => r.close());
    r.answer(() => ({ status: 500 }));
    const { id } = await t.createEndpoint(r.url);
    const from = new Date(t.clock.now()).toISOString();
    // One payment a day: each failing all day long, until 5 days of failure.
    for (let day = 0; day < 6; day++) {
      await authorize();
      await t.settle();
      for (let h = 0; h < 24; h += 2) await t.tick(2 * HOUR);
    }
    // Deliveries still pending when it was disabled fail at their next attempt.
    for (let h = 0; h < 48; h += 2) await t.tick(2 * HOUR);
    const endpoint = await t.api('GET', `/api/webhook-endpoints/${id}`);
    assert.equal(endpoint.body.enabled, false);
    assert.equal(endpoint.body.disabledReason, 'the endpoint failed every attempt for 5 days');
    assert.ok(Date.parse(endpoint.body.failingSince) <= t.clock.now() - DISABLE_AFTER_FAILING_MS);

    r.answer(() => ({ status: 200 }));
    const before = r.received.length;
    const enabled = await t.api('PATCH', `/api/webhook-endpoints/${id}`, { enabled: true });
    assert.equal(enabled.body.enabled, true);
    assert.equal(enabled.body.failingSince, undefined);
    const replay = await t.api('POST', '/api/events/replay', { from, to: new Date(t.clock.now()).toISOString() });
    assert.equal(replay.status, 202);
    assert.equal(replay.body.replayed, 6);
    await t.settle();
    await r.waitFor(before + 6);
    const ids = r.received.slice(before).map((request) => request.headers['webhook-id']);
    assert.equal(new Set(ids).size, 6);
  });

  it('sends only the event types an endpoint subscribed to', async (ctx) => {
    await clearEndpoints();
    const r = await freshReceiver();
    ctx.after(() => r.close());
    await t.createEndpoint(r.url, ['payment.captured']);
    const transactionId = await authorize();
    const capture = await t.call('doCapture', captureRequest(transactionId, 1000));
    assert.equal(capture.result.code, '00000');
    await t.settle();
    await r.waitFor(1);
    assert.equal(r.received.length, 1);
    assert.equal(JSON.parse(r.received[0]!.body).type, 'payment.captured');
  });
});
