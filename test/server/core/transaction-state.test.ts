import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OperationType, PaymentStatus, type Operation, type Payment } from '../../../server/core/payment.js';
import {
  AUTHORIZATION_VALIDITY_MS,
  checkReauthorizable,
  decideCapture,
  decideRefund,
  decideReset,
  hasRemittedCapture,
  isAuthorizationExpired,
  remittanceTime,
  visibleStatus,
  type Decision,
  type OperationRequest,
} from '../../../server/core/transaction-state.js';
import { captured, DAY, deepFreeze, HOUR, MIDNIGHT, payment, refunded, T0, WEEK, wasReset, withRefusedOperation } from '../support/core-fixtures.js';

type Decide = (p: Payment, request: OperationRequest) => Decision;
const CAPTURE_LIKE: string[] = [OperationType.CAPTURE, OperationType.AUTHORIZATION_CAPTURE, OperationType.DEBIT];

/** A refusal code, or what an accepted decision changes on the payment and the new operation's amount. */
type Expect = string | { amount: number; changes: Partial<Payment> };
type Row = [name: string, p: Payment, request: Omit<OperationRequest, 'operationId'>, expect: Expect];

const at = (now: number, extra: Partial<OperationRequest> = {}) => ({ now, ...extra });
const a100 = payment('auth100');
const a101 = payment('auth101');
const debit = payment('debit');
const part = captured(a100, 4000, T0 + HOUR); // 4000 of 10000 captured on T0's day
const full100 = captured(part, 6000, T0 + 2 * HOUR);
const refunded4000 = refunded(a101, 4000, T0 + HOUR);
const refundedAll = refunded(a101, 10000, T0 + HOUR);
const soon = T0 + 3 * HOUR;

/** Runs one table of a decide function: exact code, or the exact next payment, operation and event. */
function runTable(decide: Decide, type: OperationType, eventType: string, rows: Row[]): void {
  for (const [name, input, request, expect] of rows) {
    it(`${name} → ${typeof expect === 'string' ? expect : 'accepted'}`, () => {
      const p = deepFreeze(structuredClone(input));
      const before = structuredClone(p);
      const decision = decide(p, { operationId: 'OP-NEW', ...request });
      assert.deepEqual(p, before, 'the input is unchanged');
      if (typeof expect === 'string') {
        assert.equal(decision.ok, false);
        assert.equal(!decision.ok && decision.code, expect);
        return;
      }
      assert.ok(decision.ok, `refused with ${!decision.ok && decision.code}`);
      const operation: Operation = {
        id: 'OP-NEW',
        type,
        amount: expect.amount,
        date: request.now,
        resultCode: '00000',
        ...(request.comment && type !== OperationType.CAPTURE ? { comment: request.comment } : {}),
      };
      // A reset voids the accepted captures before it (they stay in the list, marked).
      const kept = type === OperationType.RESET ? p.operations.map((op) => (CAPTURE_LIKE.includes(op.type) && op.resultCode === '00000' ? { ...op, voided: true } : op)) : p.operations;
      const next = { ...p, ...expect.changes, version: p.version + 1, operations: [...kept, operation] };
      assert.deepEqual(decision.payment, next);
      assert.deepEqual(decision.operation, operation);
      const data = { paymentId: p.id, transactionId: 'OP-NEW', operation: type, amount: expect.amount, currency: 978, orderRef: p.orderRef, ...(p.token ? { token: p.token } : {}) };
      assert.deepEqual(decision.events, [{ type: eventType, data }]);
    });
  }
}

describe('decideCapture', () => {
  runTable(decideCapture, OperationType.CAPTURE, 'payment.captured', [
    ['whole authorization, no amount', a100, at(soon), { amount: 10000, changes: { capturedAmount: 10000 } }],
    ['whole authorization, amount given', a100, at(soon, { amount: 10000, currency: 978 }), { amount: 10000, changes: { capturedAmount: 10000 } }],
    ['partial capture', a100, at(soon, { amount: 4000 }), { amount: 4000, changes: { capturedAmount: 4000 } }],
    ['1 minor unit', a100, at(soon, { amount: 1 }), { amount: 1, changes: { capturedAmount: 1 } }],
    ['what is left after a partial capture', part, at(soon, { amount: 6000 }), { amount: 6000, changes: { capturedAmount: 10000 } }],
    ['the rest, no amount', part, at(soon), { amount: 6000, changes: { capturedAmount: 10000 } }],
    ['after a remitted partial capture', part, at(MIDNIGHT + DAY, { amount: 1000 }), { amount: 1000, changes: { capturedAmount: 5000 } }],
    ['1 ms before the 7 days', a100, at(T0 + WEEK - 1, { amount: 500 }), { amount: 500, changes: { capturedAmount: 500 } }],
    ['carries the token in its event', payment('auth100', 10000, { token: 'f'.repeat(32) }), at(soon, { amount: 10 }), { amount: 10, changes: { capturedAmount: 10 } }],
    ['more than authorized', a100, at(soon, { amount: 10001 }), '02613'],
    ['more than is left', part, at(soon, { amount: 6001 }), '02613'],
    ['amount 0', a100, at(soon, { amount: 0 }), '02305'],
    ['negative amount', a100, at(soon, { amount: -1 }), '02305'],
    ['everything already captured (100)', full100, at(soon, { amount: 1 }), '02617'],
    ['authorization + capture (101)', a101, at(soon, { amount: 1 }), '02617'],
    ['a debit (204)', debit, at(soon), '02617'],
    ['a credit (422)', payment('credit'), at(soon), '02302'],
    ['a refused authorization', payment('refused'), at(soon), '02302'],
    ['a reset authorization', wasReset(a100, T0 + HOUR), at(soon, { amount: 1 }), '02302'],
    ['a reset after a partial capture', wasReset(part, T0 + 2 * HOUR), at(soon, { amount: 1 }), '02302'],
    ['another currency', a100, at(soon, { amount: 100, currency: 840 }), '02620'],
    ['exactly 7 days old', a100, at(T0 + AUTHORIZATION_VALIDITY_MS, { amount: 1 }), '02602'],
    ['the rest of a partial capture after 7 days', part, at(T0 + WEEK + DAY, { amount: 1 }), '02602'],
    ['fully captured and 30 days old', full100, at(T0 + 30 * DAY, { amount: 1 }), '02617'],
    ['precedence: refused before currency', payment('refused'), at(soon, { currency: 840 }), '02302'],
    ['precedence: currency before expiry', a100, at(T0 + 2 * WEEK, { amount: 1, currency: 840 }), '02620'],
  ]);
});

describe('decideReset', () => {
  const lateCapture = captured(a100, 3000, T0 + WEEK - HOUR); // 09:00 UTC on day 7, remitted at 00:00 day 8
  runTable(decideReset, OperationType.RESET, 'payment.reset', [
    ['an uncaptured authorization', a100, at(soon), { amount: 10000, changes: { status: PaymentStatus.RESET } }],
    ['an uncaptured authorization days later', a100, at(T0 + 3 * DAY), { amount: 10000, changes: { status: PaymentStatus.RESET } }],
    ['with the authorized amount', a100, at(soon, { amount: 10000, currency: 978 }), { amount: 10000, changes: { status: PaymentStatus.RESET } }],
    ['with a comment', a100, at(soon, { comment: 'shopper changed mind' }), { amount: 10000, changes: { status: PaymentStatus.RESET } }],
    ['voids an unremitted partial capture', part, at(soon), { amount: 10000, changes: { status: PaymentStatus.RESET, capturedAmount: 0 } }],
    ['voids it 1 ms before the remittance', part, at(MIDNIGHT - 1), { amount: 10000, changes: { status: PaymentStatus.RESET, capturedAmount: 0 } }],
    ['voids a 101 the same day', a101, at(soon), { amount: 10000, changes: { status: PaymentStatus.RESET, capturedAmount: 0 } }],
    ['voids a debit the same day', debit, at(soon), { amount: 10000, changes: { status: PaymentStatus.RESET, capturedAmount: 0 } }],
    ['an expired authorization with an unremitted capture', lateCapture, at(T0 + WEEK + HOUR), { amount: 10000, changes: { status: PaymentStatus.RESET, capturedAmount: 0 } }],
    ['a partial capture at its remittance', part, at(MIDNIGHT), '02105'],
    ['a 101 after midnight UTC', a101, at(MIDNIGHT + HOUR), '02105'],
    ['a debit after midnight UTC', debit, at(MIDNIGHT), '02105'],
    ['the late capture once remitted', lateCapture, at(Date.UTC(2026, 2, 10)), '02105'],
    ['twice', wasReset(a100, T0 + HOUR), at(soon), '02601'],
    ['a partly refunded payment', refunded4000, at(soon), '02603'],
    ['a fully refunded payment', refundedAll, at(soon), '02603'],
    ['an authorization 7 days old', a100, at(T0 + WEEK), '02602'],
    ['another amount', a100, at(soon, { amount: 9999 }), '02612'],
    ['another amount on a partial capture', part, at(soon, { amount: 4000 }), '02612'],
    ['another currency', a100, at(soon, { currency: 840 }), '02620'],
    ['a refused authorization', payment('refused'), at(soon), '02302'],
    ['a credit', payment('credit'), at(soon), '02302'],
  ]);
});

describe('decideRefund', () => {
  runTable(decideRefund, OperationType.REFUND, 'payment.refunded', [
    ['part of a 101', a101, at(soon, { amount: 4000 }), { amount: 4000, changes: { refundedAmount: 4000 } }],
    ['all of a 101, no amount', a101, at(soon), { amount: 10000, changes: { refundedAmount: 10000 } }],
    ['all of a 101, amount given', a101, at(soon, { amount: 10000, currency: 978 }), { amount: 10000, changes: { refundedAmount: 10000 } }],
    ['the rest after a partial refund', refunded4000, at(soon, { amount: 6000 }), { amount: 6000, changes: { refundedAmount: 10000 } }],
    ['the rest, no amount', refunded4000, at(soon), { amount: 6000, changes: { refundedAmount: 10000 } }],
    ['a partial capture, all of it', part, at(soon, { amount: 4000 }), { amount: 4000, changes: { refundedAmount: 4000 } }],
    ['a debit', debit, at(soon, { amount: 1 }), { amount: 1, changes: { refundedAmount: 1 } }],
    ['after the remittance', a101, at(MIDNIGHT + DAY, { amount: 100 }), { amount: 100, changes: { refundedAmount: 100 } }],
    ['a partial capture 30 days later', part, at(T0 + 30 * DAY, { amount: 100 }), { amount: 100, changes: { refundedAmount: 100 } }],
    ['with a comment', a101, at(soon, { amount: 5, comment: 'damaged' }), { amount: 5, changes: { refundedAmount: 5 } }],
    ['with the token', payment('auth101', 10000, { token: 'e'.repeat(32) }), at(soon, { amount: 5 }), { amount: 5, changes: { refundedAmount: 5 } }],
    ['more than captured', a101, at(soon, { amount: 10001 }), '02613'],
    ['more than a partial capture', part, at(soon, { amount: 4001 }), '02613'],
    ['more than is left', refunded4000, at(soon, { amount: 6001 }), '02613'],
    ['anything after a full refund', refundedAll, at(soon, { amount: 1 }), '02613'],
    ['amount 0', a101, at(soon, { amount: 0 }), '02305'],
    ['negative amount', a101, at(soon, { amount: -5 }), '02305'],
    ['an uncaptured authorization', a100, at(soon, { amount: 1 }), '02618'],
    ['a reset authorization', wasReset(part, T0 + 2 * HOUR), at(soon, { amount: 1 }), '02302'],
    ['a refused authorization', payment('refused'), at(soon, { amount: 1 }), '02302'],
    ['a credit', payment('credit'), at(soon, { amount: 1 }), '02302'],
    ['another currency', a101, at(soon, { amount: 1, currency: 840 }), '02620'],
  ]);
});

describe('checkReauthorizable', () => {
  const rows: Array<[string, Payment, number, string | undefined]> = [
    ['an authorization', a100, 978, undefined],
    ['an authorization + capture', a101, 978, undefined],
    ['a partly captured authorization', part, 978, undefined],
    ['a refunded authorization', refunded4000, 978, undefined],
    ['another currency', a100, 840, '02620'],
    ['a debit', debit, 978, '02302'],
    ['a credit', payment('credit'), 978, '02302'],
    ['a refused authorization', payment('refused'), 978, '02302'],
    ['a reset authorization', wasReset(a100, T0 + HOUR), 978, '02302'],
  ];
  for (const [name, p, currency, code] of rows) {
    it(`${name} → ${code ?? 'ok'}`, () => {
      const outcome = checkReauthorizable(deepFreeze(structuredClone(p)), currency);
      if (code === undefined) assert.deepEqual(outcome, { ok: true });
      else assert.deepEqual({ ok: outcome.ok, code: !outcome.ok && outcome.code }, { ok: false, code });
    });
  }
});

describe('isAuthorizationExpired and visibleStatus', () => {
  const rows: Array<[string, Payment, number, boolean, string]> = [
    ['new authorization', a100, T0, false, 'AUTHORIZED'],
    ['1 ms before 7 days', a100, T0 + WEEK - 1, false, 'AUTHORIZED'],
    ['at 7 days', a100, T0 + WEEK, true, 'EXPIRED'],
    ['a year later', a100, T0 + 365 * DAY, true, 'EXPIRED'],
    ['partly captured, at 7 days', part, T0 + WEEK, true, 'AUTHORIZED'],
    ['fully captured, at 7 days', full100, T0 + WEEK, false, 'AUTHORIZED'],
    ['101, at 7 days', a101, T0 + WEEK, false, 'AUTHORIZED'],
    ['debit, at 7 days', debit, T0 + WEEK, false, 'AUTHORIZED'],
    ['credit, at 7 days', payment('credit'), T0 + WEEK, false, 'CREDITED'],
    ['refused, at 7 days', payment('refused'), T0 + WEEK, false, 'REFUSED'],
    ['reset, at 7 days', wasReset(a100, T0 + HOUR), T0 + WEEK, false, 'RESET'],
  ];
  for (const [name, p, now, expired, status] of rows) {
    it(`${name}: expired ${expired}, status ${status}`, () => {
      assert.equal(isAuthorizationExpired(p, now), expired);
      assert.equal(visibleStatus(p, now), status);
    });
  }
});

describe('remittanceTime', () => {
  const rows: Array<[number, number]> = [
    [T0, MIDNIGHT],
    [Date.UTC(2026, 2, 2, 0, 0, 0), MIDNIGHT],
    [Date.UTC(2026, 2, 2, 23, 59, 59, 999), MIDNIGHT],
    [MIDNIGHT, MIDNIGHT + DAY],
    [Date.UTC(2026, 1, 28, 12), Date.UTC(2026, 2, 1)],
    [Date.UTC(2025, 11, 31, 23, 30), Date.UTC(2026, 0, 1)],
    [0, DAY],
  ];
  for (const [capture, remitted] of rows) {
    it(`${new Date(capture).toISOString()} → ${new Date(remitted).toISOString()}`, () => assert.equal(remittanceTime(capture), remitted));
  }
});

describe('hasRemittedCapture', () => {
  const rows: Array<[string, Payment, number, boolean]> = [
    ['an uncaptured authorization, days later', a100, T0 + 3 * DAY, false],
    ['a 101 the same day', a101, MIDNIGHT - 1, false],
    ['a 101 at midnight UTC', a101, MIDNIGHT, true],
    ['a debit after midnight', debit, MIDNIGHT + HOUR, true],
    ['a capture the same day', part, MIDNIGHT - 1, false],
    ['a capture after midnight', part, MIDNIGHT, true],
    ['a credit after midnight', payment('credit'), MIDNIGHT + DAY, false],
    ['a refused 101 after midnight', payment('refused', 10000, { operations: [{ id: 'x', type: OperationType.AUTHORIZATION_CAPTURE, amount: 10000, date: T0, resultCode: '01100' }] }), MIDNIGHT + DAY, false],
    ['a refused capture in the list', withRefusedOperation(a100, OperationType.CAPTURE, 500, T0), MIDNIGHT + DAY, false],
    ['a refund or reset only', wasReset(a100, T0 + HOUR), MIDNIGHT + DAY, false],
  ];
  for (const [name, p, now, remitted] of rows) {
    it(`${name} → ${remitted}`, () => assert.equal(hasRemittedCapture(p, now), remitted));
  }
});

describe('a whole life', () => {
  it('captures, refunds, then refuses; each step one version and one operation more', () => {
    let p = deepFreeze(a100);
    const steps: Array<[Decide, number | undefined, string, number, number]> = [
      [decideCapture, 3000, '00000', 3000, 0],
      [decideRefund, 3001, '02613', 3000, 0],
      [decideCapture, 2000, '00000', 5000, 0],
      [decideRefund, 1000, '00000', 5000, 1000],
      [decideReset, undefined, '02603', 5000, 1000],
      [decideRefund, 4000, '00000', 5000, 5000],
      [decideRefund, 1, '02613', 5000, 5000],
      [decideCapture, undefined, '00000', 10000, 5000],
      [decideCapture, 1, '02617', 10000, 5000],
    ];
    let accepted = 0;
    for (const [i, [decide, amount, code, capturedAmount, refundedAmount]] of steps.entries()) {
      const decision = decide(p, { operationId: `op-${i}`, now: T0 + (i + 1) * HOUR, ...(amount === undefined ? {} : { amount }) });
      assert.equal(decision.ok ? '00000' : decision.code, code, `step ${i}`);
      if (decision.ok) (p = deepFreeze(decision.payment)), accepted++;
      assert.deepEqual([p.capturedAmount, p.refundedAmount, p.version, p.operations.length], [capturedAmount, refundedAmount, 1 + accepted, 1 + accepted]);
    }
  });
});
