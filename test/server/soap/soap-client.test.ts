import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Client } from 'soap';
import type { PaylineService } from '../../../server/api/operation.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { OPERATIONS } from '../../../server/api/operations/registry.js';
import { CB_CARD, VERSION, authorizationRequest, captureRequest, refundRequest, resetRequest, webPaymentRequest } from '../support/requests.js';
import { creditRequest, debitRequest, detailsRequest, reAuthorizationRequest, searchRequest, webPaymentDetailsRequest } from './soap-requests.js';
import { soapCall, soapClients } from './soap-support.js';

/**
 * Every implemented operation through a real SOAP client (the `soap` package) built from
 * Guichet's own ?wsdl, as a merchant's generated client would call it; answers checked field by
 * field. Values are strings on this face, as in Payline's schema.
 */
describe('SOAP face through the soap client', () => {
  let gw: TestGateway;
  let clients: Record<PaylineService, Client>;
  const call = (operation: string, args: unknown) => soapCall(clients, operation, args);
  const ACCEPTED = { code: '00000', shortMessage: 'ACCEPTED', longMessage: 'Transaction approved' };
  const CARD_OUT = { number: '497010XXXXXX4455', type: 'CB', expirationDate: '1230' };
  const NOW = '02/03/2026 11:00:00';

  before(async () => {
    gw = await startTestGateway();
    clients = await soapClients(gw);
  });
  after(() => gw.close());

  function assertTransaction(transaction: any, threeDSecure = 'N'): void {
    assert.match(transaction.id, /^1\d{17}$/);
    assert.deepEqual({ ...transaction, id: 'ID' }, {
      id: 'ID',
      date: NOW,
      isDuplicated: '0',
      isPossibleFraud: '0',
      fraudResult: '',
      explanation: '',
      threeDSecure,
      score: '0',
    });
  }

  it('doWebPayment, the shopper pays in the widget, getWebPaymentDetails', async () => {
    const request = webPaymentRequest(2500);
    const opened = await call('doWebPayment', request);
    assert.deepEqual(opened.result, { code: '00000', shortMessage: 'ACCEPTED', longMessage: 'Transaction approved' });
    assert.match(opened.token, /^[0-9a-f]{32}$/);
    assert.ok(opened.redirectURL.includes(opened.token), opened.redirectURL);

    const waiting = await call('getWebPaymentDetails', webPaymentDetailsRequest(opened.token));
    assert.equal(waiting.result.code, '02306');
    assert.equal(waiting.transaction, undefined);

    const paid = await gw.fetch(`/widget/sessions/${opened.token}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ card: CB_CARD }),
    });
    const payAnswer = (await paid.json()) as any;
    assert.equal(payAnswer.result.code, '00000', JSON.stringify(payAnswer));

    const details = await call('getWebPaymentDetails', webPaymentDetailsRequest(opened.token));
    assert.deepEqual(details.result, ACCEPTED);
    // The widget may run 3-D Secure: the details say what the payment answer said.
    assertTransaction(details.transaction, payAnswer.transaction.threeDSecure);
    assert.equal(details.transaction.id, payAnswer.transaction.id);
    assert.deepEqual(details.payment, { amount: '2500', currency: '978', action: '101', mode: 'CPT', contractNumber: 'CB' });
    assert.match(details.authorization.number, /^\w{6}$/);
    assert.deepEqual({ ...details.authorization, number: 'N' }, { number: 'N', date: NOW, authorizedAmount: '2500', authorizedCurrency: '978' });
    assert.deepEqual(details.card, CARD_OUT);
    assert.deepEqual(details.order, { ref: request.order.ref, amount: '2500', currency: '978', date: '02/03/2026 11:00:00' });
    assert.equal(details.numberOfAttempt, '1');
    assert.equal(details.contractNumber, 'CB');
    assert.deepEqual(Object.keys(details), ['result', 'transaction', 'payment', 'authorization', 'card', 'order', 'numberOfAttempt', 'contractNumber']);
  });

  it('doAuthorization accepted, with private data echoed', async () => {
    const request = { ...authorizationRequest(1000, { action: 100 }), privateDataList: { privateData: [{ key: 'cart', value: '42' }] } };
    const answer = await call('doAuthorization', request);
    assert.deepEqual(answer.result, ACCEPTED);
    assertTransaction(answer.transaction);
    assert.deepEqual({ ...answer.authorization, number: 'N' }, { number: 'N', date: NOW, authorizedAmount: '1000', authorizedCurrency: '978' });
    assert.deepEqual(answer.card, CARD_OUT);
    assert.deepEqual(answer.privateDataList, { privateData: [{ key: 'cart', value: '42' }] });
    assert.equal(answer.contractNumber, 'CB');
    assert.deepEqual(Object.keys(answer), ['result', 'transaction', 'authorization', 'card', 'privateDataList', 'contractNumber']);
  });

  it('doAuthorization refused by the amount simulator (333.05 EUR → 01100)', async () => {
    const answer = await call('doAuthorization', authorizationRequest(33305));
    assert.deepEqual(answer.result, { code: '01100', shortMessage: 'REFUSED', longMessage: 'Transaction refused (Do not honor)' });
    assert.match(answer.transaction.id, /^1\d{17}$/);
    assert.equal(answer.authorization, undefined);
    assert.deepEqual(answer.card, CARD_OUT);
  });

  it('doCapture part of an authorization, then refuses more than is left', async () => {
    const auth = await call('doAuthorization', authorizationRequest(1000, { action: 100 }));
    const capture = await call('doCapture', captureRequest(auth.transaction.id, 400));
    assert.deepEqual(capture.result, ACCEPTED);
    assertTransaction(capture.transaction);
    assert.notEqual(capture.transaction.id, auth.transaction.id);
    assert.deepEqual(Object.keys(capture), ['result', 'transaction']);
    const over = await call('doCapture', captureRequest(auth.transaction.id, 601));
    assert.equal(over.result.code, '02613');
  });

  it('doRefund partial, then getTransactionDetails lists every transaction', async () => {
    const auth = await call('doAuthorization', authorizationRequest(1000, { action: 101 }));
    const refund = await call('doRefund', refundRequest(auth.transaction.id, 300));
    assert.deepEqual(refund.result, ACCEPTED);
    assertTransaction(refund.transaction);
    assert.deepEqual(Object.keys(refund), ['result', 'transaction']);

    const details = await call('getTransactionDetails', detailsRequest(auth.transaction.id));
    assert.deepEqual(details.result, ACCEPTED);
    assert.equal(details.transaction.id, auth.transaction.id);
    assert.deepEqual(details.payment, { amount: '1000', currency: '978', action: '101', mode: 'CPT', contractNumber: 'CB' });
    assert.deepEqual(details.card, CARD_OUT);
    assert.equal(details.order.date, NOW);
    assert.deepEqual(
      details.associatedTransactionsList.associatedTransactions.map((t: any) => [t.type, t.amount, t.status, t.originTransactionId, t.currency]),
      [
        ['AUTHORIZATION_CAPTURE', '1000', 'ACCEPTED', auth.transaction.id, '978'],
        ['REFUND', '300', 'ACCEPTED', auth.transaction.id, '978'],
      ],
    );
    assert.equal(details.statusHistoryList.statusHistory.length, 1);
    assert.equal(details.contractNumber, 'CB');
    assert.deepEqual(Object.keys(details), [
      'result',
      'transaction',
      'payment',
      'authorization',
      'order',
      'card',
      'associatedTransactionsList',
      'statusHistoryList',
      'contractNumber',
    ]);
  });

  it('doReset cancels an authorization once', async () => {
    const auth = await call('doAuthorization', authorizationRequest(1000, { action: 100 }));
    const reset = await call('doReset', resetRequest(auth.transaction.id));
    assert.deepEqual(reset.result, ACCEPTED);
    assertTransaction(reset.transaction);
    const again = await call('doReset', resetRequest(auth.transaction.id));
    assert.equal(again.result.code, '02601');
  });

  it('doReAuthorization renews an authorization on the same card', async () => {
    const auth = await call('doAuthorization', authorizationRequest(1200, { action: 100 }));
    const renewed = await call('doReAuthorization', reAuthorizationRequest(auth.transaction.id, 1200));
    assert.deepEqual(renewed.result, ACCEPTED);
    assertTransaction(renewed.transaction);
    assert.deepEqual(renewed.card, CARD_OUT);
  });

  it('doDebit and doCredit', async () => {
    const debit = await call('doDebit', debitRequest(1500));
    assert.deepEqual(debit.result, ACCEPTED);
    assertTransaction(debit.transaction);
    assert.deepEqual(debit.card, CARD_OUT);
    const credit = await call('doCredit', creditRequest(700));
    assert.deepEqual(credit.result, ACCEPTED);
    assertTransaction(credit.transaction);
    assert.deepEqual(credit.card, CARD_OUT);
  });

  it('transactionsSearch finds a transaction by order ref', async () => {
    const request = authorizationRequest(1800);
    const auth = await call('doAuthorization', request);
    const found = await call('transactionsSearch', searchRequest({ orderRef: request.order.ref }));
    assert.deepEqual(found.result, ACCEPTED);
    const [transaction, ...others] = found.transactionList.transaction;
    assert.deepEqual(others, []);
    assert.equal(transaction.id, auth.transaction.id);
    assert.equal(transaction.orderReference, request.order.ref);
    assert.deepEqual(transaction.payment, { amount: '1800', currency: '978', action: '101', mode: 'CPT', contractNumber: 'CB' });
    assert.deepEqual(transaction.card, CARD_OUT);
    const none = await call('transactionsSearch', searchRequest({ orderRef: 'no-such-order' }));
    assert.equal(none.result.code, '02310');
  });

  it('every implemented operation is in the client built from ?wsdl and answers as on JSON', async () => {
    for (const operation of OPERATIONS.keys()) {
      const answer = await call(operation, { version: VERSION });
      const json = await gw.call(operation, { version: VERSION });
      assert.deepEqual(answer.result, json.result, operation);
    }
  });

  it('a wrong access key is HTTP 401', async () => {
    const wrong = await soapClients(gw, 'not-the-key');
    await assert.rejects(soapCall(wrong, 'doAuthorization', authorizationRequest(1000)), (error: any) => {
      assert.equal(error.response?.status, 401);
      return true;
    });
  });
});
