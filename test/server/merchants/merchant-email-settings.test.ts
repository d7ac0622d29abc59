import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMerchants } from '../../../server/merchants/merchants-file.js';
import { pointOfSellFor } from '../../../server/merchants/point-of-sell.js';

/* Per point of sale email settings and the merchant's default language in the merchants file. */

const HASH = 'scrypt$00$' + '0'.repeat(64);

function file(merchant: Record<string, unknown>): string {
  return JSON.stringify({
    merchants: [{ merchantId: 'shop', accessKeyHash: HASH, contracts: [{ contractNumber: 'CB', cardTypes: ['CB'], currency: 978 }, { contractNumber: 'AMEX', cardTypes: ['AMEX'], currency: 978 }], ...merchant }],
  });
}

describe('merchants file: emails and language', () => {
  it('reads each point of sale’s emails and the default language', () => {
    const [merchant] = parseMerchants(
      file({
        defaultLanguage: 'en',
        pointsOfSell: [
          { id: 'amex', contracts: ['AMEX'] },
          { id: 'web', email: { from: 'Shop <shop@example.com>', merchantTo: ['orders@example.com'], send: ['payment-confirmation-shopper', 'payment-confirmation-merchant'] } },
        ],
      }),
      'm.json',
    );
    assert.equal(merchant!.defaultLanguage, 'en');
    assert.deepEqual(merchant!.pointsOfSell[1]!.email, { from: 'Shop <shop@example.com>', merchantTo: ['orders@example.com'], send: ['payment-confirmation-shopper', 'payment-confirmation-merchant'] });
    assert.equal(pointOfSellFor(merchant!, 'AMEX')!.id, 'amex');
    assert.equal(pointOfSellFor(merchant!, 'CB')!.id, 'web');
  });

  it('refuses a mistake with the field and what is expected', () => {
    const email = (e: Record<string, unknown>) => file({ pointsOfSell: [{ id: 'web', email: e }] });
    const cases: [string, RegExp][] = [
      [file({ defaultLanguage: 'de' }), /merchants\[0\]\.defaultLanguage must be one of fr, en/],
      [email({ merchantTo: [], send: [] }), /pointsOfSell\[0\]\.email\.from must be a non-empty string/],
      [email({ from: 'not an address', send: [] }), /email\.from must be an email address/],
      [email({ from: 'a@b.example', send: ['birthday-card'] }), /email\.send\[0\] is not an email Guichet sends \(payment-confirmation-shopper, /],
      [email({ from: 'a@b.example', send: ['payment-confirmation-merchant'] }), /email\.merchantTo must list at least one address to send payment-confirmation-merchant/],
      [email({ from: 'a@b.example', merchantTo: ['nope'], send: [] }), /email\.merchantTo\[0\] must be an email address/],
      [email({ from: 'a@b.example', send: 'all' }), /email\.send must be a list of strings/],
      [file({ notificationURL: 'https://u:p@shop.example/n' }), /merchants\[0\]\.notificationURL must not carry credentials/],
    ];
    for (const [text, message] of cases) assert.throws(() => parseMerchants(text, 'm.json'), message);
  });
});
