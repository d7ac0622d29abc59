import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PointOfSell } from '../../../server/merchants/merchant.js';
import { parseMerchants } from '../../../server/merchants/merchants-file.js';
import { receivesWalletNotification } from '../../../server/merchants/wallet-notifications.js';

const HASH = 'scrypt$00$' + '0'.repeat(64);
const file = (pos: object) =>
  JSON.stringify({ merchants: [{ merchantId: 'm1', accessKeyHash: HASH, contracts: [{ contractNumber: 'AMEX-REC', cardTypes: ['AMEX-REC BILLING'], currency: 978 }], pointsOfSell: [{ id: 'web', ...pos }] }] });
const EMAIL = { from: 'shop@shop.example', merchantTo: ['billing@shop.example'], send: [] };

describe('walletNotifications in the merchants file (seed 001 "Configuration > Vos points de vente")', () => {
  it('reads the cases and channels the seed offers', () => {
    const [merchant] = parseMerchants(file({ email: EMAIL, walletNotifications: { smartbillEnrollResult: { email: true, server: false }, cardExpiring: { email: true } } }), 'merchants.json');
    assert.deepEqual(merchant!.pointsOfSell[0]!.walletNotifications, { smartbillEnrollResult: { email: true, server: false }, cardExpiring: { email: true } });
  });

  const bad: [string, object, RegExp][] = [
    ['an unknown case', { walletNotifications: { walletDeleted: { server: true } } }, /pointsOfSell\[0\]\.walletNotifications\.walletDeleted is not a wallet notification case \(smartbillEnrollResult, smartBillCanceledCard, cardExpiring, walletCreated\)/],
    ['a channel the seed does not offer', { walletNotifications: { smartBillCanceledCard: { email: true } } }, /walletNotifications\.smartBillCanceledCard\.email is not offered: smartBillCanceledCard is sent by server only/],
    ['a channel the seed does not offer (2)', { walletNotifications: { cardExpiring: { server: true } } }, /walletNotifications\.cardExpiring\.server is not offered: cardExpiring is sent by email only/],
    ['a value that is not true or false', { walletNotifications: { walletCreated: { server: 'yes' } } }, /walletNotifications\.walletCreated\.server must be true or false/],
    ['a case that is not an object', { walletNotifications: { walletCreated: true } }, /walletNotifications\.walletCreated must be an object such as \{ "server": true \}/],
    ['not an object', { walletNotifications: ['walletCreated'] }, /walletNotifications must be an object/],
    ['email on without an address to send to', { walletNotifications: { cardExpiring: { email: true } } }, /pointsOfSell\[0\]\.email\.merchantTo must list at least one address to send wallet notifications by email/],
  ];
  for (const [name, pos, message] of bad) it(`refuses ${name}, naming the field`, () => assert.throws(() => parseMerchants(file(pos), 'merchants.json'), message));
});

describe('receivesWalletNotification', () => {
  const pos = (walletNotifications?: PointOfSell['walletNotifications']): PointOfSell => ({ id: 'p', label: 'p', ...(walletNotifications ? { walletNotifications } : {}) });
  const cases: [string, PointOfSell | undefined, Parameters<typeof receivesWalletNotification>[1], 'email' | 'server', boolean][] = [
    ['no settings: every channel the seed offers', pos(), 'smartbillEnrollResult', 'email', true],
    ['no settings: never a channel it does not offer', pos(), 'smartBillCanceledCard', 'email', false],
    ['settings: only what is true', pos({ smartbillEnrollResult: { server: true } }), 'smartbillEnrollResult', 'email', false],
    ['settings: a case left out is off', pos({ smartbillEnrollResult: { server: true } }), 'walletCreated', 'server', false],
    ['settings: true is on', pos({ walletCreated: { server: true } }), 'walletCreated', 'server', true],
    ['no point of sale: nothing', undefined, 'walletCreated', 'server', false],
  ];
  for (const [name, p, which, channel, expected] of cases) it(name, () => assert.equal(receivesWalletNotification(p, which, channel), expected));
});
