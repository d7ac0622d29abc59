/**
 * Whether a Redis server keeps what Guichet writes to it (docs/OPERATIONS.md "Redis durability"):
 * its persistence and eviction settings, as CONFIG GET gives them, judged. Pure, so that the
 * judgement is tested on its own; durability-check.ts reads the settings and logs the warnings.
 */
export interface RedisDurabilitySettings {
  /** `yes` or `no`. */
  appendonly?: string;
  /** `always`, `everysec` or `no`. */
  appendfsync?: string;
  /** RDB snapshot rules, such as `3600 1 300 100`; empty: no snapshots. */
  save?: string;
  /** Bytes; `0`: no limit. */
  maxmemory?: string;
  'maxmemory-policy'?: string;
}

/** The names read at start-up; a server that does not know one gives nothing for it, and its check is skipped. */
export const DURABILITY_SETTINGS = ['appendonly', 'appendfsync', 'save', 'maxmemory', 'maxmemory-policy'] as const;

export interface DurabilityWarning {
  /** The setting at fault, as redis.conf names it. */
  setting: (typeof DURABILITY_SETTINGS)[number];
  value: string;
  /** One line: the settings seen, what could be lost, what to set. */
  message: string;
}

const WHAT_REDIS_HOLDS = 'payments, web sessions, queued notifications and scheduled jobs';

export function durabilityWarnings(settings: RedisDurabilitySettings): DurabilityWarning[] {
  const warnings: DurabilityWarning[] = [];
  const { appendonly, appendfsync, save, maxmemory } = settings;
  const policy = settings['maxmemory-policy'];
  if (appendonly === 'no' && save !== undefined) {
    const message =
      save.trim() === ''
        ? `Redis keeps nothing on disk (appendonly no, save ""): a Redis restart loses every one of its ${WHAT_REDIS_HOLDS}; set appendonly yes`
        : `Redis saves only RDB snapshots (appendonly no, save "${save}"): a Redis crash loses every write since the last snapshot, acknowledged payments included; set appendonly yes`;
    warnings.push({ setting: 'appendonly', value: appendonly, message });
  }
  if (appendonly === 'yes' && appendfsync === 'no') {
    warnings.push({
      setting: 'appendfsync',
      value: appendfsync,
      message: 'Redis leaves flushing its AOF to the operating system (appendfsync no): a machine crash or power cut loses about the last 30 seconds of writes, acknowledged payments included; set appendfsync everysec or always',
    });
  }
  if (maxmemory !== undefined && maxmemory !== '0' && policy !== undefined && policy !== 'noeviction') {
    warnings.push({
      setting: 'maxmemory-policy',
      value: policy,
      message: `Redis may evict keys (maxmemory ${maxmemory} bytes, maxmemory-policy ${policy}): once full it deletes ${WHAT_REDIS_HOLDS} without telling anyone; set maxmemory-policy noeviction`,
    });
  }
  return warnings;
}
