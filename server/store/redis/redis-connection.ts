import { Cluster, Redis } from 'ioredis';

/**
 * Opens the RedisStore's connection from its URL:
 * - `redis://[user:password@]host:port[/db]` or `rediss://…`: one Redis server (standalone, or a
 *   primary with its replicas behind a proxy);
 * - `redis-cluster://[user:password@]host:port[,host:port…]`: a Redis Cluster, reached through
 *   any of the listed nodes (the client learns the rest); TLS is not offered for Cluster here.
 * Commands fail after a few reconnection attempts instead of waiting forever, so a request meets
 * a Redis outage as an error (HTTP 500, logged) rather than hanging.
 */

export type RedisClient = Redis | Cluster;

export interface RedisConnection {
  client: RedisClient;
  /** Cluster mode: a script (hence a commit) may touch one hash slot only. */
  cluster: boolean;
}

const CLUSTER_URL = /^redis-cluster:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/@]+?)\/?$/;

/** The seed nodes and credentials of a `redis-cluster://` URL, or undefined for another URL. */
export function parseClusterUrl(url: string): { nodes: { host: string; port: number }[]; username?: string; password?: string } | undefined {
  const match = CLUSTER_URL.exec(url);
  if (!match) return undefined;
  const nodes = match[3]!.split(',').map((node) => {
    const at = node.lastIndexOf(':');
    const port = Number(node.slice(at + 1));
    if (at <= 0 || !Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`redis-cluster URL: "${node}" is not host:port`);
    return { host: node.slice(0, at).replace(/^\[(.*)\]$/, '$1'), port };
  });
  return {
    nodes,
    ...(match[1] ? { username: decodeURIComponent(match[1]) } : {}),
    ...(match[2] ? { password: decodeURIComponent(match[2]) } : {}),
  };
}

export function connectRedis(url: string): RedisConnection {
  const common = { maxRetriesPerRequest: 3, connectTimeout: 5000 };
  const cluster = parseClusterUrl(url);
  // Commands issued in the same tick share one round trip per node (the store's reads that span
  // merchants ask every scope at once).
  const client: RedisClient = cluster
    ? new Cluster(cluster.nodes, {
        enableAutoPipelining: true,
        // ioredis groups an auto-pipeline by the slot of a command's first argument, which for
        // EVALSHA is the script's hash, not a key: scripts go on their own.
        autoPipeliningIgnoredCommands: ['evalsha', 'eval'],
        clusterRetryStrategy: (attempts) => (attempts > 3 ? null : 200 * attempts),
        redisOptions: { ...common, ...(cluster.username ? { username: cluster.username } : {}), ...(cluster.password ? { password: cluster.password } : {}) },
      })
    : new Redis(url, { ...common, enableAutoPipelining: true });
  // Connection errors surface through the failing commands; without a listener ioredis would
  // print each one as an unhandled 'error' event.
  client.on('error', () => {});
  return { client, cluster: cluster !== undefined };
}
