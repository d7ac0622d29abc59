import { Redis } from 'ioredis';
import { startRedis } from '../../test/server/support/redis-process.js';
import type { RedisTally } from './redis-round-trips.js';

/**
 * The Redis of the benchmark's Redis target: a redis-server of its own per run (the tests'
 * starter: a free loopback port, a temporary folder), with the settings docs/OPERATIONS.md
 * recommends, and what Redis says it did: INFO commandstats (every command it ran, those run
 * inside Lua scripts included) and INFO cpu.
 */
export const BENCH_REDIS_SETTINGS = ['--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction'];

export interface RedisServerSnapshot {
  /** Calls per command name. */
  calls: Record<string, number>;
  /** CPU time redis-server has used (ms). */
  cpuMs: number;
}

export interface BenchRedis {
  url: string;
  snapshot(): Promise<RedisServerSnapshot>;
  stop(): Promise<void>;
}

export async function startBenchRedis(): Promise<BenchRedis> {
  const server = await startRedis({ settings: BENCH_REDIS_SETTINGS });
  const admin = new Redis(server.url);
  return {
    url: server.url,
    async snapshot() {
      const [stats, cpu] = await Promise.all([admin.info('commandstats'), admin.info('cpu')]);
      const calls: Record<string, number> = {};
      for (const [, name, count] of stats.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls[name!] = Number(count);
      const seconds = (field: string) => Number(new RegExp(`^${field}:([\\d.]+)`, 'm').exec(cpu)?.[1] ?? 0);
      return { calls, cpuMs: (seconds('used_cpu_user') + seconds('used_cpu_sys')) * 1000 };
    },
    async stop() {
      await admin.quit();
      await server.stop();
    },
  };
}

/** A measured run's Redis costs, per answered doAuthorization. */
export interface RedisFigures {
  /** Sent by the gateway while handling the request (redis-round-trips.ts). */
  requestCommands: number;
  requestRoundTrips: number;
  /** Sent by the gateway process in all, the outbox dispatch, live events and jobs included. */
  processCommands: number;
  /** Run by redis-server, Lua's calls included (INFO commandstats). */
  serverCommands: number;
  /** The commands redis-server ran, most first. */
  serverCommandsByName: Record<string, number>;
  /** Share of one core redis-server used. */
  serverCpu: number;
}

export function redisFigures(
  server: { before: RedisServerSnapshot; after: RedisServerSnapshot },
  gateway: { before: RedisTally; after: RedisTally },
  seconds: number,
): RedisFigures {
  const requests = Math.max(1, gateway.after.requests - gateway.before.requests);
  const per = (after: number, before: number) => (after - before) / requests;
  const total = (snapshot: RedisServerSnapshot) => Object.values(snapshot.calls).reduce((sum, calls) => sum + calls, 0);
  const byName = Object.entries(server.after.calls)
    .map(([name, calls]) => [name, per(calls, server.before.calls[name] ?? 0)] as const)
    .filter(([, perRequest]) => perRequest >= 0.01)
    .sort((a, b) => b[1] - a[1]);
  return {
    requestCommands: per(gateway.after.requestCommands, gateway.before.requestCommands),
    requestRoundTrips: per(gateway.after.requestRoundTrips, gateway.before.requestRoundTrips),
    processCommands: per(gateway.after.commands, gateway.before.commands),
    serverCommands: per(total(server.after), total(server.before)),
    serverCommandsByName: Object.fromEntries(byName),
    serverCpu: (server.after.cpuMs - server.before.cpuMs) / (seconds * 1000),
  };
}
