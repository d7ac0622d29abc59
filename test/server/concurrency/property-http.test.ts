import { it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, captureRequest, refundRequest, resetRequest } from '../support/requests.js';
import { assertLedgerHolds, readLedger, tally } from '../support/ledger.js';

/*
 * Random operation sequences against a real gateway over HTTP: captures, refunds and resets with
 * random amounts, one at a time or several at once, between clock moves (past the remittance,
 * past 7 days). Whatever the order, the ledger getTransactionDetails shows must agree with the
 * answers and keep captured ≤ authorized and refunded ≤ captured. A fresh gateway per run keeps
 * each run's clock from drifting. Unseeded; FC_SEED=<seed> replays a failure.
 */
type OpName = 'capture' | 'refund' | 'reset';
interface Op {
  op: OpName;
  /** The amount as a share of the authorization, in ‰ (at least 1 minor unit). */
  permille: number;
}
type Step = { kind: 'one'; op: Op } | { kind: 'together'; ops: Op[] } | { kind: 'wait'; ms: number };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const opArb: fc.Arbitrary<Op> = fc.record({
  op: fc.oneof({ weight: 3, arbitrary: fc.constant('capture' as const) }, { weight: 3, arbitrary: fc.constant('refund' as const) }, { weight: 1, arbitrary: fc.constant('reset' as const) }),
  permille: fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 1200 })),
});
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('one' as const), op: opArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('together' as const), ops: fc.array(opArb, { minLength: 2, maxLength: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.constantFrom(HOUR, 15 * HOUR, DAY, 8 * DAY) }) },
);
const runArb = fc.record({ action: fc.constantFrom(100 as const, 101 as const), amount: fc.integer({ min: 100, max: 20_000 }), steps: fc.array(stepArb, { minLength: 1, maxLength: 10 }) });

const ALLOWED: Record<OpName, string[]> = {
  capture: ['00000', '02302', '02602', '02613', '02617'],
  refund: ['00000', '02302', '02613', '02618'],
  reset: ['00000', '02105', '02601', '02602', '02603'],
};

interface Answer {
  op: OpName;
  amount: number;
  code: string;
}

async function send(gw: TestGateway, id: string, { op, permille }: Op, authorized: number): Promise<Answer> {
  const amount = Math.max(1, Math.floor((authorized * permille) / 1000));
  const body = op === 'capture' ? captureRequest(id, amount) : op === 'refund' ? refundRequest(id, amount) : resetRequest(id);
  const response = await gw.call(op === 'capture' ? 'doCapture' : op === 'refund' ? 'doRefund' : 'doReset', body);
  return { op, amount, code: response.result.code };
}

it('random sequences over HTTP keep captured ≤ authorized and refunded ≤ captured', async () => {
  const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
  const seen: string[] = [];
  await fc.assert(
    fc.asyncProperty(runArb, async ({ action, amount, steps }) => {
      const gw = await startTestGateway();
      try {
        const auth = await gw.call('doAuthorization', authorizationRequest(amount, { action }));
        assert.equal(auth.result.code, '00000');
        const id: string = auth.transaction.id;
        const answers: Answer[] = [];
        for (const step of steps) {
          if (step.kind === 'wait') await gw.advance(step.ms);
          else if (step.kind === 'one') answers.push(await send(gw, id, step.op, amount));
          else answers.push(...(await Promise.all(step.ops.map((op) => send(gw, id, op, amount)))));
        }
        for (const { op, code } of answers) assert.ok(ALLOWED[op].includes(code), `${op} answered ${code}`);
        seen.push(...answers.map((a) => `${a.op} ${a.code}`));

        const ledger = await readLedger(gw, id);
        assertLedgerHolds(ledger);
        const accepted = (op: OpName) => answers.filter((a) => a.op === op && a.code === '00000');
        const types = tally(ledger.list.map((t) => t.type));
        assert.deepEqual(
          [types.CAPTURE ?? 0, types.REFUND ?? 0, types.RESET ?? 0],
          [accepted('capture').length, accepted('refund').length, accepted('reset').length],
          'one transaction per accepted answer',
        );
        const total = (answers: Answer[]) => answers.reduce((sum, a) => sum + a.amount, 0);
        const capturedBefore = (action === 101 ? amount : 0) + total(accepted('capture'));
        assert.equal(ledger.captured, ledger.reset ? 0 : capturedBefore, 'a reset voids the captures in the ledger too');
        if (ledger.reset) assert.equal(ledger.list.filter((t) => t.status === 'CANCELLED').reduce((sum, t) => sum + t.amount, 0), capturedBefore);
        assert.equal(ledger.refunded, total(accepted('refund')));
        assert.equal(ledger.reset, accepted('reset').length === 1);
        const stored = (await gw.gateway.store.getPayment('demo-merchant', id))!;
        assert.deepEqual([stored.capturedAmount, stored.refundedAmount], [ledger.reset ? 0 : ledger.captured, ledger.refunded], 'a reset voids the captures');
      } finally {
        await gw.close();
      }
    }),
    { numRuns: 25, ...(seed === undefined ? {} : { seed }) },
  );
  const outcomes = tally(seen);
  assert.ok((outcomes['capture 00000'] ?? 0) + (outcomes['refund 00000'] ?? 0) > 10, JSON.stringify(outcomes));
});
