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
    assert.equal(config.redisUrl, undefined);
    assert.equal(config.eventRetentionMs, 7 * 86_400_000);
    assert.equal(config.sessionRetentionMs, 30 * 86_400_000);
    assert.equal(config.leaseMs, 60_000);
  });

  it('reads the Redis settings: one server or a cluster, and the retention periods', () => {
    assert.equal(readConfig({ REDIS_URL: 'rediss://user:pw@redis.example:6380/2' }).redisUrl, 'rediss://user:pw@redis.example:6380/2');
    assert.equal(readConfig({ REDIS_URL: 'redis-cluster://10.0.0.1:7000,10.0.0.2:7000' }).redisUrl, 'redis-cluster://10.0.0.1:7000,10.0.0.2:7000');
    const config = readConfig({ GUICHET_EVENT_RETENTION_DAYS: '2', GUICHET_SESSION_RETENTION_DAYS: '90' });
    assert.deepEqual([config.eventRetentionMs, config.sessionRetentionMs], [2 * 86_400_000, 90 * 86_400_000]);
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
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, /^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL, or redis-cluster:\/\/host:port/],
    [{ REDIS_URL: 'redis-cluster://127.0.0.1' }, /^REDIS_URL/],
    [{ REDIS_URL: 'redis-cluster://a:1,,b:2' }, /^REDIS_URL/],
    [{ GUICHET_EVENT_RETENTION_DAYS: '0' }, /^GUICHET_EVENT_RETENTION_DAYS must be a whole number from 1 to 3650/],
    [{ GUICHET_SESSION_RETENTION_DAYS: 'week' }, /^GUICHET_SESSION_RETENTION_DAYS/],
    [{ GUICHET_LEASE_SECONDS: '0' }, /^GUICHET_LEASE_SECONDS must be a whole number from 1 to 3600/],
  ];
  for (const [env, message] of bad) {
    it(`refuses ${JSON.stringify(env)} naming the variable`, () => {
      assert.throws(() => readConfig(env), (error: unknown) => error instanceof ConfigError && message.test(error.message));
    });
  }
});
