/**
 * The built widget (`npm run build` → dist/widget/) against the budgets: guichet.js with
 * Lit ≤ 30 KB gzip, the card-fields page (HTML and script) ≤ 15 KB gzip, each locale ≤ 3 KB gzip,
 * socket.io-client (the live events) a lazy chunk ≤ 20 KB gzip, never imported statically by guichet.js.
 * Sizes are measured again from the files (gzip level 9 is deterministic), counting what each
 * entry imports statically, and must match the manifest the gateway and the docs read.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist/widget';
const KB = 1024;
const LOCALES = ['fr', 'en', 'de', 'es', 'it', 'nl', 'pt', 'pl'];

interface Manifest {
  files: Record<string, { bytes: number; gzip: number; imports?: string[] }>;
  entries: { guichet: string; fields: string; fieldsPage: string };
  locales: Record<string, string>;
  live: string;
}

/** Every file `file` imports statically, itself included. */
function staticGraph(manifest: Manifest, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of manifest.files[file]?.imports ?? []) staticGraph(manifest, imported, seen);
  return seen;
}

function gzipSize(file: string): number {
  return gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
}

/** Gzip size of `file` and of every file it imports statically, each once. */
function withImports(manifest: Manifest, file: string, seen = new Set<string>()): number {
  if (seen.has(file)) return 0;
  seen.add(file);
  const imports = manifest.files[file]?.imports ?? [];
  return gzipSize(file) + imports.reduce((sum, imported) => sum + withImports(manifest, imported, seen), 0);
}

function readManifest(): Manifest {
  assert.ok(existsSync(join(DIST, 'manifest.json')), 'dist/widget/manifest.json is missing: run `npm run build`');
  return JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as Manifest;
}

describe('widget build budgets', () => {
  it('guichet.js, with Lit, is at most 30 KB gzip', () => {
    const manifest = readManifest();
    assert.equal(manifest.entries.guichet, 'guichet.js');
    const size = withImports(manifest, 'guichet.js');
    assert.ok(size <= 30 * KB, `guichet.js is ${size} B gzip`);
  });

  it('socket.io-client is a lazy chunk of at most 20 KB gzip, outside guichet.js', () => {
    const manifest = readManifest();
    assert.match(manifest.live ?? '', /^live-client-[\w-]{8}\.js$/);
    assert.ok(!staticGraph(manifest, 'guichet.js').has(manifest.live), 'guichet.js imports the live chunk statically');
    assert.ok(readFileSync(join(DIST, 'guichet.js'), 'utf8').includes(`import("./${manifest.live}")`), 'guichet.js does not import() the live chunk');
    const size = withImports(manifest, manifest.live, new Set(staticGraph(manifest, 'guichet.js')));
    assert.ok(size <= 20 * KB, `${manifest.live} is ${size} B gzip`);
  });

  it('the card-fields page is at most 15 KB gzip', () => {
    const manifest = readManifest();
    assert.equal(manifest.entries.fieldsPage, 'fields.html');
    assert.match(readFileSync(join(DIST, 'fields.html'), 'utf8'), new RegExp(`src="\\./${manifest.entries.fields}"`));
    const size = gzipSize('fields.html') + withImports(manifest, manifest.entries.fields);
    assert.ok(size <= 15 * KB, `the fields page is ${size} B gzip`);
  });

  for (const locale of LOCALES) {
    it(`locale ${locale} is a lazy chunk of at most 3 KB gzip`, () => {
      const manifest = readManifest();
      const file = manifest.locales[locale];
      assert.ok(file, `no chunk for ${locale}`);
      assert.match(file, new RegExp(`^${locale}-[\\w-]{8}\\.js$`));
      assert.ok(gzipSize(file) <= 3 * KB, `${file} is ${gzipSize(file)} B gzip`);
    });
  }

  it('lists every built file with its true gzip size; only guichet.js and fields.html are unhashed', () => {
    const manifest = readManifest();
    const built = readdirSync(DIST).filter((file) => file !== 'manifest.json').sort();
    assert.deepEqual(Object.keys(manifest.files).sort(), built);
    for (const file of built) {
      assert.equal(manifest.files[file]!.gzip, gzipSize(file), file);
      if (file !== 'guichet.js' && file !== 'fields.html') assert.match(file, /-[\w-]{8}\.js$/);
    }
  });
});
