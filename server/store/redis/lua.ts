import type { Redis } from 'ioredis';

/** A Lua script of the RedisStore: one file per script under scripts/, its header saying KEYS, ARGV and returns. */
export interface LuaScript {
  name: string;
  lua: string;
}

/**
 * Loads the store's scripts (SCRIPT LOAD) and runs them with EVALSHA, passing every key a script
 * touches as KEYS. A server that lost its script cache (restart, SCRIPT FLUSH) gets it again.
 */
export class LuaScripts {
  readonly #redis: Redis;
  readonly #scripts: readonly LuaScript[];
  readonly #shas = new Map<LuaScript, string>();
  #loading: Promise<void> | undefined;

  constructor(redis: Redis, scripts: readonly LuaScript[]) {
    this.#redis = redis;
    this.#scripts = scripts;
  }

  /** Loads every script once; a failed load is tried again by the next call. */
  load(): Promise<void> {
    this.#loading ??= Promise.all(this.#scripts.map((script) => this.#loadOne(script))).then(
      () => undefined,
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }

  async run(script: LuaScript, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    await this.load();
    try {
      return await this.#redis.evalsha(this.#shas.get(script)!, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      await this.#loadOne(script);
      return await this.#redis.evalsha(this.#shas.get(script)!, keys.length, ...keys, ...args);
    }
  }

  async #loadOne(script: LuaScript): Promise<void> {
    this.#shas.set(script, String(await this.#redis.script('LOAD', script.lua)));
  }
}
