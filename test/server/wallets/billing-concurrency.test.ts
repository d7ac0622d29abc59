import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DAY, expectCode, GatedAcquirer } from '../support/api-helpers.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { CB_CARD } from '../support/requests.js';
import { createWalletRequest, nextWalletId, recordRequest, recurrentRequest } from '../support/wallet-requests.js';

/*
 * A due date at the acquirer while the merchant changes its payment record: the payment the
 * acquirer made is recorded on the fresh record, the merchant's change is kept, and the due date
 * is paid once.
 */
describe('a due date and a record update at the same time', () => {
  const acquirer = new GatedAcquirer();
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway({}, { acquirer })));
  after(() => gw.close());

  it('records the payment and keeps the update', async () => {
    const walletId = nextWalletId('race');
    await expectCode(gw, 'createWallet', createWalletRequest(walletId, CB_CARD), '02500');
    const { paymentRecordId } = await expectCode(
      gw,
      'doRecurrentWalletPayment',
      recurrentRequest(walletId, 'NX', 3000, { amount: 1000, billingCycle: 40, billingLeft: 3, startDate: '03/03/2026' }),
      '02500',
    );
    const gate = acquirer.hold();
    const running = gw.advance(DAY);
    await gate.arrived;
    await expectCode(gw, 'updatePaymentRecord', { contractNumber: 'CB', paymentRecordId, recurring: { newAmount: 1100, amountModificationDate: '01/04/2026' } }, '02500');
    gate.release();
    await running;
    await gw.advance(0);

    const due = (await expectCode(gw, 'getPaymentRecord', recordRequest(paymentRecordId), '02500')).billingRecordList.billingRecord;
    assert.deepEqual(due.map((b: any) => [b.rank, b.status, b.nbTry, b.amount]), [[1, 1, 1, 1000], [2, 0, 0, 1100], [3, 0, 0, 1100]]);
    const payments = await gw.gateway.store.searchPayments({ merchantId: 'demo-merchant', limit: 100 });
    assert.equal(payments.length, 1, 'the due date was paid once');
    assert.equal(payments[0]!.id, due[0].transaction.id);
  });
});
