import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  amountLeft,
  coveredAmount,
  giftCardAllowance,
  maskGiftCardNumber,
  MAX_GIFT_CARDS,
  partnerAdditionalData,
  withGiftCard,
  withoutGiftCard,
  type GiftCardEntry,
} from '../../../server/core/gift-card.js';
import { acceptOrder, checkWaiting, startConfirmation, STALE_ATTEMPT_MS } from '../../../server/core/web-session.js';
import { SessionStatus } from '../../../server/core/web-session-types.js';
import { deepFreeze, MINUTE, session, T0 } from '../support/core-fixtures.js';

/** The gift-card rules of a session (seed 004), pure: amounts left, the per-basket maximum, the card limit. */
function entry(id: string, amount: number, hash = `h-${id}`): GiftCardEntry {
  return { id, maskedNumber: 'XXXX0001', numberCipher: 'v1.x', numberHash: hash, reservationId: `r-${id}`, initialBalance: amount, amount };
}
const MAX = 100_000;
const open = (amount: number, amounts: number[] = []) =>
  deepFreeze(amounts.reduce((s, a, i) => withGiftCard(s, 'GIFT', entry(`gc${i}`, a)), session({ payment: { ...session().payment, amount } })));

describe('gift cards in a session', () => {
  it('covers the sum of the entries and leaves the rest to the card', () => {
    const s = open(12_000, [3000, 5000]);
    assert.deepEqual([coveredAmount(s), amountLeft(s)], [8000, 4000]);
    assert.deepEqual([coveredAmount(withoutGiftCard(s, 'gc0')), withoutGiftCard(s, 'gc0').version], [5000, s.version + 1]);
  });

  it('allows what is left, never beyond the per-basket maximum', () => {
    assert.deepEqual(giftCardAllowance(open(4000), 'new', MAX), { ok: true, upTo: 4000, capped: false });
    assert.deepEqual(giftCardAllowance(open(150_000), 'new', MAX), { ok: true, upTo: 100_000, capped: true });
    assert.deepEqual(giftCardAllowance(open(150_000, [60_000]), 'new', MAX), { ok: true, upTo: 40_000, capped: true });
  });

  const refusals: Array<[string, ReturnType<typeof open>, string, string, string]> = [
    ['the same card twice', open(9000, [3000]), 'h-gc0', '02305', 'already-entered'],
    ['nothing left to pay', open(3000, [3000]), 'new', '02305', 'nothing-left'],
    ['the maximum reached', open(150_000, [100_000]), 'new', '02610', 'max-amount'],
    ['the card limit reached', open(90_000, Array(MAX_GIFT_CARDS).fill(1000)), 'new', '02610', 'max-cards'],
  ];
  for (const [name, s, hash, code, reason] of refusals) {
    it(`refuses ${name}: ${code} ${reason}`, () => {
      const answer = giftCardAllowance(s, hash, MAX);
      assert.equal(answer.ok, false);
      assert.deepEqual(answer.ok ? [] : [answer.code, answer.reason], [code, reason]);
    });
  }

  it('masks all but the last 4 digits, and writes partnerAdditionalData as strings', () => {
    assert.equal(maskGiftCardNumber('6035010000000000001'), 'XXXXXXXXXXXXXXX0001');
    assert.equal(
      partnerAdditionalData([{ maskedNumber: 'XX0001', initialBalance: 3000, finalBalance: 0, paymentAmount: 3000 }]),
      '[{"PAN":"XX0001","initialBalance":"3000","finalBalance":"0","paymentAmount":"3000"}]',
    );
  });
});

describe('confirming an order paid by gift cards', () => {
  const waiting = deepFreeze(session());
  it('changes gift cards only while waiting', () => {
    assert.deepEqual(checkWaiting(waiting, T0 + MINUTE), { ok: true });
    assert.deepEqual(checkWaiting(session({ status: SessionStatus.PROCESSING, attemptStartedAt: T0 }), T0 + MINUTE), { ok: false, code: '02002' });
    assert.deepEqual(checkWaiting(waiting, T0 + 15 * MINUTE), { ok: false, code: '02324' });
  });

  it('confirms without using an attempt, once, or again when a confirmation went stale', () => {
    const step = startConfirmation(waiting, T0 + MINUTE);
    assert.ok(step.ok);
    assert.deepEqual([step.session.status, step.session.attempts, step.session.attemptStartedAt], [SessionStatus.PROCESSING, 0, T0 + MINUTE]);
    assert.deepEqual(startConfirmation(step.session, T0 + MINUTE + 1), { ok: false, code: '02002' });
    assert.equal(startConfirmation(step.session, T0 + MINUTE + STALE_ATTEMPT_MS).ok, true);
  });

  it('accepts the order with its payments, each once', () => {
    const accepted = acceptOrder(session({ paymentIds: ['c1'] }), ['c1', 'g1']);
    assert.deepEqual([accepted.status, accepted.lastResultCode, accepted.paymentIds], [SessionStatus.ACCEPTED, '00000', ['c1', 'g1']]);
  });
});
