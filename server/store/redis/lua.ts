import { createHash } from 'node:crypto';
import { Cluster } from 'ioredis';
import type { RedisClient } from './redis-connection.js';

/** A Lua script of the RedisStore: one file per script under scripts/, its header saying KEYS, ARGV and returns. */
export interface LuaScript {
  name: string;
  lua: string;
}

/**
 * Runs the store's scripts with EVALSHA, passing every key a script touches as KEYS. `load`
 * preloads them (SCRIPT LOAD on every master of a Cluster); a server that lacks one (restart,
 * SCRIPT FLUSH, a node that joined later) gets it through EVAL, on the node the keys live on.
 */
export class LuaScripts {
  readonly #redis: RedisClient;
  readonly #scripts: readonly LuaScript[];
  readonly #shas = new Map<LuaScript, string>();
  #loading: Promise<void> | undefined;
  /** Once loaded, a run waits for nothing before its EVALSHA. */
  #loaded = false;

  constructor(redis: RedisClient, scripts: readonly LuaScript[]) {
    this.#redis = redis;
    this.#scripts = scripts;
    for (const script of scripts) this.#shas.set(script, createHash('sha1').update(script.lua).digest('hex'));
  }

  /** Loads every script once; a failed load is tried again by the next call. */
  load(): Promise<void> {
    this.#loading ??= this.#loadAll().then(
      () => {
        this.#loaded = true;
      },
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }

  async run(script: LuaScript, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    if (!this.#loaded) await this.load();
    try {
      return await this.#redis.evalsha(this.#shas.get(script)!, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return await this.#redis.eval(script.lua, keys.length, ...keys, ...args);
    }
  }

  async #loadAll(): Promise<void> {
    const servers = this.#redis instanceof Cluster ? await readyMasters(this.#redis) : [this.#redis];
    await Promise.all(servers.flatMap((server) => this.#scripts.map((script) => server.script('LOAD', script.lua))));
  }
}

/** The masters of a Cluster, known once its client is ready. */
async function readyMasters(cluster: Cluster): Promise<RedisClient[]> {
  if (cluster.status !== 'ready') {
    await new Promise<void>((resolve, reject) => {
      cluster.once('ready', resolve);
      cluster.once('end', () => reject(new Error('the Redis Cluster connection ended')));
    });
  }
  return cluster.nodes('master');
}
