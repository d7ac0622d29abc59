import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { parseClusterUrl } from '../store/redis/redis-connection.js';

/**
 * Live events across gateway processes (REDIS_URL): socket.io's Redis Streams adapter appends
 * every room emit to one Redis stream that each process reads, so a widget connected to process
 * B gets what process A's outbox emitted. The stream also serves connection state recovery: a
 * client that comes back, to any process, within the recovery window and before its offset is
 * trimmed away, is sent what it missed. The adapter has connections of its own, apart from the
 * store's: one to publish, given here, and the copies it makes to read the stream and to
 * subscribe, which `close` ends at once instead of waiting out a blocking read.
 */
export interface LiveAdapter {
  /** For socket.io's `adapter` option. */
  adapter: ReturnType<typeof createAdapter>;
  /** The publishing connection (gateway.ts also reads the servers' durability settings with it). */
  redis: Redis | Cluster;
  /** Ends every connection of the adapter; call it once socket.io is closed. */
  close(): Promise<void>;
}

/** Where the adapter's records live, apart from the store's keys. */
const STREAM = 'guichet:live';
/**
 * Room messages the stream keeps (XADD MAXLEN ~): each payment event makes one to three, so at
 * 100 payments a second this covers the two-minute recovery window; a client whose offset was
 * trimmed reconnects without recovery and is sent the session state instead (socket-server.ts).
 */
const STREAM_LENGTH = 50_000;
/** A stream read blocks this long at most (ms) before the reader loops. */
const READ_BLOCK_MS = 5000;

/**
 * A copy the adapter made. Ending it twice is ending it once: the adapter ends its stream reader
 * again when the read fails, and ioredis would then wait two seconds for a socket already closed.
 */
class CopyRedis extends Redis {
  #ended = false;

  override disconnect(reconnect = false): void {
    if (!reconnect) {
      if (this.#ended) return;
      this.#ended = true;
    }
    super.disconnect(reconnect);
  }
}

/** A connection that remembers the copies made of it (`duplicate`, as ioredis does it), so they can all be closed. */
class ParentRedis extends Redis {
  readonly copies = new Set<Redis>();

  override duplicate(override?: Partial<RedisOptions>): Redis {
    const copy = new CopyRedis({ ...this.options, ...override });
    this.copies.add(copy);
    return copy;
  }
}

/**
 * A Cluster connection that remembers its copies. Not a subclass: the adapter recognises a
 * Cluster by its constructor's name. Its one stream key lives on one node, as any key does.
 */
function clusterWithCopies(url: string, options: RedisOptions): Cluster & { copies: Set<Cluster> } {
  const seeds = parseClusterUrl(url)!;
  const credentials = { ...(seeds.username ? { username: seeds.username } : {}), ...(seeds.password ? { password: seeds.password } : {}) };
  const cluster = Object.assign(new Cluster(seeds.nodes, { redisOptions: { ...options, ...credentials } }), { copies: new Set<Cluster>() });
  const duplicate = cluster.duplicate.bind(cluster);
  cluster.duplicate = (...args: Parameters<Cluster['duplicate']>) => {
    const copy = duplicate(...args);
    cluster.copies.add(copy);
    return copy;
  };
  return cluster;
}

export function openLiveAdapter(url: string): LiveAdapter {
  // As the store's connection: a command fails after a few reconnection attempts instead of
  // waiting forever; the adapter retries its reads and publishes nothing while Redis is away.
  const options = { maxRetriesPerRequest: 3, connectTimeout: 5000 };
  const redis = parseClusterUrl(url) ? clusterWithCopies(url, options) : new ParentRedis(url, options);
  // Failures surface through the commands; without a listener each one would be an unhandled 'error' event.
  redis.on('error', () => {});
  const adapter = createAdapter(redis, {
    streamName: STREAM,
    channelPrefix: STREAM,
    sessionKeyPrefix: `${STREAM}:session:`,
    maxLen: STREAM_LENGTH,
    blockTimeInMs: READ_BLOCK_MS,
    // Live events are JSON: no binary to look for.
    onlyPlaintext: true,
  });
  return {
    adapter,
    redis,
    async close() {
      for (const copy of redis.copies as Set<Redis | Cluster>) copy.disconnect();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
