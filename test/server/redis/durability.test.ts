import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { durabilityWarnings, type RedisDurabilitySettings } from '../../../server/redis/durability.js';

/* The judgement of a Redis server's persistence and eviction settings, as CONFIG GET gives them. */

const SAFE: RedisDurabilitySettings = { appendonly: 'yes', appendfsync: 'everysec', save: '', maxmemory: '0', 'maxmemory-policy': 'noeviction' };

const cases: Array<[string, Partial<RedisDurabilitySettings>, Array<[string, RegExp]>]> = [
  ['AOF fsynced every second, no memory limit', {}, []],
  ['AOF fsynced at every write, with RDB snapshots too', { appendfsync: 'always', save: '3600 1 300 100' }, []],
  ['a memory limit that refuses writes when reached', { maxmemory: '104857600', 'maxmemory-policy': 'noeviction' }, []],
  ['an eviction policy without a memory limit (nothing is ever evicted)', { 'maxmemory-policy': 'allkeys-lru' }, []],
  ['no AOF and no RDB', { appendonly: 'no', save: '' }, [['appendonly', /^Redis keeps nothing on disk \(appendonly no, save ""\): a Redis restart loses every one of its payments/]]],
  ['RDB snapshots only', { appendonly: 'no', save: '3600 1' }, [['appendonly', /^Redis saves only RDB snapshots \(appendonly no, save "3600 1"\): a Redis crash loses every write since the last snapshot/]]],
  ['AOF flushed when the system likes', { appendfsync: 'no' }, [['appendfsync', /\(appendfsync no\): a machine crash or power cut loses about the last 30 seconds of writes/]]],
  ['AOF off: appendfsync does not matter', { appendonly: 'no', appendfsync: 'no', save: '60 1' }, [['appendonly', /RDB snapshots/]]],
  ['allkeys-lru with a limit', { maxmemory: '104857600', 'maxmemory-policy': 'allkeys-lru' }, [['maxmemory-policy', /^Redis may evict keys \(maxmemory 104857600 bytes, maxmemory-policy allkeys-lru\): once full it deletes payments/]]],
  ['volatile-ttl with a limit (keys with a lifetime go first)', { maxmemory: '1', 'maxmemory-policy': 'volatile-ttl' }, [['maxmemory-policy', /maxmemory-policy volatile-ttl/]]],
  [
    'everything wrong at once: one warning per setting',
    { appendonly: 'no', save: '', maxmemory: '1048576', 'maxmemory-policy': 'allkeys-random' },
    [['appendonly', /keeps nothing/], ['maxmemory-policy', /allkeys-random/]],
  ],
];

describe('durabilityWarnings', () => {
  for (const [name, change, expected] of cases) {
    it(name, () => {
      const warnings = durabilityWarnings({ ...SAFE, ...change });
      assert.deepEqual(warnings.map((w) => w.setting), expected.map(([setting]) => setting));
      warnings.forEach((warning, i) => {
        assert.match(warning.message, expected[i]![1]);
        assert.equal(warning.value, { ...SAFE, ...change }[warning.setting]);
        assert.doesNotMatch(warning.message, /\n/, 'one line');
      });
    });
  }

  it('judges nothing a server did not give (an old or restricted server)', () => {
    assert.deepEqual(durabilityWarnings({}), []);
    assert.deepEqual(durabilityWarnings({ appendonly: 'no' }), [], 'without save, whether RDB runs is unknown');
    assert.deepEqual(durabilityWarnings({ maxmemory: '5' }), []);
  });
});
