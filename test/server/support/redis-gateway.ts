import { startTestGateway, type TestGateway } from './gateway-harness.js';
import { startRedis } from './redis-process.js';

/**
 * A test gateway on a redis-server of its own (REDIS_URL): what the "…on Redis" suites run. Its
 * `close` stops the gateway, then the server, even when the gateway fails to start.
 */
export async function startRedisGateway(env: Record<string, string> = {}): Promise<TestGateway> {
  const redis = await startRedis();
  let gw: TestGateway;
  try {
    gw = await startTestGateway({ ...env, REDIS_URL: redis.url });
  } catch (error) {
    await redis.stop();
    throw error;
  }
  return {
    ...gw,
    async close() {
      await gw.close();
      await redis.stop();
    },
  };
}
