import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The 32-byte data key the card vault derives its keys from. From GUICHET_DATA_KEY when set;
 * else from `<dataDir>/data.key`, generated on first start. Key material is never echoed.
 */

const FORMAT = '64 hex characters or the base64 of 32 bytes';

/** A data key that is present but unusable: the operator must fix it, the gateway cannot start. */
export class DataKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataKeyError';
  }
}

/** Where the data key comes from; `warn` hears about anything fixed on the way. */
export interface DataKeyOptions {
  /** The value of GUICHET_DATA_KEY, if set (empty counts as unset). */
  envValue?: string;
  dataDir: string;
  warn?: (message: string) => void;
}

/** The key and where it was found. */
export interface LoadedDataKey {
  key: Buffer;
  source: 'env' | 'file' | 'generated';
}

/** The key as written in the variable or file, or undefined if it is not in a known format. */
function parseKey(text: string): Buffer | undefined {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) return Buffer.from(value, 'base64');
  return undefined;
}

function readKeyFile(path: string, warn: (message: string) => void): Buffer {
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    chmodSync(path, 0o600);
    warn(`${path} was readable by group or others; its mode is now 0600`);
  }
  const key = parseKey(readFileSync(path, 'utf8'));
  if (!key) throw new DataKeyError(`${path} does not hold a data key (expected ${FORMAT})`);
  return key;
}

/**
 * Writes a new key unless another process got there first: the key goes, complete, into a
 * private temp file, then is hard-linked to its name, which fails if the name exists.
 * Returns false when the file was already there.
 */
function createKeyFile(path: string, key: Buffer): boolean {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, `${key.toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/** Loads the data key: GUICHET_DATA_KEY, else `<dataDir>/data.key`, created (mode 0600) if missing. */
export function loadDataKey(options: DataKeyOptions): LoadedDataKey {
  const warn = options.warn ?? (() => {});
  if (options.envValue !== undefined && options.envValue.trim() !== '') {
    const key = parseKey(options.envValue);
    if (!key) throw new DataKeyError(`GUICHET_DATA_KEY must be ${FORMAT}`);
    return { key, source: 'env' };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const path = join(options.dataDir, 'data.key');
  try {
    return { key: readKeyFile(path, warn), source: 'file' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  if (createKeyFile(path, key)) return { key, source: 'generated' };
  return { key: readKeyFile(path, warn), source: 'file' };
}
