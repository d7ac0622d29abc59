import type { Cluster, Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';
import { DURABILITY_SETTINGS, durabilityWarnings, type RedisDurabilitySettings } from './durability.js';

/**
 * The start-up check of the Redis server's durability (REDIS_URL): reads its persistence and
 * eviction settings and logs one warning per setting that could lose data. Managed services often
 * refuse CONFIG; the check then says it could not be made. It never stops the start: the operator
 * may have reasons, and the warnings say what they risk.
 */
export async function checkRedisDurability(redis: Redis | Cluster, logger: Logger): Promise<void> {
  if (!('nodes' in redis)) return checkServer(redis, logger);
  // A Cluster: every master holds part of the data, so each one is checked.
  await redis.ping().catch(() => undefined);
  for (const master of redis.nodes('master')) await checkServer(master, logger.child({ redisNode: `${master.options.host}:${master.options.port}` }));
}

async function checkServer(redis: Redis, logger: Logger): Promise<void> {
  let settings: RedisDurabilitySettings;
  try {
    settings = await readDurabilitySettings(redis);
  } catch (error) {
    logger.warn(
      { err: error },
      'could not check the Redis durability settings (CONFIG GET was refused or failed): make sure Redis persists (appendonly yes) and never evicts keys (maxmemory-policy noeviction), or payments it acknowledged can be lost',
    );
    return;
  }
  for (const warning of durabilityWarnings(settings)) logger.warn({ redisSetting: warning.setting, value: warning.value }, warning.message);
}

/** One CONFIG GET per setting (older servers take one pattern each), in one round trip. */
async function readDurabilitySettings(redis: Redis): Promise<RedisDurabilitySettings> {
  const pipeline = redis.pipeline();
  for (const name of DURABILITY_SETTINGS) pipeline.config('GET', name);
  const replies = (await pipeline.exec()) ?? [];
  const settings: RedisDurabilitySettings = {};
  replies.forEach(([error, reply], i) => {
    if (error) throw error;
    const name = DURABILITY_SETTINGS[i]!;
    const [returned, value] = reply as string[];
    if (returned === name && value !== undefined) settings[name] = value;
  });
  return settings;
}
