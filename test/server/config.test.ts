import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, readConfig } from '../../server/config.js';

describe('config', () => {
  it('has the documented defaults', () => {
    const config = readConfig({});
    assert.equal(config.port, 8080);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dataDir, './var');
    assert.equal(config.merchantsFile, undefined);
    assert.equal(config.sessionTtlMs, 15 * 60 * 1000);
    assert.equal(config.maxAttempts, 3);
    assert.equal(config.publicUrl, 'http://127.0.0.1:8080');
    assert.equal(config.timeZone, 'Europe/Paris');
    assert.equal(config.acquirerLatencyMs, 0);
    assert.equal(config.testClock, false);
    assert.equal(config.leaseMs, 60_000);
  });

  it('reads every variable', () => {
    const config = readConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      GUICHET_DATA_DIR: '/data',
      GUICHET_MERCHANTS: '/etc/m.json',
      GUICHET_SESSION_TTL_SECONDS: '60',
      GUICHET_MAX_ATTEMPTS: '5',
      GUICHET_PUBLIC_URL: 'https://pay.example/',
      GUICHET_TIME_ZONE: 'UTC',
      GUICHET_ACQUIRER_LATENCY_MS: '40',
      GUICHET_TEST_CLOCK: '1',
      GUICHET_LEASE_SECONDS: '2',
    });
    assert.deepEqual(
      [config.port, config.host, config.dataDir, config.merchantsFile, config.sessionTtlMs, config.maxAttempts, config.publicUrl, config.timeZone, config.acquirerLatencyMs, config.testClock, config.leaseMs],
      [9000, '0.0.0.0', '/data', '/etc/m.json', 60_000, 5, 'https://pay.example', 'UTC', 40, true, 2000],
    );
  });

  const bad: Array<[Record<string, string>, RegExp]> = [
    [{ PORT: 'eighty' }, /^PORT must be a whole number/],
    [{ PORT: '70000' }, /^PORT must be a whole number from 0 to 65535/],
    [{ GUICHET_MAX_ATTEMPTS: '0' }, /^GUICHET_MAX_ATTEMPTS/],
    [{ GUICHET_SESSION_TTL_SECONDS: '-5' }, /^GUICHET_SESSION_TTL_SECONDS/],
    [{ GUICHET_TIME_ZONE: 'Mars/Olympus' }, /^GUICHET_TIME_ZONE/],
    [{ GUICHET_PUBLIC_URL: 'pay.example' }, /^GUICHET_PUBLIC_URL/],
    [{ GUICHET_TEST_CLOCK: 'yes' }, /^GUICHET_TEST_CLOCK/],
    [{ GUICHET_LEASE_SECONDS: '0' }, /^GUICHET_LEASE_SECONDS must be a whole number from 1 to 3600/],
  ];
  for (const [env, message] of bad) {
    it(`refuses ${JSON.stringify(env)} naming the variable`, () => {
      assert.throws(() => readConfig(env), (error: unknown) => error instanceof ConfigError && message.test(error.message));
    });
  }
});
