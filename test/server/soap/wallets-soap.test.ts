import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from 'soap';
import type { PaylineService } from '../../../server/api/operation.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { CB_CARD, card } from '../support/requests.js';
import {
  createWalletRequest,
  getWalletRequest,
  immediateRequest,
  nextWalletId,
  recordRequest,
  recurrentRequest,
  scheduledRequest,
  updateWalletRequest,
} from '../support/wallet-requests.js';
import { soapCall, soapClients } from './soap-support.js';

/**
 * The wallet and payment-record operations through a real SOAP client built from Guichet's own
 * ?wsdl (DirectPaymentAPI): one accepted and one refused call each, values as strings.
 */
describe('SOAP face: wallets and payment records', () => {
  let gw: TestGateway;
  let clients: Record<PaylineService, Client>;
  const call = (operation: string, args: unknown) => soapCall(clients, operation, args);
  const code = async (operation: string, args: unknown) => (await call(operation, args)).result.code as string;

  before(async () => {
    gw = await startTestGateway();
    clients = await soapClients(gw);
  });
  after(() => gw.close());

  async function newWallet(): Promise<string> {
    const walletId = nextWalletId('soap');
    assert.equal(await code('createWallet', createWalletRequest(walletId)), '02500');
    return walletId;
  }

  it('createWallet: accepted with the masked card; 02502 for a taken id', async () => {
    const walletId = nextWalletId('soap');
    const created = await call('createWallet', createWalletRequest(walletId));
    assert.deepEqual(created.result, { code: '02500', shortMessage: 'ACCEPTED', longMessage: 'Operation Successfull' });
    assert.deepEqual(created.card, { number: '497010XXXXXX4455', type: 'CB', expirationDate: '1230' });
    assert.equal(await code('createWallet', createWalletRequest(walletId)), '02502');
  });

  it('getWallet: the owner and the default card; 02503 unknown', async () => {
    const walletId = await newWallet();
    const got = await call('getWallet', getWalletRequest(walletId));
    assert.equal(got.result.code, '02500');
    assert.equal(got.wallet.walletId, walletId);
    assert.equal(got.wallet.lastName, 'Martin');
    assert.equal(got.wallet.card.number, '497010XXXXXX4455');
    assert.equal(got.wallet.default, 'Y');
    assert.equal(got.isDisabled, '0');
    assert.equal(await code('getWallet', getWalletRequest(nextWalletId())), '02503');
  });

  it('updateWallet: adds a card; 02521 for a card already in the wallet', async () => {
    const walletId = await newWallet();
    assert.equal(await code('updateWallet', updateWalletRequest(walletId, card('4111111111111111'))), '02500');
    assert.equal(await code('updateWallet', updateWalletRequest(walletId, CB_CARD)), '02521');
    assert.equal(await code('updateWallet', updateWalletRequest(walletId, { type: 'CB', expirationDate: '0120' }, 1)), '02305');
  });

  it('getCards: every card with its index; 02518 for a bad index', async () => {
    const walletId = await newWallet();
    await call('updateWallet', updateWalletRequest(walletId, card('4111111111111111')));
    const got = await call('getCards', getWalletRequest(walletId));
    assert.equal(got.result.code, '02500');
    assert.deepEqual(got.cardsList.cards.map((c: any) => [c.cardInd, c.default, c.isDisabled]), [['1', 'Y', '0'], ['2', 'N', '0']]);
    assert.equal(await code('getCards', getWalletRequest(walletId, 9)), '02518');
  });

  it('disableWallet: 02500, then 02516 for a wallet already disabled, walletIdList naming it', async () => {
    const walletId = await newWallet();
    assert.equal(await code('disableWallet', { contractNumber: 'CB', walletIdList: { walletId: [walletId] } }), '02500');
    const again = await call('disableWallet', { contractNumber: 'CB', walletIdList: { walletId: [walletId] } });
    assert.equal(again.result.code, '02516');
    assert.deepEqual(again.walletIdList.walletId, [walletId]);
  });

  it('enableWallet: 02500 for a disabled wallet; 02519 when it is not', async () => {
    const walletId = await newWallet();
    await call('disableWallet', { contractNumber: 'CB', walletIdList: { walletId: [walletId] } });
    assert.equal(await code('enableWallet', { contractNumber: 'CB', walletId }), '02500');
    assert.equal(await code('enableWallet', { contractNumber: 'CB', walletId }), '02519');
  });

  it('doImmediateWalletPayment: accepted with transaction and authorization; 02505 for a disabled wallet', async () => {
    const walletId = await newWallet();
    const paid = await call('doImmediateWalletPayment', immediateRequest(walletId, 1000));
    assert.equal(paid.result.code, '00000');
    assert.match(paid.transaction.id, /^1\d{17}$/);
    assert.equal(paid.authorization.authorizedAmount, '1000');
    await call('disableWallet', { contractNumber: 'CB', walletIdList: { walletId: [walletId] } });
    assert.equal(await code('doImmediateWalletPayment', immediateRequest(walletId, 1000)), '02505');
  });

  it('doScheduledWalletPayment: a paymentRecordId; 02506 for a past day', async () => {
    const walletId = await newWallet();
    const answer = await call('doScheduledWalletPayment', scheduledRequest(walletId, 1000, '09/03/2026'));
    assert.equal(answer.result.code, '02500');
    assert.match(answer.paymentRecordId, /^\d{12}$/);
    assert.equal(await code('doScheduledWalletPayment', scheduledRequest(walletId, 1000, '01/03/2026')), '02506');
  });

  it('doRecurrentWalletPayment: the billing records planned; 02509 for an NX amount off the rule', async () => {
    const walletId = await newWallet();
    const answer = await call('doRecurrentWalletPayment', recurrentRequest(walletId, 'NX', 3000, { amount: 1000, billingCycle: 40, billingLeft: 3, startDate: '09/03/2026' }));
    assert.equal(answer.result.code, '02500');
    assert.deepEqual(answer.billingRecordList.billingRecord.map((b: any) => [b.rank, b.date, b.amount, b.status]), [
      ['1', '09/03/2026', '1000', '0'],
      ['2', '09/04/2026', '1000', '0'],
      ['3', '09/05/2026', '1000', '0'],
    ]);
    assert.equal(await code('doRecurrentWalletPayment', recurrentRequest(walletId, 'NX', 3001, { amount: 1000, billingCycle: 40, billingLeft: 3 })), '02509');
  });

  describe('the record operations', () => {
    let paymentRecordId: string;
    let billingRecordId: string;
    before(async () => {
      const walletId = await newWallet();
      const answer = await call('doRecurrentWalletPayment', recurrentRequest(walletId, 'REC', 500, { amount: 500, billingCycle: 40, billingLeft: 6, startDate: '09/03/2026' }));
      paymentRecordId = answer.paymentRecordId;
      billingRecordId = answer.billingRecordList.billingRecord[1].billingRecordId;
    });

    it('getPaymentRecord: the recurring options and billing records; 02507 unknown', async () => {
      const got = await call('getPaymentRecord', recordRequest(paymentRecordId));
      assert.equal(got.result.code, '02500');
      assert.equal(got.recurring.billingCycle, '40');
      assert.equal(got.billingRecordList.billingRecord.length, 6);
      assert.equal(await code('getPaymentRecord', recordRequest('999999999999')), '02507');
    });

    it('updatePaymentRecord: fewer due dates; 02507 for an unknown record', async () => {
      const updated = await call('updatePaymentRecord', { version: '34', contractNumber: 'CB', paymentRecordId, recurring: { billingLeft: 4 } });
      assert.equal(updated.result.code, '02500');
      assert.equal(updated.billingRecordList.billingRecord.length, 4);
      assert.equal(await code('updatePaymentRecord', { version: '34', contractNumber: 'CB', paymentRecordId: '999999999999', recurring: { billingLeft: 2 } }), '02507');
    });

    it('getBillingRecord: one due date; 02510 unknown', async () => {
      const got = await call('getBillingRecord', { contractNumber: 'CB', paymentRecordId, billingRecordId });
      assert.equal(got.result.code, '02500');
      assert.equal(got.billingRecord.rank, '2');
      assert.equal(await code('getBillingRecord', { contractNumber: 'CB', paymentRecordId, billingRecordId: '42' }), '02510');
    });

    it('updateBillingRecord: a new amount; 02509 for a past date', async () => {
      const changed = await call('updateBillingRecord', { contractNumber: 'CB', paymentRecordId, billingRecordId, billingRecordForUpdate: { amount: 650 } });
      assert.equal(changed.result.code, '02500');
      assert.equal(changed.billingRecord.amount, '650');
      assert.equal(await code('updateBillingRecord', { contractNumber: 'CB', paymentRecordId, billingRecordId, billingRecordForUpdate: { date: '01/01/2026' } }), '02509');
    });

    it('disablePaymentRecord: 02500, then 02508', async () => {
      assert.equal(await code('disablePaymentRecord', { contractNumber: 'CB', paymentRecordId }), '02500');
      assert.equal(await code('disablePaymentRecord', { contractNumber: 'CB', paymentRecordId }), '02508');
    });
  });
});
