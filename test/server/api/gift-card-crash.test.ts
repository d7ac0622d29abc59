import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SimulatorGiftCardProcessor } from '../../../server/connectors/simulator/gift-card/simulator-gift-cards.js';
import { PaymentKind } from '../../../server/core/payment.js';
import { SessionStatus } from '../../../server/core/web-session-types.js';
import type { Merchant } from '../../../server/merchants/merchant.js';
import { SANDBOX_MERCHANT } from '../../../server/merchants/sandbox-merchant.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { assertCode } from '../support/api-helpers.js';
import { CB_CARD } from '../support/requests.js';
import { pay } from '../support/widget-calls.js';
import { addGiftCard, GIFT, GIFT_CONTRACT, giftCardBalance, openGiftSession, sessionView } from '../support/gift-card-calls.js';

/**
 * A shopper never loses balance for an unpaid order, even when the gateway stops between steps:
 * reservations lapse and their job frees them; a session left PROCESSING after its complement
 * (or the shopper's confirmation) was accepted is finished by the expiry job, not dropped.
 */
const MINUTE = 60_000;

/** Marks a session PROCESSING as a pay or confirm that died midway would leave it. */
async function leaveProcessing(gw: TestGateway, token: string): Promise<void> {
  const session = (await gw.gateway.store.getSession(token))!;
  const next = { ...session, status: SessionStatus.PROCESSING, attemptStartedAt: gw.clock.now(), version: session.version + 1 };
  assert.equal((await gw.gateway.store.commit({ sessions: [{ next, expectedVersion: session.version }] })).ok, true);
}

/**
 * An 80.00 order: a 50.00 gift card entered, then the 30.00 card complement accepted while the
 * session was PROCESSING, and the process stopped before settling the order.
 */
async function complementAcceptedThenStop(gw: TestGateway) {
  const token = await openGiftSession(gw, 8000);
  assertCode(await addGiftCard(gw, token, GIFT.g50), '00000');
  await leaveProcessing(gw, token);
  const session = (await gw.gateway.store.getSession(token))!;
  const complement = await gw.gateway.payments.createWithCard({
    merchant: SANDBOX_MERCHANT,
    kind: PaymentKind.AUTHORIZATION,
    terms: { amount: 3000, currency: 978, action: 101, mode: 'CPT', contractNumber: 'CB' },
    card: CB_CARD,
    orderRef: session.orderRef,
    order: session.order,
    token,
    complement: true,
  });
  return { token, complement };
}

describe('gift cards when the gateway stops between steps', () => {
  it('a reservation whose session never completed keeps nothing after it lapses, and its job deletes it', async (t) => {
    const gw = await startTestGateway();
    t.after(() => gw.close());
    // Another gateway process reserved 40.00 EUR, then died before its session recorded it.
    const other = new SimulatorGiftCardProcessor(gw.gateway.store, gw.clock);
    const reserved = await other.reserve({
      contract: { processorContractNumber: 'CCC-DEMO-1', contractType: 'non-food', acceptsDiscounted: false },
      card: GIFT.g50,
      currency: 978,
      upTo: 4000,
      reservationId: 'orphan',
      expiresAt: gw.clock.now() + 20 * MINUTE,
      now: gw.clock.now(),
    });
    assert.equal(reserved.ok, true);
    assert.equal(await giftCardBalance(gw, GIFT.g50), 1000);
    gw.clock.advance(20 * MINUTE);
    // Past its time it counts for nothing, even before any job ran…
    assert.equal(await giftCardBalance(gw, GIFT.g50), 5000);
    // …and the job runner deletes it for good.
    await gw.gateway.jobs.runDue();
    const account = await gw.gateway.store.getRecord('gift-card-account', 'processor:gift-card', GIFT.g50.number);
    assert.deepEqual(account!.data.reservations, {});
  });

  it('a session left PROCESSING with its complement accepted is finished by the expiry job: both parts captured', async (t) => {
    const gw = await startTestGateway();
    t.after(() => gw.close());
    const { token, complement } = await complementAcceptedThenStop(gw);
    assertCode({ result: { code: complement.code } }, '00000');
    // The process stops here. The session's expiry comes:
    await gw.advance(16 * MINUTE);
    const view = await sessionView(gw, token);
    assert.equal(view.state, 'ACCEPTED');
    assert.equal(view.complement.transaction.id, complement.payment!.id);
    assert.equal(await giftCardBalance(gw, GIFT.g50), 0);
    const accepted = (await gw.gateway.store.readEvents(0, 1000)).filter((e) => e.type === 'payment.accepted' && e.data.token === token);
    assert.equal(accepted.length, 1);
  });

  it('a shopper paying again a session whose complement was accepted before a stop is not charged twice (02001)', async (t) => {
    const gw = await startTestGateway();
    t.after(() => gw.close());
    const { token, complement: first } = await complementAcceptedThenStop(gw);
    await gw.advance(3 * MINUTE);
    const again = await pay(gw, token, { card: CB_CARD });
    assertCode(again, '02001');
    assert.equal(again.session.state, 'ACCEPTED');
    assert.equal(again.session.complement.transaction.id, first.payment!.id);
    const payments = await gw.gateway.store.searchPayments({ merchantId: SANDBOX_MERCHANT.merchantId, token, limit: 10 });
    assert.equal(payments.length, 2, 'the complement and the gift-card transaction, no second card payment');
    assert.equal(await giftCardBalance(gw, GIFT.g50), 0);
  });

  it('a confirmation left PROCESSING is finished by the expiry job; an unpaid PROCESSING session releases', async (t) => {
    const gw = await startTestGateway();
    t.after(() => gw.close());
    const confirmed = await openGiftSession(gw, 2000);
    assertCode(await addGiftCard(gw, confirmed, GIFT.g30), '00000');
    await leaveProcessing(gw, confirmed);
    const unpaid = await openGiftSession(gw, 9000);
    assertCode(await addGiftCard(gw, unpaid, GIFT.g50), '00000');
    await leaveProcessing(gw, unpaid);
    await gw.advance(16 * MINUTE);
    assert.equal((await sessionView(gw, confirmed)).state, 'ACCEPTED');
    assert.equal(await giftCardBalance(gw, GIFT.g30), 1000);
    assert.equal((await sessionView(gw, unpaid)).state, 'EXPIRED');
    assert.equal(await giftCardBalance(gw, GIFT.g50), 5000);
  });
});

describe('a gift-card contract that accepts discounted cards', () => {
  it('takes the discounted test card', async (t) => {
    const merchant: Merchant = {
      ...SANDBOX_MERCHANT,
      contracts: SANDBOX_MERCHANT.contracts.map((c) => (c.contractNumber === GIFT_CONTRACT ? { ...c, giftCard: { ...c.giftCard!, acceptsDiscounted: true } } : c)),
    };
    const gw = await startTestGateway({}, { merchants: [merchant] });
    t.after(() => gw.close());
    const token = await openGiftSession(gw, 3000);
    const added = await addGiftCard(gw, token, GIFT.discounted);
    assertCode(added, '00000');
    assert.equal(added.giftCard.amount, 3000);
  });
});
