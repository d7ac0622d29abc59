import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseMerchants } from '../../../server/merchants/merchants-file.js';

/** The merchants file's widget settings: origins, logo and theme, each checked with a clear error. */
describe('merchants file: widget settings', () => {
  const HASH = `scrypt$${'00'.repeat(16)}$${'ab'.repeat(32)}`;
  const file = (extra: object) => JSON.stringify({ merchants: [{ merchantId: 'm1', name: 'Shop', accessKeyHash: HASH, contracts: [{ contractNumber: 'CB', cardTypes: ['CB'], currency: 978 }], ...extra }] });

  it('reads origins, logo and theme', () => {
    const [merchant] = parseMerchants(file({ widgetOrigins: ['https://shop.example', 'http://localhost:8081', '*'], logoURL: 'https://cdn.example/logo.png', theme: { primaryColor: '#abc', backgroundColor: '#FFFFFF', textColor: '#1d2630', borderRadius: '0.5rem' } }), 'm.json');
    assert.deepEqual(merchant!.widgetOrigins, ['https://shop.example', 'http://localhost:8081', '*']);
    assert.equal(merchant!.logoURL, 'https://cdn.example/logo.png');
    assert.deepEqual(merchant!.theme, { primaryColor: '#abc', backgroundColor: '#FFFFFF', textColor: '#1d2630', borderRadius: '0.5rem' });
  });

  const refusals: Array<[string, object, RegExp]> = [
    ['an origin with a path', { widgetOrigins: ['https://shop.example/checkout'] }, /merchants\[0\]\.widgetOrigins\[0\] must be \* or an origin/],
    ['an origin with a trailing slash', { widgetOrigins: ['https://shop.example/'] }, /widgetOrigins\[0\]/],
    ['a non-http origin', { widgetOrigins: ['ftp://shop.example'] }, /widgetOrigins\[0\]/],
    ['a logo that is no URL', { logoURL: 'logo.png' }, /merchants\[0\]\.logoURL must be an http or https URL/],
    ['a colour by name', { theme: { primaryColor: 'red' } }, /theme\.primaryColor must be a colour #rgb or #rrggbb/],
    ['CSS in a length', { theme: { borderRadius: '6px; background: url(x)' } }, /theme\.borderRadius must be a length/],
    ['an unknown theme field', { theme: { fontFamily: 'serif' } }, /theme\.fontFamily is not a theme field/],
    ['a theme that is no object', { theme: 'dark' }, /theme must be an object/],
  ];
  for (const [name, extra, error] of refusals) {
    it(`refuses ${name}`, () => assert.throws(() => parseMerchants(file(extra), 'm.json'), error));
  }
});
