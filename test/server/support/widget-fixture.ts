import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small stand-in for the widget build (dist/widget/), in a temporary folder: the two entry
 * points, two hashed files listed by manifest.json, and one unlisted file.
 */
export const FIXTURE_FILES = {
  'guichet.js': `import './chunk-XyZ98765.js';\ncustomElements.define('guichet-checkout', class extends HTMLElement {});\n`,
  'fields.html': `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Card</title>\n<script type="module" src="fields-AbCd1234.js"></script>\n</head>\n<body></body>\n</html>\n`,
  'fields-AbCd1234.js': `console.log('fields');\n`.repeat(40),
  'chunk-XyZ98765.js': `export const chunk = 1;\n`,
  'locales/fr-Qw12Er34.js': `export default { pay: 'Payer' };\n`,
  'notes.js': `// not in the manifest\n`,
  'manifest.json': JSON.stringify({ entries: { 'guichet.js': 'guichet.js', 'fields.html': 'fields.html' }, files: ['fields-AbCd1234.js', 'chunk-XyZ98765.js', 'locales/fr-Qw12Er34.js'] }),
};

export function makeWidgetFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-widget-'));
  for (const [name, text] of Object.entries(FIXTURE_FILES)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
