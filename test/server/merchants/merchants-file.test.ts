import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseMerchants, MerchantsFileError } from '../../../server/merchants/merchants-file.js';
import { AccessKeyVerifier, hashAccessKey, verifyAccessKey } from '../../../server/merchants/access-key.js';
import { SANDBOX_MERCHANT } from '../../../server/merchants/sandbox-merchant.js';

const HASH = 'scrypt$00112233445566778899aabbccddeeff$' + 'ab'.repeat(32);

function merchant(overrides: Record<string, unknown> = {}) {
  return {
    merchantId: 'shop-1',
    accessKeyHash: HASH,
    contracts: [{ contractNumber: 'CB', cardTypes: ['CB', 'VISA'], currency: 978 }],
    pointsOfSell: [{ id: 'web', label: 'Web shop', notificationURL: 'https://shop.example/notify', contracts: ['CB'] }],
    widgetOrigins: ['https://shop.example'],
    ...overrides,
  };
}

const file = (merchants: unknown[]) => JSON.stringify({ merchants });

const GIFT_SETTINGS = { processorContractNumber: 'CCC-1', contractType: 'food' };
const gift = (overrides: Record<string, unknown> = {}) => ({ contractNumber: 'GIFT', cardTypes: ['CADEAU_CARREFOUR'], currency: 978, giftCard: GIFT_SETTINGS, ...overrides });

describe('merchants file', () => {
  it('reads a valid file', () => {
    const [m] = parseMerchants(file([merchant({ notificationURL: 'https://shop.example/n' })]), 'm.json');
    assert.equal(m!.merchantId, 'shop-1');
    assert.equal(m!.name, 'shop-1');
    assert.deepEqual(m!.contracts, [{ contractNumber: 'CB', cardTypes: ['CB', 'VISA'], currency: 978 }]);
    assert.equal(m!.pointsOfSell[0]!.notificationURL, 'https://shop.example/notify');
    assert.deepEqual(m!.widgetOrigins, ['https://shop.example']);
  });

  it('reads a gift-card contract, with the per-basket maximum 1000.00 EUR and no discounted cards by default', () => {
    const [m] = parseMerchants(file([merchant({ contracts: [gift()], pointsOfSell: [] })]), 'm.json');
    assert.deepEqual(m!.contracts[0], {
      contractNumber: 'GIFT',
      cardTypes: ['CADEAU_CARREFOUR'],
      currency: 978,
      giftCard: { processorContractNumber: 'CCC-1', contractType: 'food', maxAmount: 100000, acceptsDiscounted: false },
    });
    const [n] = parseMerchants(file([merchant({ contracts: [gift({ giftCard: { ...GIFT_SETTINGS, maxAmount: 5000, acceptsDiscounted: true } })], pointsOfSell: [] })]), 'm.json');
    assert.deepEqual(n!.contracts[0]!.giftCard, { processorContractNumber: 'CCC-1', contractType: 'food', maxAmount: 5000, acceptsDiscounted: true });
  });

  it('reads walletCvvRequired on a contract', () => {
    const contracts = [{ contractNumber: 'CB', cardTypes: ['CB'], currency: 978, walletCvvRequired: true }, { contractNumber: 'AMEX', cardTypes: ['AMEX'], currency: 978, walletCvvRequired: false }];
    const [m] = parseMerchants(file([merchant({ contracts, pointsOfSell: [] })]), 'm.json');
    assert.deepEqual(m!.contracts.map((c) => c.walletCvvRequired), [true, undefined]);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['not JSON', '{', /m\.json is not valid JSON/],
    ['no merchants', '{}', /merchants must be a non-empty list/],
    ['missing merchantId', file([merchant({ merchantId: undefined })]), /merchants\[0\]\.merchantId must be a non-empty string/],
    ['clear access key', file([merchant({ accessKeyHash: 'demo-access-key' })]), /merchants\[0\]\.accessKeyHash must be a hash made by/],
    ['no contracts', file([merchant({ contracts: [] })]), /merchants\[0\]\.contracts must be a non-empty list/],
    ['bad currency', file([merchant({ contracts: [{ contractNumber: 'CB', cardTypes: ['CB'], currency: 'EUR' }] })]), /contracts\[0\]\.currency must be an ISO 4217 numeric code/],
    ['card types not strings', file([merchant({ contracts: [{ contractNumber: 'CB', cardTypes: [1], currency: 978 }] })]), /contracts\[0\]\.cardTypes must be a list of strings/],
    ['walletCvvRequired not a boolean', file([merchant({ contracts: [{ contractNumber: 'CB', cardTypes: ['CB'], currency: 978, walletCvvRequired: 'yes' }] })]), /contracts\[0\]\.walletCvvRequired must be true or false/],
    ['same contract twice', file([merchant({ contracts: [{ contractNumber: 'CB', cardTypes: ['CB'], currency: 978 }, { contractNumber: 'CB', cardTypes: ['VISA'], currency: 978 }] })]), /has the same contractNumber twice/],
    ['unknown contract at a point of sale', file([merchant({ pointsOfSell: [{ id: 'web', contracts: ['AMEX'] }] })]), /pointsOfSell\[0\]\.contracts names unknown contract AMEX/],
    ['notification URL not http', file([merchant({ notificationURL: 'ftp://x' })]), /notificationURL must be an http or https URL/],
    ['duplicate merchant', file([merchant(), merchant()]), /the same merchantId appears twice/],
    ['gift-card contract without settings', file([merchant({ contracts: [gift({ giftCard: undefined })] })]), /contracts\[0\]\.giftCard is required for a CADEAU_CARREFOUR contract/],
    ['gift card mixed with card types', file([merchant({ contracts: [gift({ cardTypes: ['CADEAU_CARREFOUR', 'CB'] })] })]), /contracts\[0\]\.cardTypes must be \["CADEAU_CARREFOUR"\] alone/],
    ['gift-card settings on a card contract', file([merchant({ contracts: [{ contractNumber: 'CB', cardTypes: ['CB'], currency: 978, giftCard: GIFT_SETTINGS }] })]), /contracts\[0\]\.giftCard is only for a CADEAU_CARREFOUR contract/],
    ['gift-card contract type', file([merchant({ contracts: [gift({ giftCard: { ...GIFT_SETTINGS, contractType: 'alimentaire' } })] })]), /contracts\[0\]\.giftCard\.contractType must be "food" or "non-food"/],
    ['gift-card max amount', file([merchant({ contracts: [gift({ giftCard: { ...GIFT_SETTINGS, maxAmount: 10.5 } })] })]), /contracts\[0\]\.giftCard\.maxAmount must be a whole number of minor units/],
    ['gift-card discounted flag', file([merchant({ contracts: [gift({ giftCard: { ...GIFT_SETTINGS, acceptsDiscounted: 'yes' } })] })]), /contracts\[0\]\.giftCard\.acceptsDiscounted must be true or false/],
    ['gift-card processor contract', file([merchant({ contracts: [gift({ giftCard: { ...GIFT_SETTINGS, processorContractNumber: '' } })] })]), /contracts\[0\]\.giftCard\.processorContractNumber must be a non-empty string/],
  ];
  for (const [name, text, message] of bad) {
    it(`refuses ${name}, naming the field`, () => {
      assert.throws(() => parseMerchants(text, 'm.json'), (error: unknown) => error instanceof MerchantsFileError && message.test(error.message));
    });
  }
});

describe('access keys', () => {
  it('verifies the key it hashed, and nothing else', async () => {
    const stored = await hashAccessKey('s3cret');
    assert.match(stored, /^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    assert.equal(await verifyAccessKey('s3cret', stored), true);
    assert.equal(await verifyAccessKey('s3cret ', stored), false);
    assert.equal(await verifyAccessKey('s3cret', 'scrypt$00$11'), false);
  });

  it('the sandbox hash is the hash of demo-access-key', async () => {
    assert.equal(await verifyAccessKey('demo-access-key', SANDBOX_MERCHANT.accessKeyHash), true);
  });

  it('remembers successes only', async () => {
    const verifier = new AccessKeyVerifier();
    const stored = await hashAccessKey('k');
    assert.equal(await verifier.verify('m', 'wrong', stored), false);
    assert.equal(await verifier.verify('m', 'k', stored), true);
    assert.equal(await verifier.verify('m', 'k', stored), true);
    assert.equal(await verifier.verify('m', 'wrong', stored), false);
  });
});

describe('npm run hash-key', () => {
  const CLI = new URL('../../../server/merchants/hash-key-cli.js', import.meta.url).pathname;

  it('prints a hash that verifies the key, and that the merchants file accepts', async () => {
    const { execFileSync } = await import('node:child_process');
    const hash = execFileSync(process.execPath, [CLI, 'k-9'], { encoding: 'utf8' }).trim();
    assert.equal(await verifyAccessKey('k-9', hash), true);
    assert.equal(parseMerchants(file([merchant({ accessKeyHash: hash })]), 'm.json')[0]!.accessKeyHash, hash);
  });

  it('without a key, says how to call it and exits 2', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(process.execPath, [CLI], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /usage: npm run hash-key -- <access key>/);
  });
});
