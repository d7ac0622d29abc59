import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import {
  authorizationRequest,
  captureRequest,
  detailsRequest,
  reAuthorizationRequest,
  refundRequest,
  resetRequest,
  searchRequest,
  VERSION,
  webPaymentDetailsRequest,
} from '../support/requests.js';
import { applySet, badInputRows, chars, type BadInput } from '../support/bad-input-table.js';
import { assertCode, details, expectCode } from '../support/api-helpers.js';

/**
 * Bad input to the operations on an existing transaction or session, and to the reading
 * operations: exact code, field path in longMessage, and the transaction left as it was.
 */
const TRANSACTION_ID_ROWS: BadInput[] = [
  { label: 'no version', set: { version: undefined }, code: '02305', path: 'version' },
  { label: 'version of 11 characters', set: { version: chars(11) }, code: '02305', path: 'version' },
  { label: 'no transactionID', set: { transactionID: undefined }, code: '02305', path: 'transactionID' },
  { label: 'transactionID as an object', set: { transactionID: { id: '1' } }, code: '02305', path: 'transactionID' },
  { label: 'transactionID with spaces', set: { transactionID: '1234 5678' }, code: '02305', path: 'transactionID' },
  { label: 'transactionID of 51 characters', set: { transactionID: '1'.repeat(51) }, code: '02305', path: 'transactionID' },
];

const FOLLOW_UP_PAYMENT_ROWS: BadInput[] = [
  { label: 'no payment', set: { payment: undefined }, code: '02305', path: 'payment' },
  { label: 'no amount', set: { 'payment.amount': undefined }, code: '02305', path: 'payment.amount' },
  { label: 'letters in amount', set: { 'payment.amount': 'ten' }, code: '02305', path: 'payment.amount' },
  { label: 'negative amount', set: { 'payment.amount': -100 }, code: '02305', path: 'payment.amount' },
  { label: 'amount with decimals', set: { 'payment.amount': 99.99 }, code: '02305', path: 'payment.amount' },
  { label: 'amount zero', set: { 'payment.amount': 0 }, code: '02305', path: 'payment.amount' },
  { label: 'no currency', set: { 'payment.currency': undefined }, code: '02305', path: 'payment.currency' },
  { label: 'currency as letters', set: { 'payment.currency': 'EUR' }, code: '02305', path: 'payment.currency' },
  { label: 'unknown currency 999', set: { 'payment.currency': 999 }, code: '02305', path: 'payment.currency' },
  { label: 'another currency than the transaction’s (840)', set: { 'payment.currency': 840 }, code: '02620', path: 'payment.currency' },
  { label: 'no mode', set: { 'payment.mode': undefined }, code: '02305', path: 'payment.mode' },
  { label: 'no action', set: { 'payment.action': undefined }, code: '02305', path: 'payment.action' },
];

describe('bad input: operations on a transaction', () => {
  let gw: TestGateway;
  let authorized: string;
  let captured: string;
  before(async () => {
    gw = await startTestGateway();
    authorized = (await expectCode(gw, 'doAuthorization', authorizationRequest(1000, { action: 100 }), '00000')).transaction.id;
    captured = (await expectCode(gw, 'doAuthorization', authorizationRequest(1000, { action: 101 }), '00000')).transaction.id;
  });
  after(async () => {
    // None of the refused requests changed anything.
    for (const id of [authorized, captured]) {
      const list = (await details(gw, id)).associatedTransactionsList.associatedTransactions;
      assert.equal(list.length, 1, `${id} was changed: ${JSON.stringify(list)}`);
    }
    await gw.close();
  });
  const get = () => gw;
  const rows = (extra: BadInput[]) => [...TRANSACTION_ID_ROWS, ...FOLLOW_UP_PAYMENT_ROWS, ...extra];

  describe('doCapture', () => {
    badInputRows(get, 'doCapture', () => captureRequest(authorized, 500), rows([
      { label: 'action 100', set: { 'payment.action': 100 }, code: '02321', path: 'payment.action' },
      { label: 'action 421', set: { 'payment.action': 421 }, code: '02321', path: 'payment.action' },
      { label: 'sequenceNumber of 21 characters', set: { sequenceNumber: chars(21) }, code: '02305', path: 'sequenceNumber' },
    ]));
  });

  describe('doRefund', () => {
    badInputRows(get, 'doRefund', () => refundRequest(captured, 500), rows([
      { label: 'action 201', set: { 'payment.action': 201 }, code: '02321', path: 'payment.action' },
      { label: 'comment of 256 characters', set: { comment: chars(256) }, code: '02305', path: 'comment' },
    ]));
  });

  describe('doReset', () => {
    badInputRows(get, 'doReset', () => resetRequest(authorized), [
      ...TRANSACTION_ID_ROWS,
      { label: 'negative amount', set: { amount: -1 }, code: '02305', path: 'amount' },
      { label: 'amount with decimals', set: { amount: 10.5 }, code: '02305', path: 'amount' },
      { label: 'currency as letters', set: { currency: 'EUR' }, code: '02305', path: 'currency' },
      { label: 'unknown currency 999', set: { currency: 999 }, code: '02305', path: 'currency' },
      { label: 'another currency than the transaction’s (840)', set: { currency: 840 }, code: '02620', path: 'currency' },
      { label: 'amount other than the authorized one', set: { amount: 999 }, code: '02612', path: 'amount' },
      { label: 'comment as an object', set: { comment: { text: 'x' } }, code: '02305', path: 'comment' },
    ]);
  });

  describe('doReAuthorization', () => {
    badInputRows(get, 'doReAuthorization', () => reAuthorizationRequest(authorized, 1000), [
      ...TRANSACTION_ID_ROWS,
      ...FOLLOW_UP_PAYMENT_ROWS,
      { label: 'action 421', set: { 'payment.action': 421 }, code: '02321', path: 'payment.action' },
      { label: 'mode NX', set: { 'payment.mode': 'NX' }, code: '02308', path: 'payment.mode' },
      { label: 'mode REC', set: { 'payment.mode': 'REC' }, code: '02308', path: 'payment.mode' },
      { label: 'no order', set: { order: undefined }, code: '02305', path: 'order' },
      { label: 'order ref of 51 characters', set: { 'order.ref': chars(51) }, code: '02305', path: 'order.ref' },
    ]);
  });

  it('reads a capture’s and a refund’s numbers sent as strings', async () => {
    const strings = { 'payment.amount': '400', 'payment.currency': '978' };
    const id = (await expectCode(gw, 'doAuthorization', authorizationRequest(1000, { action: 100 }), '00000')).transaction.id;
    await expectCode(gw, 'doCapture', applySet(captureRequest(id, 0), { ...strings, 'payment.action': '201' }), '00000');
    await expectCode(gw, 'doRefund', applySet(refundRequest(id, 0), { ...strings, 'payment.action': '421' }), '00000');
    await expectCode(gw, 'doReset', { ...resetRequest(id), amount: '1000', currency: '978' }, '02603');
    const list = (await details(gw, id)).associatedTransactionsList.associatedTransactions;
    assert.deepEqual(list.map((t: any) => [t.type, t.amount]), [['AUTHORIZATION', 1000], ['CAPTURE', 400], ['REFUND', 400]]);
  });

  it('answers 02604 to a well-formed id that does not exist, on every operation', async () => {
    const unknown = '100000000000000000';
    await expectCode(gw, 'doCapture', captureRequest(unknown, 100), '02604');
    await expectCode(gw, 'doRefund', refundRequest(unknown, 100), '02604');
    await expectCode(gw, 'doReset', resetRequest(unknown), '02604');
    await expectCode(gw, 'doReAuthorization', reAuthorizationRequest(unknown, 100), '02604');
    await expectCode(gw, 'getTransactionDetails', detailsRequest(unknown), '02604');
  });
});

describe('bad input: reading operations', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());
  const get = () => gw;

  describe('getWebPaymentDetails', () => {
    badInputRows(get, 'getWebPaymentDetails', () => webPaymentDetailsRequest('0123456789abcdef0123456789abcdef'), [
      { label: 'no version', set: { version: undefined }, code: '02305', path: 'version' },
      { label: 'no token', set: { token: undefined }, code: '02305', path: 'token' },
      { label: 'token as an object', set: { token: { value: 'x' } }, code: '02305', path: 'token' },
      { label: 'token of 101 characters', set: { token: chars(101) }, code: '02305', path: 'token' },
    ]);
  });

  describe('getTransactionDetails', () => {
    badInputRows(get, 'getTransactionDetails', () => detailsRequest('100000000000000000'), [
      { label: 'no version', set: { version: undefined }, code: '02305', path: 'version' },
      { label: 'neither transactionId nor orderRef', set: { transactionId: undefined }, code: '02305', path: 'transactionId' },
      { label: 'transactionId with a slash', set: { transactionId: '12/34' }, code: '02305', path: 'transactionId' },
      { label: 'orderRef of 51 characters', set: { transactionId: undefined, orderRef: chars(51) }, code: '02305', path: 'orderRef' },
      { label: 'archiveSearch not a flag', set: { archiveSearch: 'yes' }, code: '02305', path: 'archiveSearch' },
    ]);
  });

  describe('transactionsSearch', () => {
    badInputRows(get, 'transactionsSearch', () => searchRequest(), [
      { label: 'no version', set: { version: undefined }, code: '02305', path: 'version' },
      { label: 'no startDate', set: { startDate: undefined }, code: '02305', path: 'startDate' },
      { label: 'no endDate', set: { endDate: undefined }, code: '02305', path: 'endDate' },
      { label: 'startDate in ISO format', set: { startDate: '2026-03-01' }, code: '02305', path: 'startDate' },
      { label: 'endDate not a real date', set: { endDate: '31/02/2026' }, code: '02305', path: 'endDate' },
      { label: 'returnCode of letters', set: { returnCode: 'ABCDE' }, code: '02305', path: 'returnCode' },
      { label: 'negative minAmount', set: { minAmount: -1 }, code: '02305', path: 'minAmount' },
      { label: 'maxAmount with decimals', set: { maxAmount: 1.5 }, code: '02305', path: 'maxAmount' },
      { label: 'currency as letters', set: { currency: 'EUR' }, code: '02305', path: 'currency' },
      { label: 'contractNumber of 21 characters', set: { contractNumber: chars(21) }, code: '02305', path: 'contractNumber' },
    ]);
  });

  it('reads flags as 0/1 or true/false', async () => {
    for (const archiveSearch of ['0', '1', 0, 1, true, false, 'true', 'false']) {
      assertCode(await gw.call('getTransactionDetails', { ...detailsRequest('100000000000000000'), archiveSearch }), '02604');
    }
  });

  it('reads amounts and currency of a search sent as strings', async () => {
    const answer = await gw.call('transactionsSearch', applySet(searchRequest(), { minAmount: '1', maxAmount: '100000', currency: '978' }));
    assertCode(answer, '02310');
    assert.deepEqual(answer.transactionList, { transaction: [] });
  });

  it('needs version on every operation', async () => {
    const operations = ['doAuthorization', 'doCapture', 'doReset', 'doRefund', 'doReAuthorization', 'doDebit', 'doCredit'];
    operations.push('doWebPayment', 'getWebPaymentDetails', 'getTransactionDetails', 'transactionsSearch');
    for (const operation of operations) {
      const answer = await gw.call(operation, { version: '' });
      assertCode(answer, '02305');
      assert.equal(answer.result.longMessage, 'version is required', `${operation}: ${answer.result.longMessage}`);
    }
    assert.equal(VERSION, '34');
  });
});
