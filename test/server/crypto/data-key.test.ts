import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { loadDataKey } from '../../../server/crypto/data-key.js';

const HEX = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const root = mkdtempSync(join(tmpdir(), 'guichet-data-key-'));
after(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const freshDir = (): string => join(root, `data-${++dirs}`, 'nested');

describe('loadDataKey from GUICHET_DATA_KEY', () => {
  it('takes 64 hex characters', () => {
    const loaded = loadDataKey({ envValue: HEX, dataDir: freshDir() });
    assert.deepEqual(loaded, { key: Buffer.from(HEX, 'hex'), source: 'env' });
  });

  it('takes the base64 of 32 bytes, padded, unpadded or url-safe', () => {
    const key = Buffer.from(HEX, 'hex');
    for (const value of [key.toString('base64'), key.toString('base64').replace('=', ''), key.toString('base64url')]) {
      assert.deepEqual(loadDataKey({ envValue: value, dataDir: freshDir() }).key, key, value);
    }
  });

  it('refuses anything else, naming the variable and the format but not the value', () => {
    for (const value of ['secret-passphrase-1234', HEX.slice(2), Buffer.alloc(16).toString('base64'), `${HEX}00`]) {
      assert.throws(
        () => loadDataKey({ envValue: value, dataDir: freshDir() }),
        (error: Error) => /GUICHET_DATA_KEY/.test(error.message) && /64 hex/.test(error.message) && !error.message.includes(value),
      );
    }
  });

  it('treats an empty value as unset', () => {
    assert.equal(loadDataKey({ envValue: '', dataDir: freshDir() }).source, 'generated');
  });
});

describe('loadDataKey from the data folder', () => {
  it('generates a key into data.key with mode 0600, then reuses it', () => {
    const dataDir = freshDir();
    const first = loadDataKey({ dataDir });
    assert.equal(first.source, 'generated');
    assert.equal(first.key.length, 32);
    const path = join(dataDir, 'data.key');
    assert.equal(readFileSync(path, 'utf8').trim(), first.key.toString('hex'));
    if (process.platform !== 'win32') assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(dataDir), ['data.key'], 'no temp file left');

    const second = loadDataKey({ dataDir });
    assert.deepEqual(second, { key: first.key, source: 'file' });
  });

  it('tightens a key file readable by others, and says so', { skip: process.platform === 'win32' }, () => {
    const dataDir = freshDir();
    const { key } = loadDataKey({ dataDir });
    const path = join(dataDir, 'data.key');
    chmodSync(path, 0o644);
    const warnings: string[] = [];
    const loaded = loadDataKey({ dataDir, warn: (message) => warnings.push(message) });
    assert.deepEqual(loaded, { key, source: 'file' });
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(warnings.length, 1);
    assert.ok(!warnings[0]!.includes(key.toString('hex')));
  });

  it('refuses a data.key that holds no key, without echoing it', () => {
    const dataDir = join(root, 'bad-file');
    loadDataKey({ dataDir });
    writeFileSync(join(dataDir, 'data.key'), 'not a key at all', { mode: 0o600 });
    assert.throws(() => loadDataKey({ dataDir }), (error: Error) => /data\.key/.test(error.message) && !error.message.includes('not a key'));
  });

  it('gives every process starting together on an empty folder the same key', async () => {
    const dataDir = freshDir();
    assert.ok(!existsSync(dataDir));
    const moduleUrl = new URL('../../../server/crypto/data-key.js', import.meta.url).href;
    const script = `import { loadDataKey } from ${JSON.stringify(moduleUrl)};
      const { key, source } = loadDataKey({ dataDir: process.argv[1] });
      process.stdout.write(key.toString('hex') + ' ' + source);`;
    const run = promisify(execFile);
    const outputs = await Promise.all(
      Array.from({ length: 8 }, () => run(process.execPath, ['--input-type=module', '-e', script, dataDir])),
    );
    const results = outputs.map(({ stdout }) => stdout.split(' '));
    assert.equal(new Set(results.map(([hex]) => hex)).size, 1);
    assert.equal(results.filter(([, source]) => source === 'generated').length, 1);
    assert.equal(readFileSync(join(dataDir, 'data.key'), 'utf8').trim(), results[0]![0]);
    assert.deepEqual(readdirSync(dataDir), ['data.key']);
  });
});
