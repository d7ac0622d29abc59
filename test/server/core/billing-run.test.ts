import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planBillings } from '../../../server/core/billing-schedule.js';
import { BILLING_RETRY_DELAYS_MS, settleBilling } from '../../../server/core/billing-run.js';
import type { PaymentRecord } from '../../../server/core/payment-record.js';

/** What a due date's answer does to its record (payline-api.md §9.3), as a table. */
describe('billing run', () => {
  const NOW = Date.UTC(2026, 2, 2, 10);
  const record = (mode: 'NX' | 'REC' = 'NX', billingLeft: number | null = 3): PaymentRecord => {
    const recurring = { amount: 1000, billingCycle: 40, startDate: '02/03/2026', ...(billingLeft !== null ? { billingLeft } : {}) };
    return {
      paymentRecordId: '123456789012', merchantId: 'm', walletId: 'w', cardInd: 1, contractNumber: 'CB', mode, currency: 978, action: 101,
      amount: 3000, recurring, orderRef: 'o', order: {}, isDisabled: false, createdAt: NOW,
      billingRecords: planBillings('123456789012', mode, recurring, 1, 'Europe/Paris'),
    };
  };

  const cases: Array<[string, string, number, string[], boolean]> = [
    ['accepted', '00000', 1, ['billing.succeeded'], false],
    ['refused: retried', '01100', 3, ['billing.failed'], false],
    ['01132: this record stops', '01132', 4, ['billing.failed', 'payment_record.disabled'], false],
    ['01133: every record of the card stops', '01133', 4, ['billing.failed', 'payment_record.disabled'], true],
  ];
  for (const [name, code, status, events, revokesCard] of cases) {
    it(`${name} → status ${status}`, () => {
      const settled = settleBilling(record(), 1, { code, transactionId: '1'.repeat(18), now: NOW }, 'Europe/Paris');
      assert.equal(settled.record.billingRecords[0]!.status, status);
      assert.equal(settled.record.billingRecords[0]!.nbTry, 1);
      assert.deepEqual(settled.events.map((e) => e.type), events);
      assert.equal(settled.revokesCard, revokesCard);
      if (code === '01132' || code === '01133') {
        assert.equal(settled.record.isDisabled, true);
        assert.deepEqual(settled.record.billingRecords.map((b) => b.status), [4, 4, 4]);
      }
      assert.equal(settled.events[0]!.data.billingRecordDate, '20260302');
    });
  }

  it('retries after 1, 2 then 4 days, then gives up (status 2)', () => {
    let r = record();
    let now = NOW;
    for (const delay of BILLING_RETRY_DELAYS_MS) {
      r = settleBilling(r, 1, { code: '01100', now }, 'Europe/Paris').record;
      assert.equal(r.billingRecords[0]!.status, 3);
      assert.equal(r.billingRecords[0]!.dueAt, now + delay);
      now += delay;
    }
    r = settleBilling(r, 1, { code: '01100', now }, 'Europe/Paris').record;
    assert.deepEqual([r.billingRecords[0]!.status, r.billingRecords[0]!.nbTry], [2, 4]);
    assert.equal(r.isDisabled, false, 'the next due dates still run');
  });

  it('lists the next due date of an open subscription once the last listed one was tried', () => {
    const settled = settleBilling(record('REC', null), 1, { code: '00000', now: NOW }, 'Europe/Paris');
    assert.deepEqual(settled.record.billingRecords.map((b) => [b.rank, b.date, b.status]), [[1, '02/03/2026', 1], [2, '02/04/2026', 0]]);
  });
});
