/**
 * Builds the widget into dist/widget/ (docs/WIDGET-PROTOCOL.md "Files"):
 * - guichet.js: the merchant's one script (Lit and <guichet-checkout> in one file);
 * - fields.html + fields-[hash].js: the card-fields page the gateway serves in the iframe;
 * - [locale]-[hash].js: one lazily loaded chunk per locale (both builds make the same files);
 * - live-client-[hash].js: socket.io-client, loaded lazily for the live events;
 * - manifest.json: every file with its size and gzip size, the entries, the locales and the live chunk.
 * Every name but guichet.js and fields.html carries a content hash (cached for good).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { engineIoBrowserRollup } from './scripts/engine-io-browser.js';

const OUT = 'dist/widget';
const LOCALE_MODULE = /widget\/i18n\/([a-z]{2})\.ts$/;
const LIVE_MODULE = /widget\/protocol\/live-client\.ts$/;

rmSync(OUT, { recursive: true, force: true });

/** What both builds learn, written to manifest.json after each. */
const manifest = { files: {}, entries: {}, locales: {}, live: undefined };
/** Files whose sizes were printed already. */
const printed = new Set();

/** Size and gzip size (level 9, deterministic) of a file's text. */
function sizes(source) {
  const bytes = Buffer.from(source);
  return { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Records every emitted file in the manifest, writes it, and prints the sizes. */
function manifestPlugin(entryName) {
  return {
    name: 'guichet-manifest',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        const imports = file.type === 'chunk' && file.imports.length > 0 ? { imports: file.imports } : {};
        manifest.files[file.fileName] = { ...sizes(file.type === 'chunk' ? file.code : file.source), ...imports };
        const locale = file.type === 'chunk' && file.facadeModuleId?.match(LOCALE_MODULE)?.[1];
        if (locale) manifest.locales[locale] = file.fileName;
        if (file.type === 'chunk' && LIVE_MODULE.test(file.facadeModuleId ?? '')) manifest.live = file.fileName;
        if (file.type === 'chunk' && file.isEntry) manifest.entries[entryName] = file.fileName;
      }
    },
    writeBundle() {
      mkdirSync(OUT, { recursive: true });
      writeFileSync(`${OUT}/manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
      for (const [name, { bytes, gzip }] of Object.entries(manifest.files)) {
        if (printed.has(name)) continue;
        printed.add(name);
        console.log(`${OUT}/${name.padEnd(24)} ${String(bytes).padStart(7)} B  ${String(gzip).padStart(6)} B gzip`);
      }
    },
  };
}

/** Emits fields.html pointing at the hashed fields script. */
function fieldsPagePlugin() {
  return {
    name: 'guichet-fields-page',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry);
      const page = readFileSync('widget/fields/fields.html', 'utf8').replace('%FIELDS_SCRIPT%', `./${entry.fileName}`);
      this.emitFile({ type: 'asset', fileName: 'fields.html', source: page });
      manifest.entries.fieldsPage = 'fields.html';
    },
  };
}

const plugins = [
  engineIoBrowserRollup(),
  nodeResolve({ browser: true }),
  esbuild({ tsconfig: 'tsconfig.widget.json', target: 'es2021' }),
  terser({ ecma: 2021, module: true, format: { comments: false } }),
];

export default [
  {
    input: 'widget/guichet.ts',
    output: { dir: OUT, format: 'es', entryFileNames: 'guichet.js', chunkFileNames: '[name]-[hash].js' },
    plugins: [...plugins, manifestPlugin('guichet')],
  },
  {
    input: 'widget/fields/fields.ts',
    output: { dir: OUT, format: 'es', entryFileNames: 'fields-[hash].js', chunkFileNames: '[name]-[hash].js' },
    plugins: [...plugins, fieldsPagePlugin(), manifestPlugin('fields')],
  },
];
