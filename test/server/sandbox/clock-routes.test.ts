import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SANDBOX_AUTH, startTestGateway, TEST_EPOCH, type TestGateway } from '../support/gateway-harness.js';
import { VERSION, webPaymentRequest } from '../support/requests.js';

/** The sandbox test clock over HTTP: read it, move it, and see the jobs that fall due run. */
describe('/sandbox/clock', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway({ GUICHET_TEST_CLOCK: '1' })));
  after(() => gw.close());

  const move = (body: unknown, authorization = SANDBOX_AUTH) =>
    gw.fetch('/sandbox/clock', { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('needs the merchant credentials', async () => {
    assert.equal((await gw.fetch('/sandbox/clock')).status, 401);
    assert.equal((await move({ advanceSeconds: 1 }, 'Basic ' + Buffer.from('demo-merchant:wrong').toString('base64'))).status, 401);
    assert.equal(gw.clock.now(), TEST_EPOCH, 'a refused request moves nothing');
  });

  it('reads the clock', async () => {
    const answer = (await (await gw.fetch('/sandbox/clock', { headers: { authorization: SANDBOX_AUTH } })).json()) as { now: string; ms: number };
    assert.deepEqual(answer, { now: new Date(gw.clock.now()).toISOString(), ms: gw.clock.now() });
  });

  it('moves forward and runs what falls due: a session expires (02324)', async () => {
    const { token } = await gw.call('doWebPayment', webPaymentRequest(1000));
    const moved = (await (await move({ advanceSeconds: 15 * 60 })).json()) as { ms: number; jobsRun: number };
    assert.equal(moved.ms, gw.clock.now());
    assert.ok(moved.jobsRun >= 1, `jobs run: ${moved.jobsRun}`);
    assert.equal((await gw.call('getWebPaymentDetails', { version: VERSION, token })).result.code, '02324');
    const set = (await (await move({ set: new Date(gw.clock.now() + 86_400_000).toISOString() })).json()) as { ms: number };
    assert.equal(set.ms, gw.clock.now());
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['a negative step', { advanceSeconds: -1 }, /advanceSeconds must be a whole number/],
    ['a fraction', { advanceSeconds: 1.5 }, /advanceSeconds must be a whole number/],
    ['a step as text', { advanceSeconds: '60' }, /advanceSeconds must be a whole number/],
    ['a date that is no date', { set: 'tomorrow' }, /set must be an ISO 8601 date/],
    ['a date in the past', { set: '2000-01-01T00:00:00Z' }, /only moves forward/],
    ['nothing to do', {}, /give advanceSeconds or set/],
  ];
  for (const [name, body, message] of bad) {
    it(`refuses ${name} with 400 and moves nothing`, async () => {
      const before = gw.clock.now();
      const response = await move(body);
      assert.equal(response.status, 400);
      assert.match(((await response.json()) as { error: { message: string } }).error.message, message);
      assert.equal(gw.clock.now(), before);
    });
  }
});
