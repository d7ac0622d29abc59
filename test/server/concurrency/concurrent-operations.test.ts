import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../../server/core/clock.js';
import { PaymentKind, type Payment } from '../../../server/core/payment.js';
import { SimulatorAcquirer } from '../../../server/connectors/simulator/simulator.js';
import { SANDBOX_MERCHANT } from '../../../server/merchants/sandbox-merchant.js';
import { MemoryStore } from '../../../server/store/memory/memory-store.js';
import type { Change, CommitOutcome } from '../../../server/store/store.js';
import { startTestGateway, TEST_EPOCH, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, captureRequest, CB_CARD, nextOrderRef, refundRequest, resetRequest, VERSION, webPaymentRequest } from '../support/requests.js';
import { assertLedgerHolds, readLedger, shuffle, tally } from '../support/ledger.js';

/*
 * Races over real HTTP: many requests on one payment at once. The service reads, decides and
 * commits with an optimistic version, retrying on conflict, so the state machine's limits must
 * hold exactly whatever the interleaving.
 */
const MERCHANT = 'demo-merchant';

async function authorize(gw: TestGateway, amount: number, action: 100 | 101): Promise<string> {
  const auth = await gw.call('doAuthorization', authorizationRequest(amount, { action }));
  assert.equal(auth.result.code, '00000');
  return auth.transaction.id;
}

/** The outbox events of one payment, by type. */
async function eventsOf(gw: TestGateway, paymentId: string): Promise<Record<string, number>> {
  const events = await gw.gateway.store.readEvents(0, 1_000_000);
  return tally(events.filter((e) => e.data.paymentId === paymentId).map((e) => e.type));
}

describe('concurrent operations on one payment', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  it('200 partial captures of 73 on 10000: exactly 136 accepted, 64 × 02613', async () => {
    const id = await authorize(gw, 10000, 100);
    const answers = await Promise.all(Array.from({ length: 200 }, () => gw.call('doCapture', captureRequest(id, 73))));
    assert.deepEqual(tally(answers.map((a) => a.result.code)), { '00000': 136, '02613': 64 });
    const ledger = await readLedger(gw, id);
    assertLedgerHolds(ledger);
    assert.deepEqual([ledger.authorized, ledger.captured, ledger.list.length], [10000, 136 * 73, 137]);
    const acceptedIds = answers.filter((a) => a.result.code === '00000').map((a) => a.transaction.id);
    assert.equal(new Set(acceptedIds).size, 136, 'each accepted capture is its own transaction');
    assert.deepEqual(new Set(acceptedIds), new Set(ledger.list.filter((t) => t.type === 'CAPTURE').map((t) => t.transactionId)));
    assert.deepEqual(await eventsOf(gw, id), { 'payment.accepted': 1, 'payment.captured': 136 });
    // The 64 left over (10000 - 9928 = 72) can still be captured, and then nothing more.
    assert.equal((await gw.call('doCapture', captureRequest(id, 72))).result.code, '00000');
    assert.equal((await gw.call('doCapture', captureRequest(id, 1))).result.code, '02617');
  });

  it('200 partial refunds of 73 on a captured 10000: exactly 136 accepted, 64 × 02613', async () => {
    const id = await authorize(gw, 10000, 101);
    const answers = await Promise.all(Array.from({ length: 200 }, () => gw.call('doRefund', refundRequest(id, 73))));
    assert.deepEqual(tally(answers.map((a) => a.result.code)), { '00000': 136, '02613': 64 });
    const ledger = await readLedger(gw, id);
    assertLedgerHolds(ledger);
    assert.deepEqual([ledger.captured, ledger.refunded, tally(ledger.list.map((t) => t.type))], [10000, 136 * 73, { AUTHORIZATION_CAPTURE: 1, REFUND: 136 }]);
    assert.deepEqual(await eventsOf(gw, id), { 'payment.accepted': 1, 'payment.refunded': 136 });
  });

  const ALLOWED: Record<string, string[]> = {
    doCapture: ['00000', '02613', '02617', '02302'],
    doRefund: ['00000', '02613', '02618', '02302'],
    doReset: ['00000', '02603'],
  };

  // The reset sent first (it usually wins), among the others, or last; with or without a capture before the race.
  const rounds = [false, true].flatMap((headStart) => (['first', 'among', 'last'] as const).map((resetAt) => ({ headStart, resetAt })));
  for (const { headStart, resetAt } of rounds) {
    it(`captures, refunds and a reset at once (reset sent ${resetAt}${headStart ? ', after a capture' : ''}): the ledger agrees with every answer`, async () => {
      const id = await authorize(gw, 10000, 100);
      if (headStart) assert.equal((await gw.call('doCapture', captureRequest(id, 1000))).result.code, '00000');
      const others = shuffle([
        ...Array.from({ length: 60 }, () => ['doCapture', captureRequest(id, 250)] as const),
        ...Array.from({ length: 60 }, () => ['doRefund', refundRequest(id, 100)] as const),
      ]);
      const reset = ['doReset', resetRequest(id)] as const;
      const calls = resetAt === 'first' ? [reset, ...others] : resetAt === 'last' ? [...others, reset] : shuffle([...others, reset]);
      const answers = await Promise.all(calls.map(async ([op, body]) => ({ op, code: (await gw.call(op, body)).result.code as string })));
      for (const { op, code } of answers) assert.ok(ALLOWED[op]!.includes(code), `${op} answered ${code}`);
      const ledger = await readLedger(gw, id);
      assertLedgerHolds(ledger);
      const accepted = (op: string) => answers.filter((a) => a.op === op && a.code === '00000').length;
      const types = tally(ledger.list.map((t) => t.type));
      assert.deepEqual(
        [types.CAPTURE ?? 0, types.REFUND ?? 0, types.RESET ?? 0],
        [accepted('doCapture') + (headStart ? 1 : 0), accepted('doRefund'), accepted('doReset')],
        'one transaction per accepted answer, none for a refusal',
      );
      const resetCode = answers.find((a) => a.op === 'doReset')!.code;
      if (resetCode === '02603') assert.ok((types.REFUND ?? 0) > 0, '02603 only once something was refunded');
      assert.equal(ledger.status, resetCode === '00000' ? 'RESET' : 'AUTHORIZED');
      // After a reset: no captures nor refunds accepted later. Without one: the sums are what was answered.
      if (resetCode !== '00000') assert.deepEqual([ledger.captured, ledger.refunded], [(headStart ? 1000 : 0) + accepted('doCapture') * 250, accepted('doRefund') * 100]);
      const stored = (await gw.gateway.store.getPayment(MERCHANT, id))!;
      assert.deepEqual([stored.capturedAmount, stored.refundedAmount], [ledger.reset ? 0 : ledger.captured, ledger.refunded], 'a reset voided the captures');
    });
  }
});

for (const latency of ['0', '10']) {
  describe(`concurrent first payments (acquirer latency ${latency} ms)`, () => {
    let gw: TestGateway;
    let authorizations = 0;
    before(async () => {
      const acquirer = new SimulatorAcquirer({ latencyMs: Number(latency) });
      const authorize = acquirer.authorize.bind(acquirer);
      acquirer.authorize = (request) => (authorizations++, authorize(request));
      gw = await startTestGateway({}, { acquirer });
    });
    after(() => gw.close());

    it('50 pays of one web-payment token: exactly one payment, the others 02002 or 02001', async () => {
      const orderRef = nextOrderRef('web');
      const created = await gw.call('doWebPayment', webPaymentRequest(4200, { orderRef }));
      assert.equal(created.result.code, '00000');
      const token: string = created.token;
      const pay = async () => {
        const response = await gw.fetch(`/widget/sessions/${token}/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ card: CB_CARD }) });
        assert.equal(response.status, 200);
        return ((await response.json()) as { result: { code: string } }).result.code;
      };
      const codes = tally(await Promise.all(Array.from({ length: 50 }, pay)));
      assert.equal(codes['00000'], 1, JSON.stringify(codes));
      assert.equal((codes['02002'] ?? 0) + (codes['02001'] ?? 0), 49, JSON.stringify(codes));
      const details = await gw.call('getWebPaymentDetails', { version: VERSION, token });
      assert.deepEqual([details.result.code, details.numberOfAttempt], ['00000', 1]);
      const payments = await gw.gateway.store.findPaymentsByOrderRef(MERCHANT, orderRef);
      assert.deepEqual(payments.map((p) => [p.token, p.resultCode, p.capturedAmount]), [[token, '00000', 4200]]);
    });

    it('20 identical doAuthorization calls: the bank is asked once; one 00000, the others 02002 (in flight) or 01913 naming it', async () => {
      const body = authorizationRequest(5100, { action: 100, orderRef: nextOrderRef('dup') });
      const before = authorizations;
      const answers = await Promise.all(Array.from({ length: 20 }, () => gw.call('doAuthorization', body)));
      const codes = tally(answers.map((a) => a.result.code));
      assert.equal(codes['00000'], 1, JSON.stringify(codes));
      assert.equal((codes['01913'] ?? 0) + (codes['02002'] ?? 0), 19, JSON.stringify(codes));
      assert.equal(authorizations - before, 1, 'only the first request reached the acquirer');
      const late = await gw.call('doAuthorization', body);
      assert.equal(late.result.code, '01913', 'once paid, the order answers 01913');
      const original = answers.find((a) => a.result.code === '00000')!;
      assert.equal(original.transaction.isDuplicated, '0');
      for (const duplicate of answers.filter((a) => a.result.code === '01913')) {
        assert.deepEqual([duplicate.transaction.isDuplicated, duplicate.transaction.id], ['1', original.transaction.id]);
      }
      const stored = await gw.gateway.store.findPaymentsByOrderRef(MERCHANT, body.order.ref);
      assert.deepEqual(stored.map((p) => p.id), [original.transaction.id]);
    });
  });
}

/** A MemoryStore whose reads and commits each wait a turn of the event loop, and that counts version conflicts. */
class InterleavingStore extends MemoryStore {
  conflicts = 0;
  override async commit(change: Change): Promise<CommitOutcome> {
    await new Promise((resolve) => setImmediate(resolve));
    const outcome = await super.commit(change);
    if (!outcome.ok && outcome.conflict === 'version') this.conflicts++;
    return outcome;
  }
  override async getPayment(merchantId: string, transactionId: string): Promise<Payment | undefined> {
    await new Promise((resolve) => setImmediate(resolve));
    return super.getPayment(merchantId, transactionId);
  }
}

describe('the 200-capture race against PaymentsService (simulator latency 1 ms)', () => {
  for (const interleaving of [false, true]) {
    it(`${interleaving ? 'a store that yields on every read and commit' : 'the memory store'}: 136 × 73 captured, 64 × 02613, 136 events`, async (t) => {
      // The gateway's own wiring, with this store and a slower simulator; its PaymentsService is called directly.
      const clock = new ManualClock(TEST_EPOCH);
      const store = interleaving ? new InterleavingStore({ clock }) : new MemoryStore({ clock });
      const gw = await startTestGateway({}, { clock, store, acquirer: new SimulatorAcquirer({ latencyMs: 1 }) });
      t.after(() => gw.close());
      const service = gw.gateway.payments;
      const merchant = SANDBOX_MERCHANT;
      const auth = await service.createWithCard({
        merchant,
        kind: PaymentKind.AUTHORIZATION,
        terms: { amount: 10000, currency: 978, action: 100, mode: 'CPT', contractNumber: 'CB' },
        card: CB_CARD,
        orderRef: 'race-1',
        order: { ref: 'race-1', amount: 10000, currency: 978 },
      });
      assert.equal(auth.code, '00000');
      const id = auth.payment!.id;
      const outcomes = await Promise.all(Array.from({ length: 200 }, () => service.capture(merchant, id, { amount: 73, currency: 978 })));
      assert.deepEqual(tally(outcomes.map((o) => o.code)), { '00000': 136, '02613': 64 });
      const stored = (await store.getPayment(merchant.merchantId, id))!;
      assert.deepEqual([stored.capturedAmount, stored.operations.length, stored.version], [136 * 73, 137, 137]);
      const accepted = outcomes.filter((o) => o.code === '00000');
      assert.deepEqual(new Set(accepted.map((o) => o.transactionId)), new Set(stored.operations.slice(1).map((op) => op.id)));
      const events = await store.readEvents(0, 1000);
      assert.deepEqual(tally(events.map((e) => e.type)), { 'payment.accepted': 1, 'payment.captured': 136 });
      // Every refusal was decided on the final committed state (72 left), never on a stale read.
      for (const refused of outcomes.filter((o) => o.code === '02613')) assert.equal(refused.payment!.capturedAmount, 136 * 73);
      if (store instanceof InterleavingStore) assert.ok(store.conflicts >= 136, `only ${store.conflicts} version conflicts: the requests did not race`);
    });
  }
});
