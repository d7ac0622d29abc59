import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { assertCode, assertFieldError, DAY, details, expectCode } from '../support/api-helpers.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { CB_CARD, withField } from '../support/requests.js';
import { createWalletRequest, nextWalletId, recordRequest, recurrentRequest, scheduledRequest } from '../support/wallet-requests.js';

/*
 * Payment records over the JSON face (payline-api.md §2.5, §3.7, §4.3, §4.4, §9.3):
 * doScheduledWalletPayment, doRecurrentWalletPayment in NX and REC, getPaymentRecord,
 * updatePaymentRecord, disablePaymentRecord, getBillingRecord, updateBillingRecord, and the
 * refusals that must leave no record behind. TEST_EPOCH is Monday 02/03/2026, 11:00 in Paris.
 */

const MONTHLY = 40;

describe('payment records', () => {
  // A gateway per test: each starts on TEST_EPOCH, so the dates below hold whatever ran before.
  let gw: TestGateway;
  beforeEach(async () => (gw = await startTestGateway()));
  afterEach(() => gw.close());

  async function newWallet(): Promise<string> {
    const walletId = nextWalletId();
    await expectCode(gw, 'createWallet', createWalletRequest(walletId, CB_CARD), '02500');
    return walletId;
  }

  const recordCount = async () => (await gw.gateway.store.listRecords({ kind: 'payment-record', scope: 'demo-merchant' })).length;
  const getRecord = (id: string) => expectCode(gw, 'getPaymentRecord', recordRequest(id), '02500');
  const billings = async (id: string) => (await getRecord(id)).billingRecordList.billingRecord as any[];

  /** Asserts a refusal that creates no record. */
  async function refusedWithoutRecord(operation: string, body: object, code: string, field?: string): Promise<void> {
    const before = await recordCount();
    const answer = await gw.call(operation, body);
    if (field) assertFieldError(answer, code, field);
    else assertCode(answer, code);
    assert.equal(answer.paymentRecordId, undefined);
    assert.equal(await recordCount(), before, 'no record half-created');
  }

  describe('doScheduledWalletPayment', () => {
    it('answers a paymentRecordId and pays on the scheduled day', async () => {
      const walletId = await newWallet();
      const answer = await expectCode(gw, 'doScheduledWalletPayment', scheduledRequest(walletId, 2500, '05/03/2026'), '02500');
      assert.match(answer.paymentRecordId, /^\d{12}$/);
      const [due] = await billings(answer.paymentRecordId);
      assert.deepEqual([due.date, due.amount, due.status, due.nbTry, due.rank], ['05/03/2026', 2500, 0, 0, 1]);
      await gw.advance(2 * DAY);
      assert.equal((await billings(answer.paymentRecordId))[0].status, 0, 'not before its day');
      await gw.advance(1 * DAY);
      const [paid] = await billings(answer.paymentRecordId);
      assert.equal(paid.status, 1);
      assert.equal(paid.result.code, '00000');
      const transaction = await details(gw, paid.transaction.id);
      assert.equal(transaction.payment.amount, 2500);
      assert.equal(transaction.order.ref, `sch-${walletId}`);
    });

    it('runs a payment scheduled for today at once', async () => {
      const walletId = await newWallet();
      const answer = await expectCode(gw, 'doScheduledWalletPayment', scheduledRequest(walletId, 2500, '02/03/2026'), '02500');
      await gw.advance(0);
      assert.equal((await billings(answer.paymentRecordId))[0].status, 1);
    });

    const bad: Array<[string, (w: string) => object, string, string?]> = [
      ['a past day (02506)', (w) => scheduledRequest(w, 1000, '01/03/2026'), '02506', 'scheduledDate'],
      ['a day that is no date', (w) => scheduledRequest(w, 1000, '31/02/2026'), '02305', 'scheduledDate'],
      ['a day in another format', (w) => scheduledRequest(w, 1000, '2026-03-05'), '02305', 'scheduledDate'],
      ['an unknown wallet', () => scheduledRequest(nextWalletId(), 1000, '05/03/2026'), '02503'],
      ['a bad card index', (w) => scheduledRequest(w, 1000, '05/03/2026', { cardInd: 3 }), '02518'],
      ['mode NX', (w) => withField(scheduledRequest(w, 1000, '05/03/2026'), 'payment.mode', 'NX'), '02308', 'payment.mode'],
      ['action 421', (w) => withField(scheduledRequest(w, 1000, '05/03/2026'), 'payment.action', 421), '02321', 'payment.action'],
      ['another currency than the contract', (w) => withField(scheduledRequest(w, 1000, '05/03/2026'), 'payment.currency', 840), '02305', 'payment.currency'],
    ];
    for (const [name, build, code, field] of bad) {
      it(`refuses ${name}`, async () => refusedWithoutRecord('doScheduledWalletPayment', build(await newWallet()), code, field));
    }

    it('refuses a disabled wallet (02505)', async () => {
      const walletId = await newWallet();
      await expectCode(gw, 'disableWallet', { contractNumber: 'CB', walletIdList: [walletId] }, '02500');
      await refusedWithoutRecord('doScheduledWalletPayment', scheduledRequest(walletId, 1000, '05/03/2026'), '02505');
    });
  });

  describe('doRecurrentWalletPayment', () => {
    it('NX: checks the amount rule and plans billingLeft due dates, the first on the start day', async () => {
      const walletId = await newWallet();
      // payline-api.md §4.4's example: 10000 in 3 = 3334 + 2 × 3333.
      const answer = await expectCode(gw, 'doRecurrentWalletPayment', recurrentRequest(walletId, 'NX', 10000, { firstAmount: 3334, amount: 3333, billingCycle: MONTHLY, billingLeft: 3 }), '02500');
      assert.deepEqual(
        answer.billingRecordList.billingRecord.map((b: any) => [b.rank, b.date, b.amount, b.status]),
        [[1, '02/03/2026', 3334, 0], [2, '02/04/2026', 3333, 0], [3, '02/05/2026', 3333, 0]],
      );
      const got = await getRecord(answer.paymentRecordId);
      assert.deepEqual(got.recurring, { firstAmount: 3334, amount: 3333, billingCycle: MONTHLY, billingLeft: 3, startDate: '02/03/2026' });
      assert.equal(got.walletId, walletId);
      assert.equal(got.isDisabled, '0');
      assert.equal(got.order.ref, `rec-${walletId}`);
    });

    it('REC: lands on billingDay (the month\'s last day when shorter), until endDate', async () => {
      const walletId = await newWallet();
      const answer = await expectCode(
        gw,
        'doRecurrentWalletPayment',
        recurrentRequest(walletId, 'REC', 500, { amount: 500, billingCycle: MONTHLY, billingDay: 31, startDate: '31/03/2026', endDate: '15/07/2026' }),
        '02500',
      );
      assert.deepEqual(answer.billingRecordList.billingRecord.map((b: any) => b.date), ['31/03/2026', '30/04/2026', '31/05/2026', '30/06/2026']);
    });

    it('REC without end lists the next due date only, one more after each run', async () => {
      const walletId = await newWallet();
      const answer = await expectCode(gw, 'doRecurrentWalletPayment', recurrentRequest(walletId, 'REC', 700, { amount: 700, billingCycle: 20 }), '02500');
      assert.equal(answer.billingRecordList.billingRecord.length, 1);
      await gw.advance(0);
      assert.deepEqual((await billings(answer.paymentRecordId)).map((b) => [b.date, b.status]), [['02/03/2026', 1], ['09/03/2026', 0]]);
    });

    const bad: Array<[string, (w: string) => object, string, string?]> = [
      ['an NX amount that breaks the rule (02509)', (w) => recurrentRequest(w, 'NX', 10000, { firstAmount: 3333, amount: 3333, billingCycle: MONTHLY, billingLeft: 3 }), '02509', 'payment.amount'],
      ['NX in one due date', (w) => recurrentRequest(w, 'NX', 1000, { amount: 1000, billingCycle: MONTHLY, billingLeft: 1 }), '02509', 'recurring.billingLeft'],
      ['NX without billingLeft', (w) => recurrentRequest(w, 'NX', 1000, { amount: 1000, billingCycle: MONTHLY }), '02509', 'recurring.billingLeft'],
      ['a start date in the past', (w) => recurrentRequest(w, 'REC', 1000, { amount: 1000, billingCycle: MONTHLY, startDate: '01/03/2026' }), '02509', 'recurring.startDate'],
      ['an end date before the start', (w) => recurrentRequest(w, 'REC', 1000, { amount: 1000, billingCycle: MONTHLY, startDate: '10/03/2026', endDate: '09/03/2026' }), '02509', 'recurring.endDate'],
      ['a billing day out of range', (w) => recurrentRequest(w, 'REC', 1000, { amount: 1000, billingCycle: MONTHLY, billingDay: 32 }), '02305', 'recurring.billingDay'],
      ['billing day 0', (w) => recurrentRequest(w, 'REC', 1000, { amount: 1000, billingCycle: MONTHLY, billingDay: 0 }), '02305', 'recurring.billingDay'],
      ['a billing cycle that is none', (w) => recurrentRequest(w, 'REC', 1000, { amount: 1000, billingCycle: 45 }), '02305', 'recurring.billingCycle'],
      ['an amount of 0', (w) => recurrentRequest(w, 'REC', 1000, { amount: 0, billingCycle: MONTHLY }), '02509', 'recurring.amount'],
      ['a start date that is no date', (w) => recurrentRequest(w, 'REC', 1000, { amount: 1000, billingCycle: MONTHLY, startDate: '30/02/2026' }), '02305', 'recurring.startDate'],
      ['no recurring', (w) => withField(recurrentRequest(w, 'REC', 1000, {}), 'recurring', undefined), '02305', 'recurring'],
      ['mode CPT', (w) => recurrentRequest(w, 'REC', 1000, { amount: 1000, billingCycle: MONTHLY }, { payment: { amount: 1000, currency: 978, action: 101, mode: 'CPT', contractNumber: 'CB' } }), '02308', 'payment.mode'],
      ['an unknown wallet', () => recurrentRequest(nextWalletId(), 'REC', 1000, { amount: 1000, billingCycle: MONTHLY }), '02503'],
      ['a bad card index', (w) => recurrentRequest(w, 'REC', 1000, { amount: 1000, billingCycle: MONTHLY }, { cardInd: 2 }), '02518'],
    ];
    for (const [name, build, code, field] of bad) {
      it(`refuses ${name} and creates no record`, async () => refusedWithoutRecord('doRecurrentWalletPayment', build(await newWallet()), code, field));
    }
  });

  describe('getPaymentRecord, disablePaymentRecord', () => {
    it('answers 02507 for an unknown record', async () => {
      assertCode(await gw.call('getPaymentRecord', recordRequest('999999999999')), '02507', 'ERROR');
      assertCode(await gw.call('disablePaymentRecord', { contractNumber: 'CB', paymentRecordId: '999999999999' }), '02507');
      assertFieldError(await gw.call('getPaymentRecord', recordRequest('12ab')), '02305', 'paymentRecordId');
    });

    it('disables a record: due dates to come status 4, nothing runs, 02508 afterwards', async () => {
      const walletId = await newWallet();
      const { paymentRecordId } = await expectCode(gw, 'doRecurrentWalletPayment', recurrentRequest(walletId, 'NX', 3000, { amount: 1000, billingCycle: MONTHLY, billingLeft: 3, startDate: '03/03/2026' }), '02500');
      await expectCode(gw, 'disablePaymentRecord', { contractNumber: 'CB', paymentRecordId }, '02500');
      const got = await getRecord(paymentRecordId);
      assert.equal(got.isDisabled, '1');
      assert.match(got.disableDate, /^\d{2}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
      assert.deepEqual(got.billingRecordList.billingRecord.map((b: any) => b.status), [4, 4, 4]);
      await gw.advance(100 * DAY);
      assert.deepEqual((await billings(paymentRecordId)).map((b) => b.status), [4, 4, 4], 'no due date ran');
      assertCode(await gw.call('disablePaymentRecord', { contractNumber: 'CB', paymentRecordId }), '02508');
      assertCode(await gw.call('updatePaymentRecord', { contractNumber: 'CB', paymentRecordId, recurring: { billingLeft: 5 } }), '02508');
      const [first] = await billings(paymentRecordId);
      assertCode(await gw.call('updateBillingRecord', { contractNumber: 'CB', paymentRecordId, billingRecordId: first.billingRecordId, billingRecordForUpdate: { amount: 5 } }), '02508');
    });
  });

  describe('updatePaymentRecord', () => {
    async function newRec(recurring: object, mode: 'NX' | 'REC' = 'REC', amount = 1000): Promise<string> {
      const walletId = await newWallet();
      return (await expectCode(gw, 'doRecurrentWalletPayment', recurrentRequest(walletId, mode, amount, { amount: 1000, billingCycle: MONTHLY, ...recurring }), '02500')).paymentRecordId;
    }

    it('changes billingLeft (the due dates still to come) and billingDay of the dates not yet tried', async () => {
      const id = await newRec({ billingLeft: 3, startDate: '02/03/2026' });
      await gw.advance(0);
      const updated = await expectCode(gw, 'updatePaymentRecord', { contractNumber: 'CB', paymentRecordId: id, recurring: { billingLeft: 4, billingDay: 10 } }, '02500');
      assert.deepEqual(
        updated.billingRecordList.billingRecord.map((b: any) => [b.rank, b.date, b.status]),
        [[1, '02/03/2026', 1], [2, '10/04/2026', 0], [3, '10/05/2026', 0], [4, '10/06/2026', 0], [5, '10/07/2026', 0]],
      );
      assert.equal(updated.recurring.billingLeft, 5);
      assert.equal(updated.recurring.billingDay, '10');
    });

    it('charges newAmount from amountModificationDate on', async () => {
      const id = await newRec({ billingLeft: 4, startDate: '05/03/2026' });
      const updated = await expectCode(gw, 'updatePaymentRecord', { contractNumber: 'CB', paymentRecordId: id, recurring: { newAmount: 1500, amountModificationDate: '01/05/2026' } }, '02500');
      assert.deepEqual(updated.billingRecordList.billingRecord.map((b: any) => b.amount), [1000, 1000, 1500, 1500]);
    });

    it('refuses nothing to change (02515), half of newAmount (02509), a scheduled record (02509), an unknown one (02507)', async () => {
      const id = await newRec({ billingLeft: 2 });
      assertCode(await gw.call('updatePaymentRecord', { contractNumber: 'CB', paymentRecordId: id, recurring: {} }), '02515');
      assertCode(await gw.call('updatePaymentRecord', { contractNumber: 'CB', paymentRecordId: id, recurring: { newAmount: 5 } }), '02509');
      assertFieldError(await gw.call('updatePaymentRecord', { contractNumber: 'CB', paymentRecordId: id, recurring: { billingDay: 40 } }), '02305', 'recurring.billingDay');
      const sch = await expectCode(gw, 'doScheduledWalletPayment', scheduledRequest(await newWallet(), 1000, '09/03/2026'), '02500');
      assertCode(await gw.call('updatePaymentRecord', { contractNumber: 'CB', paymentRecordId: sch.paymentRecordId, recurring: { billingLeft: 3 } }), '02509');
      assertCode(await gw.call('updatePaymentRecord', { contractNumber: 'CB', paymentRecordId: '999999999999', recurring: { billingLeft: 3 } }), '02507');
    });
  });

  describe('getBillingRecord, updateBillingRecord', () => {
    it('reads and changes one due date: amount, date, skipped (status 4)', async () => {
      const walletId = await newWallet();
      const { paymentRecordId, billingRecordList } = await expectCode(
        gw,
        'doRecurrentWalletPayment',
        recurrentRequest(walletId, 'NX', 4000, { amount: 1000, billingCycle: MONTHLY, billingLeft: 4, startDate: '02/03/2026' }),
        '02500',
      );
      const [first, second, third] = billingRecordList.billingRecord;
      const got = await expectCode(gw, 'getBillingRecord', { contractNumber: 'CB', paymentRecordId, billingRecordId: second.billingRecordId }, '02500');
      assert.deepEqual([got.billingRecord.rank, got.billingRecord.date, got.walletId, got.recurring.billingLeft], [2, '02/04/2026', walletId, 4]);
      const changed = await expectCode(
        gw,
        'updateBillingRecord',
        { contractNumber: 'CB', paymentRecordId, billingRecordId: second.billingRecordId, billingRecordForUpdate: { amount: 1200, date: '20/04/2026' } },
        '02500',
      );
      assert.deepEqual([changed.billingRecord.amount, changed.billingRecord.date], [1200, '20/04/2026']);
      await expectCode(gw, 'updateBillingRecord', { contractNumber: 'CB', paymentRecordId, billingRecordId: third.billingRecordId, billingRecordForUpdate: { status: 4 } }, '02500');
      await gw.advance(0);
      assertCode(
        await gw.call('updateBillingRecord', { contractNumber: 'CB', paymentRecordId, billingRecordId: first.billingRecordId, billingRecordForUpdate: { amount: 5 } }),
        '02509',
      );
      await gw.advance(70 * DAY);
      assert.deepEqual((await billings(paymentRecordId)).map((b) => [b.rank, b.date, b.amount, b.status]), [
        [1, '02/03/2026', 1000, 1],
        [2, '20/04/2026', 1200, 1],
        [3, '02/05/2026', 1000, 4],
        [4, '02/06/2026', 1000, 0],
      ]);
    });

    it('refuses an unknown billing record (02510), a past date (02509), a bad status (02305), nothing to change (02515)', async () => {
      const walletId = await newWallet();
      const { paymentRecordId, billingRecordList } = await expectCode(
        gw,
        'doRecurrentWalletPayment',
        recurrentRequest(walletId, 'NX', 2000, { amount: 1000, billingCycle: MONTHLY, billingLeft: 2, startDate: '09/03/2026' }),
        '02500',
      );
      const id = billingRecordList.billingRecord[1].billingRecordId;
      const update = (billingRecordId: string, billingRecordForUpdate: object) => gw.call('updateBillingRecord', { contractNumber: 'CB', paymentRecordId, billingRecordId, billingRecordForUpdate });
      assertCode(await gw.call('getBillingRecord', { contractNumber: 'CB', paymentRecordId, billingRecordId: '1' }), '02510');
      assertCode(await update('1', { amount: 5 }), '02510');
      assertFieldError(await update(id, { date: '01/03/2026' }), '02509', 'billingRecordForUpdate.date');
      assertFieldError(await update(id, { status: 1 }), '02305', 'billingRecordForUpdate.status');
      assertFieldError(await update(id, { status: 7 }), '02305', 'billingRecordForUpdate.status');
      assertCode(await update(id, {}), '02515');
      assertCode(await gw.call('getBillingRecord', { contractNumber: 'CB', paymentRecordId: '999999999999', billingRecordId: id }), '02507');
    });
  });
});
