import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoredCard } from '../../../server/core/payment.js';
import { addCard, cardStatusAt, createWallet, disableWallet, enableWallet, findCard, updateCard, usableCard, type Wallet } from '../../../server/core/wallet.js';

/** The wallet rules (payline-api.md §3.8, §9.1–9.2), pure. */
describe('wallet rules', () => {
  const NOW = Date.UTC(2026, 2, 2, 10);
  const stored = (pan: string, expirationDate = '1230'): StoredCard => ({ maskedNumber: pan.slice(0, 6) + 'XXXXXX' + pan.slice(-4), type: 'CB', expirationDate, panHash: `hash-${pan}`, panCipher: `sealed-${pan}` });
  const wallet = (): Wallet => {
    const made = createWallet({ walletId: 'w', merchantId: 'm', owner: { lastName: 'Martin' }, card: { card: stored('4970101122334455'), contractNumber: 'CB' }, now: NOW });
    assert.ok(made.ok);
    return made.wallet;
  };
  const ok = <T extends { ok: boolean }>(decision: T): Extract<T, { ok: true }> => {
    assert.ok(decision.ok, JSON.stringify(decision));
    return decision as Extract<T, { ok: true }>;
  };

  it('creates with card 1 as the default and a wallet.created event', () => {
    const made = createWallet({ walletId: 'w', merchantId: 'm', owner: {}, card: { card: stored('4111111111111111'), contractNumber: 'CB' }, now: NOW });
    assert.ok(made.ok);
    assert.deepEqual(made.wallet.cards.map((c) => [c.cardInd, c.isDefault]), [[1, true]]);
    assert.deepEqual(made.events, [{ type: 'wallet.created', data: { walletId: 'w', contractNumber: 'CB', cardInd: 1 } }]);
  });

  it('assigns indexes 1, 2, 3… never reused, and refuses a PAN the wallet holds (02521)', () => {
    let w = ok(addCard(wallet(), { card: stored('4111111111111111'), contractNumber: 'CB', now: NOW })).wallet;
    w = ok(disableWallet(w, { contractNumber: 'CB', cardInd: 2, now: NOW })).wallet;
    const third = ok(addCard(w, { card: stored('5132100000000008'), contractNumber: 'CB', now: NOW }));
    assert.equal(third.cardInd, 3);
    const again = addCard(third.wallet, { card: stored('4970101122334455'), contractNumber: 'CB', now: NOW });
    assert.deepEqual(again.ok ? undefined : again.code, '02521');
  });

  it('finds the default card, or cardInd; 02518 otherwise; 02505 for a disabled wallet or card', () => {
    const w = ok(addCard(wallet(), { card: stored('4111111111111111'), contractNumber: 'CB', isDefault: true, now: NOW })).wallet;
    assert.equal(ok(findCard(w)).card.cardInd, 2);
    assert.equal(ok(findCard(w, 1)).card.cardInd, 1);
    const bad = findCard(w, 3);
    assert.equal(bad.ok ? '' : bad.code, '02518');
    const off = ok(disableWallet(w, { contractNumber: 'CB', now: NOW })).wallet;
    const refused = usableCard(off);
    assert.equal(refused.ok ? '' : refused.code, '02505');
  });

  it('moves the default to the next usable card when the default card is disabled, back when enabled', () => {
    let w = ok(addCard(wallet(), { card: stored('4111111111111111'), contractNumber: 'CB', now: NOW })).wallet;
    w = ok(disableWallet(w, { contractNumber: 'CB', cardInd: 1, now: NOW })).wallet;
    assert.deepEqual(w.cards.map((c) => [c.isDefault, c.isDisabled, c.cardStatus]), [[false, true, 'MAN'], [true, false, undefined]]);
    w = ok(enableWallet(w, { contractNumber: 'CB', cardInd: 1, now: NOW })).wallet;
    assert.deepEqual(w.cards.map((c) => [c.isDefault, c.isDisabled, c.cardStatus]), [[false, false, undefined], [true, false, undefined]]);
    const twice = enableWallet(w, { contractNumber: 'CB', now: NOW });
    assert.equal(twice.ok ? '' : twice.code, '02519');
  });

  it('updates a card\'s expiry in place, or replaces its PAN; 02521 for another card\'s PAN', () => {
    let w = ok(addCard(wallet(), { card: stored('4111111111111111'), contractNumber: 'CB', now: NOW })).wallet;
    w = ok(updateCard(w, 1, { expirationDate: '0631', contractNumber: 'CB', now: NOW })).wallet;
    assert.equal(w.cards[0]!.card.expirationDate, '0631');
    assert.equal(w.cards[0]!.card.panHash, 'hash-4970101122334455');
    const clash = updateCard(w, 1, { card: stored('4111111111111111'), contractNumber: 'CB', now: NOW });
    assert.equal(clash.ok ? '' : clash.code, '02521');
  });

  it('says EXP once the expiry month is over, the stored status otherwise', () => {
    const card = { cardInd: 1, isDefault: true, card: stored('4111111111111111', '0226'), isDisabled: false, contractNumber: 'CB' };
    assert.equal(cardStatusAt(card, Date.UTC(2026, 1, 28)), undefined);
    assert.equal(cardStatusAt(card, Date.UTC(2026, 2, 1)), 'EXP');
    assert.equal(cardStatusAt({ ...card, cardStatus: 'OPP' }, Date.UTC(2026, 2, 1)), 'OPP');
  });
});
