import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it, mock } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { formatSecret, secretProblem, sign, signingSecrets, webhookHeaders } from '../../../server/notify/webhook-signature.js';

const NOW = Date.UTC(2026, 2, 2, 10, 0, 0);

describe('webhook signatures', () => {
  it('match the standardwebhooks reference implementation', () => {
    const secret = formatSecret(randomBytes(32));
    const body = JSON.stringify({ id: 'evt_1', type: 'payment.accepted', timestamp: new Date(NOW).toISOString(), data: { amount: 1000 } });
    assert.equal(sign(secret, 'evt_1', NOW / 1000, body), new Webhook(secret).sign('evt_1', new Date(NOW), body));
    const headers = webhookHeaders([secret], 'evt_1', NOW, body);
    assert.equal(headers['webhook-timestamp'], String(NOW / 1000));
    const clock = mock.method(Date, 'now', () => NOW);
    try {
      assert.deepEqual(new Webhook(secret).verify(body, headers), JSON.parse(body));
    } finally {
      clock.mock.restore();
    }
  });

  it('list one signature per live secret, space-separated', () => {
    const a = formatSecret(randomBytes(32));
    const b = formatSecret(randomBytes(24));
    const live = signingSecrets([{ secret: a, createdAt: NOW }, { secret: b, createdAt: NOW - 1, expiresAt: NOW + 1000 }, { secret: 'whsec_old', createdAt: 0, expiresAt: NOW }], NOW);
    assert.deepEqual(live, [a, b]);
    const signature = webhookHeaders(live, 'evt_2', NOW, '{}')['webhook-signature'];
    assert.match(signature, /^v1,[A-Za-z0-9+/]+=* v1,[A-Za-z0-9+/]+=*$/);
  });

  it('refuse secrets that are not whsec_ with 24 to 64 bytes of base64', () => {
    const cases: [string, RegExp | undefined][] = [
      [formatSecret(randomBytes(32)), undefined],
      [formatSecret(randomBytes(24)), undefined],
      [formatSecret(randomBytes(64)), undefined],
      [formatSecret(randomBytes(16)), /24 to 64 bytes/],
      [formatSecret(randomBytes(65)), /24 to 64 bytes/],
      ['sk_' + randomBytes(32).toString('base64'), /start with whsec_/],
      ['whsec_not base64!', /base64/],
    ];
    for (const [secret, problem] of cases) {
      if (problem) assert.match(secretProblem(secret) ?? '', problem, secret);
      else assert.equal(secretProblem(secret), undefined, secret);
    }
  });
});
