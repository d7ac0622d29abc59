// server/core is the pure payment domain: it may import only other server/core files
// (DESIGN.md "Data flows one way"; STYLE.md "a test fails if server/core/** imports outside core").
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root, from build/test/server/core/ where this file runs. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CORE = join(ROOT, 'server', 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier `text` imports, re-exports, requires or references. */
function specifiers(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return [...info.importedFiles, ...info.referencedFiles, ...info.typeReferenceDirectives].map((ref) => ref.fileName);
}

/** Whether `specifier`, written in `file`, stays inside server/core. */
function staysInCore(file: string, specifier: string): boolean {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return false;
  return resolve(dirname(file), specifier).startsWith(CORE + sep);
}

describe('import boundary of server/core', () => {
  const checks: Array<[specifier: string, inside: boolean]> = [
    ['./money.js', true],
    ['./sub/thing.js', true],
    ['../core/money.js', true],
    ['../store/store.js', false],
    ['../../server/api/json.js', false],
    ['../core', false],
    ['node:fs', false],
    ['fs', false],
    ['express', false],
    ['@types/node', false],
  ];
  for (const [specifier, inside] of checks) {
    it(`sees "${specifier}" from server/core/x.ts as ${inside ? 'inside' : 'outside'}`, () => {
      assert.equal(staysInCore(join(CORE, 'x.ts'), specifier), inside);
    });
  }

  it('finds static, type-only, re-exported and dynamic imports', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from 'node:fs';",
      "export * from '../store/c.js';",
      "const d = await import('express');",
      "import './side-effect.js';",
    ].join('\n');
    assert.deepEqual(specifiers(text).sort(), ['../store/c.js', './a.js', './side-effect.js', 'express', 'node:fs']);
  });

  const files = sourceFiles(CORE);
  it('finds the core source files', () => {
    assert.ok(files.length > 0, `no .ts file under ${CORE}`);
  });

  for (const file of files) {
    it(`${relative(ROOT, file)} imports only server/core`, () => {
      const outside = specifiers(readFileSync(file, 'utf8')).filter((spec) => !staysInCore(file, spec));
      assert.deepEqual(outside, []);
    });
  }
});
