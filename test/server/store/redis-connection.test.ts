import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseClusterUrl } from '../../../server/store/redis/redis-connection.js';

describe('redis-cluster:// URLs', () => {
  it('give the seed nodes and the credentials', () => {
    assert.deepEqual(parseClusterUrl('redis-cluster://127.0.0.1:7000,127.0.0.1:7001'), {
      nodes: [{ host: '127.0.0.1', port: 7000 }, { host: '127.0.0.1', port: 7001 }],
    });
    assert.deepEqual(parseClusterUrl('redis-cluster://app:s%40cret@redis-a:7000,[::1]:7001/'), {
      nodes: [{ host: 'redis-a', port: 7000 }, { host: '::1', port: 7001 }],
      username: 'app',
      password: 's@cret',
    });
  });

  it('leave other URLs to the standalone client, and refuse a node without a port', () => {
    assert.equal(parseClusterUrl('redis://127.0.0.1:6379'), undefined);
    assert.throws(() => parseClusterUrl('redis-cluster://127.0.0.1'), /"127.0.0.1" is not host:port/);
    assert.throws(() => parseClusterUrl('redis-cluster://a:1,b:99999'), /"b:99999" is not host:port/);
  });
});
