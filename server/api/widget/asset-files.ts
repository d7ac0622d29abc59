import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The widget build's files (dist/widget/, made by `npm run build:widget`), read once and kept
 * in memory with their gzip form and ETag; a file changed on disk (a rebuild) is read again.
 * Only plain names under the folder are served: no `..`, no hidden files.
 */
export interface Asset {
  body: Buffer;
  gzip: Buffer;
  etag: string;
  contentType: string;
}

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** `name` or `dir/name`, letters, digits, `.`, `-`, `_`, each part starting with a letter or digit. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

export function isSafeAssetName(name: string): boolean {
  return SAFE_NAME.test(name) && !name.includes('..') && TYPES[extname(name)] !== undefined;
}

export class AssetFiles {
  readonly #dir: string;
  readonly #cache = new Map<string, { stamp: string; asset: Asset }>();
  #hashed: { etag: string; names: ReadonlySet<string> } | undefined;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** The file `name` as it is on disk now; undefined when it does not exist or may not be served. */
  async read(name: string): Promise<Asset | undefined> {
    if (!isSafeAssetName(name)) return undefined;
    const path = join(this.#dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const stamp = `${info.mtimeMs}:${info.size}`;
    const cached = this.#cache.get(name);
    if (cached?.stamp === stamp) return cached.asset;
    const body = await readFile(path);
    const asset: Asset = {
      body,
      gzip: gzipSync(body, { level: 9 }),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      contentType: TYPES[extname(name)]!,
    };
    this.#cache.set(name, { stamp, asset });
    return asset;
  }

  /**
   * The hashed files of the build: every file name listed in manifest.json (any JSON shape: its
   * keys and string values that name a file) except the fixed entry points. Empty without a manifest.
   */
  async hashedNames(entryPoints: readonly string[]): Promise<ReadonlySet<string>> {
    const manifest = await this.read('manifest.json');
    if (!manifest) return new Set();
    if (this.#hashed?.etag === manifest.etag) return this.#hashed.names;
    const names = new Set<string>();
    const visit = (value: unknown): void => {
      if (typeof value === 'string') {
        const name = value.replace(/^\.?\//, '');
        if (isSafeAssetName(name) && !entryPoints.includes(name)) names.add(name);
      } else if (Array.isArray(value)) value.forEach(visit);
      else if (typeof value === 'object' && value !== null) Object.entries(value).forEach(([key, inner]) => (visit(key), visit(inner)));
    };
    try {
      visit(JSON.parse(manifest.body.toString('utf8')));
    } catch {
      names.clear();
    }
    this.#hashed = { etag: manifest.etag, names };
    return names;
  }
}
