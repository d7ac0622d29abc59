import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SANDBOX_MERCHANT } from '../../../server/merchants/sandbox-merchant.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { CB_CARD } from '../support/requests.js';
import { cancel, openSession, pay, readSession, THREE_DS_CARDS } from '../support/widget-calls.js';

/** The widget's token endpoints for a merchant that allows one origin: view, CORS, origin checks. */
describe('widget endpoints', () => {
  let gw: TestGateway;
  const SHOP = 'https://shop.example';
  const merchant = { ...SANDBOX_MERCHANT, widgetOrigins: [SHOP], logoURL: 'https://cdn.shop.example/logo.svg', theme: { primaryColor: '#0b5394', borderRadius: '6px' } };
  before(async () => (gw = await startTestGateway({}, { merchants: [merchant] })));
  after(() => gw.close());

  it('shows the shop, the sandbox flag, and no result before the first attempt', async () => {
    const token = await openSession(gw);
    const view = (await (await readSession(gw, token)).json()) as any;
    assert.deepEqual(view.shop, { name: 'Guichet demo shop', logoURL: merchant.logoURL, theme: merchant.theme });
    assert.deepEqual([view.state, view.sandbox, view.result, view.transaction, view.challenge], ['WAITING', true, undefined, undefined, undefined]);
  });

  it('shows the last result and, once paid, the ticket’s transaction, authorization and masked card', async () => {
    const token = await openSession(gw);
    await pay(gw, token, { card: { ...CB_CARD, number: '4000000000011009', type: 'VISA' } });
    let view = (await (await readSession(gw, token)).json()) as any;
    assert.deepEqual([view.state, view.result.code, view.attemptsLeft, view.card.number, view.authorization], ['WAITING', '01100', 2, '400000XXXXXX1009', undefined]);
    const paid = await pay(gw, token, { card: CB_CARD });
    assert.match(paid.authorization.number, /^[0-9A-Z]{6}$/);
    view = (await (await readSession(gw, token)).json()) as any;
    assert.deepEqual([view.state, view.result.code, view.transaction.id, view.authorization.number], ['ACCEPTED', '00000', paid.transaction.id, paid.authorization.number]);
  });

  it('says an unexpired session past its time is EXPIRED with 02324', async () => {
    const token = await openSession(gw);
    gw.clock.advance(15 * 60 * 1000);
    const view = (await (await readSession(gw, token)).json()) as any;
    assert.deepEqual([view.state, view.result.code], ['EXPIRED', '02324']);
  });

  it('answers CORS to an allowed origin, 403 to any other, and a readable 404 for an unknown token', async () => {
    const token = await openSession(gw);
    const allowed = await readSession(gw, token, SHOP);
    assert.deepEqual([allowed.status, allowed.headers.get('access-control-allow-origin'), allowed.headers.get('vary')], [200, SHOP, 'Origin']);
    const other = await readSession(gw, token, 'https://evil.example');
    assert.deepEqual([other.status, other.headers.get('access-control-allow-origin')], [403, null]);
    assert.equal((await cancel(gw, token, 'https://evil.example')).status, 403);
    assert.equal(((await (await readSession(gw, token)).json()) as any).state, 'WAITING', 'the refused cancel did nothing');
    const unknown = await readSession(gw, 'f'.repeat(32), 'https://evil.example');
    assert.deepEqual([unknown.status, unknown.headers.get('access-control-allow-origin'), ((await unknown.json()) as any).result.code], [404, 'https://evil.example', '02304']);
    const ok = await cancel(gw, token, SHOP);
    assert.deepEqual([ok.status, ok.headers.get('access-control-allow-origin'), ((await ok.json()) as any).result.code], [200, SHOP, '02319']);
  });

  it('answers the preflight of an allowed origin', async () => {
    const token = await openSession(gw);
    const preflight = await gw.fetch(`/widget/sessions/${token}/cancel`, { method: 'OPTIONS', headers: { origin: SHOP, 'access-control-request-method': 'POST' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), SHOP);
    assert.match(preflight.headers.get('access-control-allow-methods')!, /POST/);
    const refused = await gw.fetch(`/widget/sessions/${token}`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    assert.equal(refused.status, 403);
  });

  it('takes cards only from the gateway’s own pages', async () => {
    const token = await openSession(gw);
    const crossOrigin = await gw.fetch(`/widget/sessions/${token}/pay`, { method: 'POST', headers: { origin: SHOP, 'content-type': 'text/plain' }, body: JSON.stringify({ card: CB_CARD }) });
    assert.equal(crossOrigin.status, 403);
    assert.equal(((await (await readSession(gw, token)).json()) as any).attempts, 0);
  });

  it('lets a challenge return only to the merchant’s origins (or the gateway’s)', async () => {
    const token = await openSession(gw);
    const asked = await pay(gw, token, { card: THREE_DS_CARDS.challengePass });
    assert.equal(asked.challenge.url, `${gw.url}/widget/sessions/${token}/challenge`);
    const start = (query: Record<string, string>) => fetch(`${asked.challenge.url}?${new URLSearchParams(query)}`);
    assert.equal((await start({ origin: 'https://evil.example' })).status, 403);
    assert.equal((await start({ returnURL: 'https://evil.example/steal' })).status, 403);
    assert.equal((await start({ origin: `${SHOP}/path` })).status, 403);
    assert.equal((await start({ origin: new URL(gw.url).origin })).status, 200);
    assert.equal((await start({ origin: SHOP })).status, 200);
    assert.equal((await start({ returnURL: `${SHOP}/checkout` })).status, 200);
    const forged = await gw.fetch(`/widget/sessions/${token}/3ds-return?origin=${encodeURIComponent('https://evil.example')}`, { method: 'POST', body: new URLSearchParams({ PaRes: 'x' }) });
    assert.equal(forged.status, 403, 'nor can the TermUrl be bent');
  });
});
