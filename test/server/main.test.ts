import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { hashAccessKey } from '../../server/merchants/access-key.js';
import { authorizationRequest } from './support/requests.js';

/** The real entry point as an operator runs it: a child process configured by its environment. */
const MAIN = new URL('../../server/main.js', import.meta.url).pathname;
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-main-'));
  dirs.push(dir);
  return dir;
}

async function startMain(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 10_000);
    child.stdout!.on('data', () => {
      const match = /"url":"(http:[^"]+)".*Guichet is listening/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  return { child, url, output: () => output };
}

describe('main', () => {
  it('serves a merchants file, keeps the data key private, and stops cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const merchantsFile = join(dir, 'merchants.json');
    writeFileSync(
      merchantsFile,
      JSON.stringify({
        merchants: [{ merchantId: 'shop-1', accessKeyHash: await hashAccessKey('k-1'), contracts: [{ contractNumber: 'CB', cardTypes: ['CB'], currency: 978 }] }],
      }),
    );
    const { child, url, output } = await startMain({ GUICHET_DATA_DIR: join(dir, 'var'), GUICHET_MERCHANTS: merchantsFile });
    const call = (user: string) =>
      fetch(`${url}/v4/doAuthorization`, {
        method: 'POST',
        headers: { authorization: 'Basic ' + Buffer.from(user).toString('base64') },
        body: JSON.stringify(authorizationRequest(1500)),
      });
    const paid = (await (await call("shop-1:k-1")).json()) as { result: { code: string } };
    assert.equal(paid.result.code, '00000');
    assert.equal((await call('demo-merchant:demo-access-key')).status, 401, 'the sandbox merchant is not served when a file is given');
    assert.equal(statSync(join(dir, 'var', 'data.key')).mode & 0o777, 0o600);

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
    assert.match(output(), /"signal":"SIGTERM".*shutting down/);
    assert.match(output(), /"msg":"stopped"/);
    assert.doesNotMatch(output(), /4970101122334455|k-1/);
  });

  it('refuses a bad merchants file with a message naming the field', async () => {
    const dir = tempDir();
    const merchantsFile = join(dir, 'merchants.json');
    writeFileSync(merchantsFile, JSON.stringify({ merchants: [{ merchantId: 'x', accessKeyHash: 'plain', contracts: [] }] }));
    const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', PORT: '0', GUICHET_DATA_DIR: dir, GUICHET_MERCHANTS: merchantsFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 78);
    assert.match(stderr, /merchants\[0\]\.accessKeyHash must be a hash/);
  });

  const badEnvironments: Array<[Record<string, string>, RegExp]> = [
    [{ PORT: 'x' }, /PORT must be a whole number/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ GUICHET_DATA_KEY: 'not-a-key' }, /GUICHET_DATA_KEY must be 64 hex characters/],
  ];
  for (const [env, message] of badEnvironments) {
    it(`refuses ${Object.keys(env)[0]} naming it, without a stack trace or the value`, async () => {
      const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', GUICHET_DATA_DIR: tempDir(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (chunk) => (stderr += chunk));
      const [code] = await once(child, 'exit');
      assert.equal(code, 78);
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /\n\s+at /);
      if (env.GUICHET_DATA_KEY) assert.doesNotMatch(stderr, /not-a-key/);
    });
  }
});
