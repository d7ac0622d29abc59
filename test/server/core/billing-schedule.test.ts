import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dueAmount, dueDay, formatDay, lastRank, parseDay, planBillings } from '../../../server/core/billing-schedule.js';
import { checkRecurring, nxTotal, type Recurring } from '../../../server/core/payment-record.js';

/** The due dates of recurring payments (payline-api.md §4.3, §4.4), as tables. */
describe('billing schedule', () => {
  const rec = (over: Partial<Recurring> = {}): Recurring => ({ amount: 1000, billingCycle: 40, startDate: '31/01/2026', ...over });
  const dates = (r: Recurring, ranks: number) => Array.from({ length: ranks }, (_, i) => formatDay(dueDay(r, i + 1)));

  const cycles: Array<[number, string[]]> = [
    [10, ['31/01/2026', '01/02/2026', '02/02/2026']],
    [20, ['31/01/2026', '07/02/2026', '14/02/2026']],
    [30, ['31/01/2026', '14/02/2026', '28/02/2026']],
    [40, ['31/01/2026', '28/02/2026', '31/03/2026']],
    [50, ['31/01/2026', '31/03/2026', '31/05/2026']],
    [60, ['31/01/2026', '30/04/2026', '31/07/2026']],
    [70, ['31/01/2026', '31/07/2026', '31/01/2027']],
    [80, ['31/01/2026', '31/01/2027', '31/01/2028']],
    [90, ['31/01/2026', '31/01/2028', '31/01/2030']],
  ];
  for (const [cycle, expected] of cycles) {
    it(`billingCycle ${cycle}: ${expected.join(', ')}`, () => assert.deepEqual(dates(rec({ billingCycle: cycle }), 3), expected));
  }

  it('lands on billingDay from rank 2, clamped to the month (29/02 in a leap year)', () => {
    assert.deepEqual(dates(rec({ startDate: '10/01/2028', billingDay: 30 }), 3), ['10/01/2028', '29/02/2028', '30/03/2028']);
  });

  it('charges firstAmount first and newAmount from its date on', () => {
    const r = rec({ firstAmount: 1500, newAmount: 2000, amountModificationDate: '15/03/2026' });
    assert.deepEqual([1, 2, 3, 4].map((rank) => dueAmount(r, rank, dueDay(r, rank))), [1500, 1000, 2000, 2000]);
  });

  it('counts the ranks: NX billingLeft, REC endDate or none', () => {
    assert.equal(lastRank('NX', rec({ billingLeft: 4 })), 4);
    assert.equal(lastRank('REC', rec({ endDate: '30/04/2026 12:00' })), 4, '31/01, 28/02, 31/03, 30/04');
    assert.equal(lastRank('REC', rec({ endDate: '29/04/2026' })), 3);
    assert.equal(lastRank('REC', rec()), undefined);
    assert.equal(lastRank('SCH', rec()), 1);
    assert.equal(planBillings('123456789012', 'REC', rec(), 1, 'Europe/Paris').length, 1, 'an open subscription lists its next date only');
  });

  it('plans billing records: ids, dates, midnight in the merchant zone', () => {
    const [first, second] = planBillings('123456789012', 'NX', rec({ billingLeft: 2, startDate: '02/03/2026' }), 1, 'Europe/Paris');
    assert.deepEqual([first!.billingRecordId, first!.date, first!.status, first!.nbTry], ['123456789012001', '02/03/2026', 0, 0]);
    assert.equal(first!.dueAt, Date.UTC(2026, 2, 1, 23, 0, 0), 'midnight in Paris (UTC+1)');
    assert.equal(second!.dueAt, Date.UTC(2026, 3, 1, 22, 0, 0), 'midnight in Paris (UTC+2, summer time)');
  });

  it('reads days: dd/mm/yyyy, a time part ignored, no impossible day', () => {
    assert.deepEqual(parseDay('29/02/2028 10:00'), { year: 2028, month: 2, day: 29 });
    assert.equal(parseDay('29/02/2026'), undefined);
    assert.equal(parseDay('2026-02-01'), undefined);
  });

  it('checks the NX amount rule (§4.4) and the other recurring options with 02509', () => {
    const today = { year: 2026, month: 3, day: 2 };
    assert.equal(nxTotal({ firstAmount: 3334, amount: 3333, billingLeft: 3 }), 10000);
    const cases: Array<[string, 'NX' | 'REC', number, Partial<Recurring>, { year: number; month: number; day: number }, boolean]> = [
      ['NX by the rule', 'NX', 10000, { firstAmount: 3334, amount: 3333, billingLeft: 3 }, today, true],
      ['NX off by one', 'NX', 10001, { firstAmount: 3334, amount: 3333, billingLeft: 3 }, today, false],
      ['NX without firstAmount: amount × billingLeft', 'NX', 3000, { amount: 1000, billingLeft: 3 }, today, true],
      ['NX of one due date', 'NX', 1000, { amount: 1000, billingLeft: 1 }, today, false],
      ['REC starting yesterday', 'REC', 1000, {}, { year: 2026, month: 3, day: 1 }, false],
      ['REC starting today', 'REC', 1000, {}, today, true],
    ];
    for (const [name, mode, amount, over, start, ok] of cases) {
      const checked = checkRecurring(mode, amount, rec(over), start, today);
      assert.equal(checked.ok, ok, name);
      if (!checked.ok) assert.equal(checked.code, '02509', name);
    }
  });
});
