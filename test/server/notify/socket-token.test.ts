import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { issueSocketToken, SOCKET_TOKEN_TTL_MS, verifySocketToken } from '../../../server/notify/socket-token.js';

describe('socket merchant tokens', () => {
  const key = randomBytes(32);
  const NOW = 1_000_000;

  it('name their merchant until they expire', () => {
    const { token, expiresAt } = issueSocketToken(key, 'M1', NOW);
    assert.equal(expiresAt, NOW + SOCKET_TOKEN_TTL_MS);
    assert.equal(verifySocketToken(key, token, NOW), 'M1');
    assert.equal(verifySocketToken(key, token, expiresAt - 1), 'M1');
    assert.equal(verifySocketToken(key, token, expiresAt), undefined);
  });

  it('refuse another key, a changed payload and garbage', () => {
    const { token } = issueSocketToken(key, 'M1', NOW);
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ m: 'M2', exp: NOW + 1e9 })).toString('base64url');
    for (const bad of [`${forged}.${signature}`, `${payload}.${signature}x`, `${payload}`, `${token}.x`, '', 'a.b']) {
      assert.equal(verifySocketToken(key, bad, NOW), undefined, bad);
    }
    assert.equal(verifySocketToken(randomBytes(32), token, NOW), undefined);
  });
});
