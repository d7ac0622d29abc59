import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { capturesAtOnce, createPayment, DUPLICATE_WINDOW_MS, duplicateOrderKey, type NewPaymentInput } from '../../../server/core/new-payment.js';
import { OperationType, PaymentKind, PaymentStatus, type Payment } from '../../../server/core/payment.js';
import { CARD, deepFreeze, T0 } from '../support/core-fixtures.js';

const base: NewPaymentInput = {
  id: '100000000000000042',
  merchantId: 'm1',
  contractNumber: 'CB',
  kind: PaymentKind.AUTHORIZATION,
  action: 100,
  mode: 'CPT',
  amount: 12345,
  currency: 978,
  code: '00000',
  authorizationNumber: 'A00042',
  now: T0,
  orderRef: 'order-42',
  order: { ref: 'order-42', amount: 12345, currency: 978, date: '02/03/2026 11:00' },
  card: CARD,
};

/** The payment createPayment must build, written out field by field. */
function expected(input: NewPaymentInput, type: OperationType, status: PaymentStatus, authorized: number, captured: number): Payment {
  const accepted = status !== PaymentStatus.REFUSED;
  return {
    id: input.id,
    merchantId: 'm1',
    contractNumber: 'CB',
    version: 1,
    kind: input.kind,
    status,
    action: input.action,
    mode: input.mode,
    ...(input.differedActionDate ? { differedActionDate: input.differedActionDate } : {}),
    currency: 978,
    amount: input.amount,
    authorizedAmount: authorized,
    capturedAmount: captured,
    refundedAmount: 0,
    resultCode: input.code,
    ...(accepted ? { authorizationNumber: 'A00042' } : {}),
    createdAt: T0,
    orderRef: 'order-42',
    card: CARD,
    isDuplicated: false,
    isPossibleFraud: false,
    threeDSecure: 'N',
    operations: [{ id: input.id, type, amount: input.amount, date: T0, resultCode: input.code }],
    order: input.order,
  };
}

type Row = [name: string, changes: Partial<NewPaymentInput>, type: OperationType, status: PaymentStatus, authorized: number, captured: number, event: string];
const { DEBIT, CREDIT } = PaymentKind;
const { AUTHORIZED, REFUSED, CREDITED } = PaymentStatus;
const T = OperationType;

describe('createPayment', () => {
  const rows: Row[] = [
    ['authorization (100, CPT)', {}, T.AUTHORIZATION, AUTHORIZED, 12345, 0, 'payment.accepted'],
    ['authorization (100, DIF)', { mode: 'DIF', differedActionDate: '05/03/26' }, T.AUTHORIZATION, AUTHORIZED, 12345, 0, 'payment.accepted'],
    ['authorization + capture (101, CPT)', { action: 101 }, T.AUTHORIZATION_CAPTURE, AUTHORIZED, 12345, 12345, 'payment.accepted'],
    ['deferred capture (101, DIF): captured later by a job', { action: 101, mode: 'DIF', differedActionDate: '05/03/26' }, T.AUTHORIZATION, AUTHORIZED, 12345, 0, 'payment.accepted'],
    ['debit (204)', { kind: DEBIT, action: 204 }, T.DEBIT, AUTHORIZED, 12345, 12345, 'payment.accepted'],
    ['credit (422)', { kind: CREDIT, action: 422 }, T.CREDIT, CREDITED, 0, 0, 'payment.credited'],
    ['refused authorization (100, 01100)', { code: '01100' }, T.AUTHORIZATION, REFUSED, 0, 0, 'payment.refused'],
    ['refused authorization + capture (101, 01101)', { action: 101, code: '01101' }, T.AUTHORIZATION_CAPTURE, REFUSED, 0, 0, 'payment.refused'],
    ['refused deferred (101, DIF, 01116)', { action: 101, mode: 'DIF', differedActionDate: '05/03/26', code: '01116' }, T.AUTHORIZATION, REFUSED, 0, 0, 'payment.refused'],
    ['refused debit (204, 01208)', { kind: DEBIT, action: 204, code: '01208' }, T.DEBIT, REFUSED, 0, 0, 'payment.refused'],
    ['refused credit (422, 01111)', { kind: CREDIT, action: 422, code: '01111' }, T.CREDIT, REFUSED, 0, 0, 'payment.refused'],
  ];
  for (const [name, changes, type, status, authorized, captured, event] of rows) {
    it(`${name}: ${type}, ${status}, authorized ${authorized}, captured ${captured}, ${event}`, () => {
      const input = deepFreeze({ ...structuredClone(base), ...changes });
      const before = structuredClone(input);
      const { payment, events } = createPayment(input);
      assert.deepEqual(input, before, 'the input is unchanged');
      assert.deepEqual(payment, expected(input, type, status, authorized, captured));
      assert.deepEqual(events, [
        { type: event, data: { paymentId: input.id, transactionId: input.id, operation: type, amount: 12345, currency: 978, orderRef: 'order-42', code: input.code } },
      ]);
    });
  }

  it('keeps the optional facts it is given, and the token in the event', () => {
    const extras = {
      token: 'a'.repeat(32),
      originPaymentId: '100000000000000001',
      buyer: { email: 'shopper@example.com' },
      privateDataList: [{ key: 'k', value: 'v' }],
      isDuplicated: true,
      threeDSecure: 'Y' as const,
    };
    const { payment, events } = createPayment(deepFreeze({ ...structuredClone(base), ...extras }));
    assert.deepEqual(payment, { ...expected(base, T.AUTHORIZATION, AUTHORIZED, 12345, 0), ...extras });
    assert.equal(events[0]!.data.token, 'a'.repeat(32));
  });

  it('keeps a null privateDataList but leaves out empty optional strings', () => {
    const { payment } = createPayment({ ...base, privateDataList: null, token: '', originPaymentId: '', differedActionDate: '', authorizationNumber: '' });
    assert.equal(payment.privateDataList, null);
    for (const key of ['token', 'originPaymentId', 'differedActionDate', 'authorizationNumber', 'buyer']) assert.equal(key in payment, false, key);
  });

  it('omits the authorization number of a refusal even when given one', () => {
    assert.equal('authorizationNumber' in createPayment({ ...base, code: '01100' }).payment, false);
  });
});

describe('capturesAtOnce', () => {
  const rows: Array<[number, 'CPT' | 'DIF', boolean]> = [
    [101, 'CPT', true],
    [101, 'DIF', false],
    [100, 'CPT', false],
    [100, 'DIF', false],
    [204, 'CPT', false],
    [422, 'CPT', false],
  ];
  for (const [action, mode, expected] of rows) it(`${action} ${mode} → ${expected}`, () => assert.equal(capturesAtOnce(action, mode), expected));
});

describe('duplicateOrderKey', () => {
  it('names merchant, currency, amount and order ref', () => {
    assert.equal(duplicateOrderKey('m1', 'order-42', 12345, 978), 'order:m1:978:12345:order-42');
  });

  it('differs when any part differs', () => {
    const keys = [
      duplicateOrderKey('m1', 'order-42', 12345, 978),
      duplicateOrderKey('m2', 'order-42', 12345, 978),
      duplicateOrderKey('m1', 'order-43', 12345, 978),
      duplicateOrderKey('m1', 'order-42', 12346, 978),
      duplicateOrderKey('m1', 'order-42', 12345, 840),
    ];
    assert.equal(new Set(keys).size, keys.length);
  });

  it('blocks the same order for 24 hours', () => assert.equal(DUPLICATE_WINDOW_MS, 86_400_000));
});
