import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SANDBOX_AUTH, startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, card, creditRequest, debitRequest, webPaymentRequest } from '../support/requests.js';
import { assertCode, basicAuth, callAs, expectCode } from '../support/api-helpers.js';

/** The JSON face as HTTP: 404, 401, 400, 413, /health, and what never reaches the logs. */
describe('JSON face over HTTP', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    gw.fetch(path, { method: 'POST', headers: { authorization: SANDBOX_AUTH, 'content-type': 'application/json', ...headers }, body });

  it('answers 404 to an unknown operation, with or without credentials', async () => {
    for (const headers of [{}, { authorization: '' }] as Record<string, string>[]) {
      const response = await post('/v4/doTeleportation', '{}', headers);
      assert.equal(response.status, 404);
      assert.deepEqual(await response.json(), { error: { status: 404, message: 'unknown operation doTeleportation' } });
    }
    assert.equal((await gw.fetch('/v4/doAuthorization')).status, 404, 'GET is not an operation');
    assert.equal((await post('/v5/doAuthorization', '{}')).status, 404);
  });

  const badCredentials: ReadonlyArray<[string, string | undefined]> = [
    ['no Authorization header', undefined],
    ['a Bearer token', 'Bearer demo-access-key'],
    ['Basic without a colon', 'Basic ' + Buffer.from('demo-merchant').toString('base64')],
    ['Basic that is not base64', 'Basic ***'],
    ['an unknown merchant', basicAuth('nobody', 'demo-access-key')],
    ['a wrong access key', basicAuth('demo-merchant', 'wrong-key-S3cr3t')],
    ['an empty access key', basicAuth('demo-merchant', '')],
  ];
  for (const [label, authorization] of badCredentials) {
    it(`answers 401 with a Basic challenge to ${label}`, async () => {
      const answer = await callAs(gw, authorization, 'doAuthorization', authorizationRequest(1000));
      assert.equal(answer.status, 401);
      assert.match(answer.headers.get('www-authenticate') ?? '', /^Basic realm="Guichet"/);
      assert.equal(answer.body.error.status, 401);
      assert.equal(answer.body.result, undefined, 'no Payline answer without credentials');
    });
  }

  it('never writes access keys or Authorization headers to the logs', async () => {
    await callAs(gw, basicAuth('demo-merchant', 'wrong-key-S3cr3t'), 'doAuthorization', authorizationRequest(1000));
    await expectCode(gw, 'doAuthorization', authorizationRequest(1000), '00000');
    const logs = gw.logs.join('');
    assert.ok(logs.includes('authentication failed'), 'the failure itself is logged');
    for (const secret of ['demo-access-key', 'wrong-key-S3cr3t', SANDBOX_AUTH.slice(6), basicAuth('demo-merchant', 'wrong-key-S3cr3t').slice(6)]) {
      assert.ok(!logs.includes(secret), `logs hold ${secret}`);
    }
  });

  it('answers 400 to a body that is not a JSON object or array', async () => {
    for (const body of ['{"version": "34",', 'version=34', '"doAuthorization"', 'null']) {
      const response = await post('/v4/doAuthorization', body);
      assert.equal(response.status, 400, `body ${JSON.stringify(body)}`);
      assert.deepEqual(await response.json(), { error: { status: 400, message: 'request body is not valid JSON' } });
    }
    // An empty body reads as {}: a Payline answer naming the first missing field.
    const empty = await post('/v4/doAuthorization', '');
    assert.equal(empty.status, 200);
    assert.equal(((await empty.json()) as any).result.longMessage, 'version is required');
  });

  it('answers 413 to a body over 64 kB, and takes one just under', async () => {
    const padded = (size: number) => {
      const body = { ...authorizationRequest(1000), padding: '' };
      body.padding = 'x'.repeat(size - JSON.stringify(body).length);
      return JSON.stringify(body);
    };
    const over = await post('/v4/doAuthorization', padded(64 * 1024 + 1));
    assert.equal(over.status, 413);
    assert.deepEqual(await over.json(), { error: { status: 413, message: 'request body too large' } });
    const under = await post('/v4/doAuthorization', padded(64 * 1024 - 1));
    assert.equal(under.status, 200);
    assertCode(await under.json(), '00000');
  });

  it('reads JSON whatever the content type says, and answers JSON', async () => {
    const response = await post('/v4/doAuthorization', JSON.stringify(authorizationRequest(1000)), { 'content-type': 'text/plain' });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assertCode(await response.json(), '00000');
  });

  it('answers /health without credentials', async () => {
    const response = await gw.fetch('/health');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok', store: 'memory', acquirer: 'simulator' });
  });

  it('never writes a card number or a CVV to the logs, whatever the request', async () => {
    const cvx = '846';
    const pans = ['4970101122334455', '5555555555554444', '4970110000012083', '4970101122334456'];
    const cards = pans.map((number) => ({ ...card(number, number.startsWith('5') ? 'MASTERCARD' : 'CB'), cvx }));
    await gw.call('doAuthorization', authorizationRequest(1000, { card: cards[0] }));
    await gw.call('doDebit', debitRequest(1000, { card: cards[1] }));
    await gw.call('doCredit', creditRequest(1000, { card: cards[2] }));
    await gw.call('doAuthorization', authorizationRequest(1000, { card: cards[3] })); // Luhn failure
    await gw.call('doAuthorization', authorizationRequest(1000, { card: { ...cards[0], cvx: '84a' } })); // bad CVV
    const token = (await gw.call('doWebPayment', webPaymentRequest(1000))).token;
    await gw.fetch(`/widget/sessions/${token}/pay`, { method: 'POST', body: JSON.stringify({ card: cards[0] }) });
    await post('/v4/doAuthorization', JSON.stringify(authorizationRequest(1000, { card: cards[0] })).slice(0, -1)); // 400
    await post('/v4/doAuthorization', JSON.stringify({ card: cards[0], padding: 'x'.repeat(70_000) })); // 413
    await callAs(gw, basicAuth('demo-merchant', 'nope'), 'doAuthorization', authorizationRequest(1000, { card: cards[0] })); // 401
    const logs = gw.logs.join('');
    assert.ok(logs.length > 0);
    for (const pan of pans) assert.ok(!logs.includes(pan), `logs hold the card number ${pan}`);
    assert.ok(!/"cvx"/i.test(logs), 'logs hold a cvx field');
    assert.ok(!logs.includes(`"${cvx}"`) && !/cvx\D{0,5}846/i.test(logs), 'logs hold the CVV');
  });
});
