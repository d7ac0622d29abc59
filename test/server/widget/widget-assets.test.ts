import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { SANDBOX_MERCHANT } from '../../../server/merchants/sandbox-merchant.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { FIXTURE_FILES, makeWidgetFixture } from '../support/widget-fixture.js';
import { openSession } from '../support/widget-calls.js';

/** Serving the widget build: caching, gzip, CORS, and fields.html's CSP and origin check. */
describe('widget files', () => {
  let gw: TestGateway;
  let dir: string;
  const SHOP = 'https://shop.example';
  before(async () => {
    dir = makeWidgetFixture();
    gw = await startTestGateway({ GUICHET_WIDGET_DIR: dir }, { merchants: [{ ...SANDBOX_MERCHANT, widgetOrigins: [SHOP] }] });
  });
  after(async () => {
    await gw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => gw.fetch(path, { headers });

  it('serves guichet.js briefly cached, with CORS for an origin a merchant allows', async () => {
    const response = await get('/widget/guichet.js', { origin: SHOP });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), FIXTURE_FILES['guichet.js']);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=300');
    assert.match(response.headers.get('content-type')!, /^text\/javascript/);
    assert.equal(response.headers.get('access-control-allow-origin'), SHOP);
    assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal((await get('/widget/guichet.js', { origin: 'https://evil.example' })).headers.get('access-control-allow-origin'), null);
  });

  it('caches the hashed files of the manifest for a year, immutable; others briefly', async () => {
    for (const name of ['fields-AbCd1234.js', 'chunk-XyZ98765.js', 'locales/fr-Qw12Er34.js']) {
      const response = await get(`/widget/${name}`);
      assert.deepEqual([name, response.status, response.headers.get('cache-control')], [name, 200, 'public, max-age=31536000, immutable']);
    }
    assert.equal((await get('/widget/notes.js')).headers.get('cache-control'), 'public, max-age=300');
    assert.equal((await get('/widget/manifest.json')).headers.get('cache-control'), 'public, max-age=300');
  });

  it('sends gzip when asked, and 304 for a known ETag', async () => {
    const raw = await fetch(`${gw.url}/widget/fields-AbCd1234.js`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(raw.headers.get('content-encoding'), 'gzip');
    assert.equal(await raw.text(), FIXTURE_FILES['fields-AbCd1234.js'], 'fetch inflates it');
    const etag = raw.headers.get('etag')!;
    assert.equal((await get('/widget/fields-AbCd1234.js', { 'if-none-match': etag })).status, 304);
  });

  it('serves nothing outside the build', async () => {
    for (const path of ['/widget/..%2Fpackage.json', '/widget/.hidden.js', '/widget/missing.js', '/widget/guichet.ts']) {
      assert.equal((await get(path)).status, 404, path);
    }
  });

  it('serves fields.html framed only by an origin the token’s merchant allows, with a nonce CSP', async () => {
    const token = await openSession(gw);
    const response = await get(`/widget/fields.html?token=${token}&origin=${encodeURIComponent(SHOP)}`);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy')!;
    assert.match(csp, new RegExp(`frame-ancestors ${SHOP}(;|$)`));
    assert.match(csp, /connect-src 'self'/);
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)![1]!;
    assert.ok((await response.text()).includes(`<script nonce="${nonce}" type="module" src="fields-AbCd1234.js"></script>`));
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('cache-control'), 'private, max-age=60');

    const gatewayItself = await get(`/widget/fields.html?token=${token}&origin=${encodeURIComponent(new URL(gw.url).origin)}`);
    assert.equal(gatewayItself.status, 200, 'the hosted payment page frames it too');
    assert.equal((await get(`/widget/fields.html?token=${token}&origin=${encodeURIComponent('https://evil.example')}`)).status, 403);
    assert.equal((await get(`/widget/fields.html?token=${token}&origin=${encodeURIComponent(`${SHOP}/path`)}`)).status, 403);
    assert.equal((await get(`/widget/fields.html?token=${token}`)).status, 403);
    assert.equal((await get(`/widget/fields.html?token=${'0'.repeat(32)}&origin=${encodeURIComponent(SHOP)}`)).status, 404);
  });
});

describe('widget files before the build', () => {
  it('answers 503 naming the build command', async () => {
    const gw = await startTestGateway({ GUICHET_WIDGET_DIR: '/nonexistent/guichet-widget' });
    try {
      const response = await gw.fetch('/widget/guichet.js');
      assert.equal(response.status, 503);
      assert.match(await response.text(), /npm run build:widget/);
    } finally {
      await gw.close();
    }
  });
});
