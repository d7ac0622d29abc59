import type { Clock } from '../core/clock.js';
import { MemoryStore } from './memory/memory-store.js';
import { RedisStore, type RedisRetention } from './redis/redis-store.js';
import type { Store } from './store.js';

/** Which backend to run, with what it needs. */
export type StoreConfig = { kind: 'memory'; clock: Clock } | { kind: 'redis'; url: string; clock: Clock; retention?: Partial<RedisRetention> };

/** The only place that picks a Store backend; the rest of the server sees `Store`. */
export function createStore(config: StoreConfig): Store {
  switch (config.kind) {
    case 'memory':
      return new MemoryStore({ clock: config.clock });
    case 'redis':
      return new RedisStore({ url: config.url, clock: config.clock, ...(config.retention ? { retention: config.retention } : {}) });
  }
}
