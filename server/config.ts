/**
 * The gateway's settings, read from the environment once, in main.ts. A bad value stops the
 * start-up with a message that names the variable.
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Path of a merchants file; absent: the built-in sandbox merchant. */
  merchantsFile?: string;
  /** GUICHET_DATA_KEY (hex or base64 of 32 bytes); absent: generated into the data folder. */
  dataKey?: string;
  sessionTtlMs: number;
  maxAttempts: number;
  /** The widget build served under /widget/ (GUICHET_WIDGET_DIR, default dist/widget). */
  widgetDir: string;
  /** Base URL shoppers reach the gateway at, for redirectURL. */
  publicUrl: string;
  timeZone: string;
  /** Simulated acquirer latency, to model a real bank in benchmarks. */
  acquirerLatencyMs: number;
  /** SMTP_URL (smtp:// or smtps://): emails go there; absent: .eml files in the data folder (/sandbox/mail). */
  smtpUrl?: string;
  /**
   * REDIS_URL: Redis is the store of record; absent: the memory store. `redis://` or `rediss://`
   * for one server, `redis-cluster://host:port[,host:port…]` for a Redis Cluster (any of its nodes).
   */
  redisUrl?: string;
  /** GUICHET_EVENT_RETENTION_DAYS: acknowledged outbox events older than this leave Redis. */
  eventRetentionMs: number;
  /** GUICHET_SESSION_RETENTION_DAYS: an ended web-payment session is kept this long in Redis. */
  sessionRetentionMs: number;
  /**
   * GUICHET_LEASE_SECONDS: how long work a process has taken (an outbox event, a scheduled job, a
   * delivery's first attempt) stays its own; should it die, another process takes it over then.
   */
  leaseMs: number;
  /** A sandbox test clock (/sandbox/clock) instead of the wall clock. */
  testClock: boolean;
  logLevel: string;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const DAY_MS = 24 * 3600 * 1000;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}`);
  return Number(raw);
}

function validTimeZone(name: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name;
  } catch {
    throw new ConfigError(`GUICHET_TIME_ZONE must be an IANA time zone such as Europe/Paris`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevel(name: string): string {
  if (!LOG_LEVELS.includes(name)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  return name;
}

export function readConfig(env: Env): Config {
  const port = integer(env, 'PORT', 8080, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const publicUrl = (env.GUICHET_PUBLIC_URL || `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/\S+$/.test(publicUrl)) throw new ConfigError('GUICHET_PUBLIC_URL must be an http or https URL');
  const testClock = env.GUICHET_TEST_CLOCK || '0';
  if (testClock !== '0' && testClock !== '1') throw new ConfigError('GUICHET_TEST_CLOCK must be 0 or 1');
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl !== undefined && !/^smtps?:\/\/\S+$/.test(smtpUrl)) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL');
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl !== undefined && !/^(rediss?:\/\/\S+|redis-cluster:\/\/[^\s/,]+:\d+(,[^\s/,]+:\d+)*\/?)$/.test(redisUrl)) {
    throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL, or redis-cluster://host:port[,host:port…]');
  }
  return {
    port,
    host,
    dataDir: env.GUICHET_DATA_DIR || './var',
    widgetDir: env.GUICHET_WIDGET_DIR || 'dist/widget',
    ...(env.GUICHET_MERCHANTS ? { merchantsFile: env.GUICHET_MERCHANTS } : {}),
    ...(env.GUICHET_DATA_KEY ? { dataKey: env.GUICHET_DATA_KEY } : {}),
    sessionTtlMs: integer(env, 'GUICHET_SESSION_TTL_SECONDS', 15 * 60, 10, 7 * 24 * 3600) * 1000,
    maxAttempts: integer(env, 'GUICHET_MAX_ATTEMPTS', 3, 1, 20),
    publicUrl,
    timeZone: validTimeZone(env.GUICHET_TIME_ZONE || 'Europe/Paris'),
    acquirerLatencyMs: integer(env, 'GUICHET_ACQUIRER_LATENCY_MS', 0, 0, 60_000),
    ...(smtpUrl ? { smtpUrl } : {}),
    ...(redisUrl ? { redisUrl } : {}),
    eventRetentionMs: integer(env, 'GUICHET_EVENT_RETENTION_DAYS', 7, 1, 3650) * DAY_MS,
    sessionRetentionMs: integer(env, 'GUICHET_SESSION_RETENTION_DAYS', 30, 1, 3650) * DAY_MS,
    leaseMs: integer(env, 'GUICHET_LEASE_SECONDS', 60, 1, 3600) * 1000,
    testClock: testClock === '1',
    logLevel: logLevel(env.LOG_LEVEL || 'info'),
  };
}
