import { it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { OperationType, PaymentStatus, type Payment } from '../../../server/core/payment.js';
import { decideCapture, decideRefund, decideReset, hasRemittedCapture, remittanceTime, type Decision } from '../../../server/core/transaction-state.js';
import { DAY, deepFreeze, HOUR, payment, T0, WEEK } from '../support/core-fixtures.js';

/*
 * Random lives of a payment through the decide functions: captures, refunds and resets with
 * random amounts, between random clock moves (some past the remittance, some past 7 days).
 * Unseeded: each run explores new lives; FC_SEED=<seed> replays one that failed.
 */

/** An amount: none (the default), a raw number, or a share of the authorization in ‰ (0 to 120 %). */
type Amount = { none: true } | { raw: number } | { permille: number };
type Step = { op: 'capture' | 'refund' | 'reset'; amount: Amount } | { op: 'wait'; ms: number } | { op: 'midnight' };

const amountArb: fc.Arbitrary<Amount> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ none: true as const }) },
  { weight: 1, arbitrary: fc.record({ raw: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 1, max: 150_000 })) }) },
  { weight: 4, arbitrary: fc.record({ permille: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ permille: fc.integer({ min: 0, max: 1200 }) }) },
);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('capture' as const, 'refund' as const), amount: amountArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reset' as const), amount: fc.oneof(fc.constant({ none: true as const }), amountArb) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('wait' as const), ms: fc.oneof(fc.integer({ min: 1, max: 6 * HOUR }), fc.integer({ min: DAY, max: 3 * DAY }), fc.constant(WEEK)) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'midnight' as const }) },
);
const lifeArb = fc.record({
  start: fc.constantFrom('auth100' as const, 'auth101' as const, 'debit' as const),
  authorized: fc.integer({ min: 1, max: 100_000 }),
  startOffset: fc.integer({ min: 0, max: DAY - 1 }),
  steps: fc.array(stepArb, { maxLength: 30 }),
});

const REFUSALS: Record<'capture' | 'refund' | 'reset', string[]> = {
  capture: ['02302', '02305', '02602', '02613', '02617'],
  refund: ['02302', '02305', '02613', '02618'],
  reset: ['02105', '02601', '02602', '02603', '02612'],
};
const DECIDE = { capture: decideCapture, refund: decideRefund, reset: decideReset };

function resolve(amount: Amount, authorized: number): number | undefined {
  if ('none' in amount) return undefined;
  return 'raw' in amount ? amount.raw : Math.floor((authorized * amount.permille) / 1000);
}

const sum = (p: Payment, types: OperationType[]) => p.operations.filter((o) => types.includes(o.type) && o.resultCode === '00000').reduce((t, o) => t + o.amount, 0);
const CAPTURE_LIKE = [OperationType.AUTHORIZATION_CAPTURE, OperationType.CAPTURE, OperationType.DEBIT];

function checkInvariants(p: Payment, authorized: number): void {
  assert.equal(p.authorizedAmount, authorized, 'the authorized amount never changes');
  assert.ok(0 <= p.refundedAmount && p.refundedAmount <= p.capturedAmount && p.capturedAmount <= p.authorizedAmount, `0 ≤ ${p.refundedAmount} ≤ ${p.capturedAmount} ≤ ${p.authorizedAmount}`);
  assert.equal(p.version, p.operations.length, 'one version per operation');
  if (p.status === PaymentStatus.RESET) {
    assert.deepEqual([p.capturedAmount, p.refundedAmount], [0, 0], 'a reset payment holds nothing');
  } else {
    assert.equal(p.capturedAmount, sum(p, CAPTURE_LIKE), 'capturedAmount is the sum of the captures');
    assert.equal(p.refundedAmount, sum(p, [OperationType.REFUND]), 'refundedAmount is the sum of the refunds');
  }
}

/** What the rules say must be accepted: checks the machine does not refuse what it should allow. */
function mustAccept(op: 'capture' | 'refund' | 'reset', p: Payment, amount: number | undefined, now: number): boolean {
  const live = p.status === PaymentStatus.AUTHORIZED;
  const fresh = now < p.createdAt + WEEK;
  if (op === 'capture') {
    const left = p.authorizedAmount - p.capturedAmount;
    return live && p.kind === 'AUTHORIZATION' && fresh && left > 0 && (amount === undefined || (amount > 0 && amount <= left));
  }
  if (op === 'refund') {
    const left = p.capturedAmount - p.refundedAmount;
    return live && left > 0 && (amount === undefined || (amount > 0 && amount <= left));
  }
  return live && p.refundedAmount === 0 && !hasRemittedCapture(p, now) && (p.capturedAmount > 0 || fresh || p.kind !== 'AUTHORIZATION') && (amount === undefined || amount === p.authorizedAmount);
}

it('random lives keep 0 ≤ refunded ≤ captured ≤ authorized; refusals change nothing; a reset payment gains nothing', () => {
  const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
  let accepted = 0;
  let refused = 0;
  const codes = new Set<string>();
  fc.assert(
    fc.property(lifeArb, ({ start, authorized, startOffset, steps }) => {
      const createdAt = T0 - (T0 % DAY) + startOffset;
      let p = deepFreeze(payment(start, authorized, { createdAt, operations: [{ ...payment(start, authorized).operations[0]!, date: createdAt }] }));
      let now = createdAt;
      for (const [i, step] of steps.entries()) {
        if (step.op === 'wait' || step.op === 'midnight') {
          now = step.op === 'wait' ? now + step.ms : remittanceTime(now);
          continue;
        }
        const amount = resolve(step.amount, authorized);
        const request = { operationId: `op-${i}`, now, ...(amount === undefined ? {} : { amount }) };
        const before = structuredClone(p);
        const wasReset = p.status === PaymentStatus.RESET;
        const expectAccept = mustAccept(step.op, p, amount, now);
        const decision: Decision = DECIDE[step.op](p, request);
        if (decision.ok) {
          accepted++;
          assert.equal(wasReset, false, 'nothing is accepted on a reset payment');
          assert.deepEqual(decision.operation, decision.payment.operations.at(-1));
          assert.equal(decision.payment.version, before.version + 1);
          assert.equal(decision.events.length, 1);
          p = deepFreeze(decision.payment);
        } else {
          refused++;
          codes.add(decision.code);
          assert.ok(REFUSALS[step.op].includes(decision.code), `${step.op} refused with unexpected ${decision.code}`);
          assert.deepEqual(p, before, 'a refusal leaves the payment unchanged');
          if (wasReset && step.op === 'reset') assert.equal(decision.code, '02601');
        }
        assert.equal(decision.ok, expectAccept, `${step.op} ${amount} at +${now - createdAt} ms: ${decision.ok ? 'accepted' : (decision as { code: string }).code}`);
        if (wasReset) assert.equal(p.status, PaymentStatus.RESET, 'a reset is final');
        checkInvariants(p, authorized);
      }
    }),
    { numRuns: 300, ...(seed === undefined ? {} : { seed }) },
  );
  // The generator must reach both outcomes and the interesting refusals, or the property proves little.
  assert.ok(accepted > 100 && refused > 100, `accepted ${accepted}, refused ${refused}`);
  for (const code of ['02105', '02601', '02602', '02603', '02613', '02617', '02618']) assert.ok(codes.has(code), `no run reached ${code}`);
});
