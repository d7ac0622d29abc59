import { createHash } from 'node:crypto';
import { Cluster, Command } from 'ioredis';
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

  /**
   * `alone`: the call goes out at once, in the caller's turn, outside ioredis's auto-pipeline (a
   * commit on a request's path: it has nothing to share a pipeline with, which would only add a
   * Pipeline and a tick per call). Otherwise the calls made in one turn (a batch of background
   * reads) share one write.
   */
  async run(script: LuaScript, keys: readonly string[], args: readonly string[], alone = false): Promise<unknown> {
    if (!this.#loaded) await this.load();
    try {
      return await this.#send('evalsha', this.#shas.get(script)!, keys, args, alone);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return await this.#send('eval', script.lua, keys, args, alone);
    }
  }

  #send(name: 'evalsha' | 'eval', script: string, keys: readonly string[], args: readonly string[], alone: boolean): Promise<unknown> {
    if (!alone) return this.#redis[name](script, keys.length, ...keys, ...args);
    const command = new Command(name, [script, keys.length, ...keys, ...args], { replyEncoding: 'utf8' });
    void this.#redis.sendCommand(command);
    return command.promise;
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
