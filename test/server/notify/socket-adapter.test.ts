import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { io as connect } from 'socket.io-client';
import { startTestGateway } from '../support/gateway-harness.js';
import { startRedis, type RedisProcess } from '../support/redis-process.js';
import { authorizationRequest } from '../support/requests.js';

/*
 * The live adapter's Redis connections (REDIS_URL): live events go through the `guichet:live`
 * stream, and closing the gateway ends every connection it opened, at once, the adapter's
 * stream reader blocked in XREAD included. (Across processes: test/server/multiprocess.)
 */

describe('socket.io on Redis', () => {
  let redis: RedisProcess;
  let admin: Redis;
  before(async () => {
    redis = await startRedis();
    admin = new Redis(redis.url);
  });
  after(async () => {
    await admin.quit();
    await redis.stop();
  });

  /** Clients of the server other than `admin`. */
  const others = async (): Promise<number> => ((await admin.client('LIST')) as string).trim().split('\n').filter((line: string) => !line.includes(' cmd=client|list')).length;

  it('carries room emits through the live stream, and closes every connection on close', async () => {
    const gw = await startTestGateway({ REDIS_URL: redis.url });
    const socket = connect(gw.url, { auth: { merchantId: 'demo-merchant', accessKey: 'demo-access-key' }, transports: ['websocket'], reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const received = new Promise((resolve) => socket.once('event', resolve));
      const paid = await gw.call('doAuthorization', authorizationRequest(500));
      assert.equal(paid.result.code, '00000');
      await gw.gateway.notify.settled();
      assert.equal(((await received) as { data: { paymentId: string } }).data.paymentId, paid.transaction.id);
      assert.ok((await admin.xlen('guichet:live')) >= 1, 'the emit went through the stream');
      assert.ok((await others()) >= 4, 'the store and the live adapter are connected');
    } finally {
      socket.disconnect();
    }
    const started = Date.now();
    await gw.close();
    for (let i = 0; (await others()) > 0; i++) {
      assert.ok(i < 50, `${await others()} connections still open 500 ms after close`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.ok(Date.now() - started < 1000, 'closed at once, without waiting out a blocking read');
  });
});
