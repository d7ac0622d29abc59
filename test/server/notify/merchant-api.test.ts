import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { authorizationRequest } from '../support/requests.js';
import { PAYMENT_EVENTS, startNotifyTest, type NotifyTest } from './support/notify-harness.js';

/*
 * The merchant API under /api/: Basic auth, clear refusals for bad input, endpoints CRUD and
 * secrets, the event list with its deliveries.
 */

describe('merchant API /api/', () => {
  let t: NotifyTest;
  before(async () => {
    t = await startNotifyTest();
  });
  after(() => t.close());

  it('asks for the merchant’s Basic credentials', async () => {
    for (const path of ['/api/webhook-endpoints', '/api/events', '/api/event-types']) {
      const response = await t.fetch(path);
      assert.equal(response.status, 401, path);
      assert.match(response.headers.get('www-authenticate')!, /^Basic/);
    }
    assert.equal((await t.api('GET', '/api/events', undefined, 'Basic ' + Buffer.from('demo-merchant:nope').toString('base64'))).status, 401);
    assert.equal((await t.api('GET', '/api/nothing-here')).status, 404);
  });

  it('refuses a bad endpoint with the field and the reason', async () => {
    const cases: [unknown, RegExp][] = [
      [{ eventTypes: ['payment.accepted'] }, /url is required/],
      [{ url: 'https://shop.example/h' }, /eventTypes is required/],
      [{ url: 'ftp://shop.example/h', eventTypes: ['payment.accepted'] }, /url must use http or https/],
      [{ url: 'https://me:pw@shop.example/h', eventTypes: ['payment.accepted'] }, /url must not carry credentials/],
      [{ url: 'not a url', eventTypes: ['payment.accepted'] }, /url is not an absolute URL/],
      [{ url: 'https://shop.example/h', eventTypes: [] }, /eventTypes must be a non-empty list/],
      [{ url: 'https://shop.example/h', eventTypes: ['payment.teleported'] }, /unknown event type payment.teleported/],
      [{ url: 'https://shop.example/h', eventTypes: ['payment.accepted'], secret: 'hunter2' }, /secret must start with whsec_/],
      [{ url: 'https://shop.example/h', eventTypes: ['payment.accepted'], enabled: 'yes' }, /enabled must be true or false/],
    ];
    for (const [body, message] of cases) {
      const { status, body: answer } = await t.api('POST', '/api/webhook-endpoints', body);
      assert.equal(status, 400, JSON.stringify(body));
      assert.match(answer.error.message, message);
    }
    const garbled = await t.fetch('/api/webhook-endpoints', { method: 'POST', headers: { authorization: 'Basic ' + Buffer.from('demo-merchant:demo-access-key').toString('base64') }, body: '{"url":' });
    assert.equal(garbled.status, 400);
    assert.equal(((await garbled.json()) as any).error.message, 'request body is not valid JSON');
  });

  it('creates, reads, changes, rotates and deletes an endpoint; secrets only where asked for', async () => {
    const created = await t.api('POST', '/api/webhook-endpoints', { url: 'https://shop.example/hooks', eventTypes: ['payment.accepted', 'payment.accepted'], description: 'orders' });
    assert.equal(created.status, 201);
    const { id, secret } = created.body;
    assert.match(id, /^we_[0-9a-f]{16}$/);
    assert.match(secret, /^whsec_/);
    assert.deepEqual(created.body.eventTypes, ['payment.accepted']);
    const list = await t.api('GET', '/api/webhook-endpoints');
    const listed = list.body.endpoints.find((e: any) => e.id === id);
    assert.equal(listed.secret, undefined);
    assert.equal(listed.enabled, true);
    assert.equal((await t.api('GET', `/api/webhook-endpoints/${id}/secret`)).body.secret, secret);

    const changed = await t.api('PATCH', `/api/webhook-endpoints/${id}`, { eventTypes: PAYMENT_EVENTS, enabled: false });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.enabled, false);
    assert.equal(changed.body.disabledReason, 'disabled by the merchant');
    assert.equal((await t.api('PATCH', `/api/webhook-endpoints/${id}`, { url: 'javascript:alert(1)' })).status, 400);
    assert.equal((await t.api('PATCH', `/api/webhook-endpoints/${id}`, { secret: 'whsec_x' })).status, 400);

    const own = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
    const rotated = await t.api('POST', `/api/webhook-endpoints/${id}/secret/rotate`, { secret: own, graceSeconds: 60 });
    assert.equal(rotated.body.secret, own);
    assert.deepEqual(rotated.body.previousSecrets, [{ secret, expiresAt: new Date(t.clock.now() + 60_000).toISOString() }]);
    assert.equal((await t.api('POST', `/api/webhook-endpoints/${id}/secret/rotate`, { graceSeconds: 10 ** 9 })).status, 400);

    assert.equal((await t.api('DELETE', `/api/webhook-endpoints/${id}`)).status, 204);
    assert.equal((await t.api('GET', `/api/webhook-endpoints/${id}`)).status, 404);
    assert.equal((await t.api('DELETE', `/api/webhook-endpoints/${id}`)).status, 404);
  });

  it('lists events newest first, with their deliveries, filtered and paged', async () => {
    for (let i = 0; i < 3; i++) await t.call('doAuthorization', authorizationRequest(1000 + i, { action: 100 }));
    await t.settle();
    const all = await t.api('GET', '/api/events?limit=2&type=payment.accepted');
    assert.equal(all.status, 200);
    assert.deepEqual(all.body.events.map((e: any) => e.data.amount), [1002, 1001]);
    assert.ok(Array.isArray(all.body.events[0].deliveries));
    const next = await t.api('GET', `/api/events?limit=2&type=payment.accepted&before=${all.body.next}`);
    assert.deepEqual(next.body.events.map((e: any) => e.data.amount), [1000]);
    assert.equal(next.body.next, undefined);
    const later = await t.api('GET', `/api/events?from=${encodeURIComponent(new Date(t.clock.now() + 1000).toISOString())}`);
    assert.deepEqual(later.body.events, []);
    assert.match((await t.api('GET', '/api/events?from=yesterday')).body.error.message, /from must be an ISO 8601 date-time/);
    assert.equal((await t.api('GET', '/api/events?limit=0')).status, 400);
    assert.equal((await t.api('GET', '/api/events/evt_000000000000000000000000')).status, 404);
    assert.equal((await t.api('POST', '/api/events/replay', { from: 'x' })).status, 400);
    const types = await t.api('GET', '/api/event-types');
    assert.ok(types.body.eventTypes.some((e: any) => e.type === 'session.expired'));
  });
});
