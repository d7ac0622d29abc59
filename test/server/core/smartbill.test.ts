import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEnrolment, applyNetworkUpdate, isSmartBillContract, newSmartBillCard, smartBillAlias, type NetworkUpdate, type SmartBillCard } from '../../../server/core/smartbill.js';

const T0 = Date.UTC(2026, 2, 2, 10);

describe('SmartBill alias and registration (seed 001 "L\'alias AMEX")', () => {
  it('the alias is walletId + cardIndex', () => {
    assert.equal(smartBillAlias('CUST-42', 1), 'CUST-421');
    assert.equal(smartBillAlias('W', 12), 'W12');
  });
  it('a new card waits for its enrolment result (WR)', () => {
    assert.deepEqual(newSmartBillCard('W', 2, T0), { cardStatus: 'WR', alias: 'W2', registeredAt: T0 });
  });
  it('an AMEX-REC BILLING contract is an Amex Recurring contract; AMEX alone is not', () => {
    assert.equal(isSmartBillContract({ cardTypes: ['AMEX-REC BILLING'] }), true);
    assert.equal(isSmartBillContract({ cardTypes: ['AMEX', 'AMEX-ONE CLICK'] }), false);
  });
});

describe('applyEnrolment', () => {
  const waiting = newSmartBillCard('W', 1, T0);
  it('accepted: EA, with the date and code', () => {
    assert.deepEqual(applyEnrolment(waiting, { accepted: true, code: '00' }, T0 + 1), { ...waiting, cardStatus: 'EA', enrolledAt: T0 + 1, resultCode: '00' });
  });
  it('refused: ER, with the refusal code and description', () => {
    const refused = applyEnrolment(waiting, { accepted: false, code: '11', description: 'unknown' }, T0 + 1);
    assert.deepEqual(refused, { ...waiting, cardStatus: 'ER', enrolledAt: T0 + 1, resultCode: '11', resultDescription: 'unknown' });
  });
  it('a card no longer waiting is left alone (the batch ran already)', () => {
    const enrolled: SmartBillCard = { ...waiting, cardStatus: 'EA' };
    assert.equal(applyEnrolment(enrolled, { accepted: false, code: '11', description: 'x' }, T0), undefined);
  });
});

describe('applyNetworkUpdate', () => {
  const enrolled: SmartBillCard = { cardStatus: 'EA', alias: 'W1', registeredAt: T0, enrolledAt: T0 };
  const edu: NetworkUpdate = { status: 'EDU', alias: 'W1', expirationDate: '0631' };
  const pu: NetworkUpdate = { status: 'PU', alias: 'W1', product: 'Platinum' };
  const cc: NetworkUpdate = { status: 'CC', alias: 'W1', cancellationCode: 'C01' };
  const cases: [string, SmartBillCard, string, NetworkUpdate, (d: ReturnType<typeof applyNetworkUpdate>) => void][] = [
    ['EDU gives the new expiry', enrolled, '1230', edu, (d) => assert.deepEqual(d, { ok: true, changed: true, card: { ...enrolled, cardStatus: 'EDU', updatedAt: T0 }, expirationDate: '0631', disableCard: false })],
    ['the same EDU twice changes nothing', { ...enrolled, cardStatus: 'EDU' }, '0631', edu, (d) => assert.deepEqual(d, { ok: true, changed: false })],
    ['PU keeps the product', enrolled, '1230', pu, (d) => assert.deepEqual(d, { ok: true, changed: true, card: { ...enrolled, cardStatus: 'PU', product: 'Platinum', updatedAt: T0 }, disableCard: false })],
    ['CC cancels and disables the card', enrolled, '1230', cc, (d) => assert.deepEqual(d, { ok: true, changed: true, card: { ...enrolled, cardStatus: 'CC', cancellationCode: 'C01', updatedAt: T0 }, disableCard: true })],
    ['CC on a cancelled card changes nothing', { ...enrolled, cardStatus: 'CC' }, '1230', cc, (d) => assert.deepEqual(d, { ok: true, changed: false })],
    ['a cancelled card takes no other update', { ...enrolled, cardStatus: 'CC' }, '1230', edu, (d) => assert.deepEqual(d, { ok: false, reason: 'alias W1 is cancelled (card_status CC)' })],
    ['a card waiting for enrolment takes none', { ...enrolled, cardStatus: 'WR' }, '1230', pu, (d) => assert.deepEqual(d, { ok: false, reason: 'alias W1 is not enrolled (card_status WR)' })],
    ['a refused card takes none', { ...enrolled, cardStatus: 'ER' }, '1230', cc, (d) => assert.deepEqual(d, { ok: false, reason: 'alias W1 is not enrolled (card_status ER)' })],
  ];
  for (const [name, card, expiry, update, check] of cases) it(name, () => check(applyNetworkUpdate(card, expiry, update, T0)));
});
