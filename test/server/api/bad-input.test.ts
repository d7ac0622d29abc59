import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, CB_CARD, creditRequest, debitRequest, webPaymentRequest } from '../support/requests.js';
import { applySet, assertNoTrace, badInputRows, chars, type BadInput } from '../support/bad-input-table.js';
import { assertCode, details } from '../support/api-helpers.js';

/**
 * Bad input to the operations that make a payment or a session: every row is refused with its
 * exact code, names the field's path in longMessage, and leaves nothing behind.
 */
const PAYMENT_ROWS: BadInput[] = [
  { label: 'no version', set: { version: undefined }, code: '02305', path: 'version' },
  { label: 'no payment', set: { payment: undefined }, code: '02305', path: 'payment' },
  { label: 'payment not an object', set: { payment: 'x' }, code: '02305', path: 'payment' },
  { label: 'no amount', set: { 'payment.amount': undefined }, code: '02305', path: 'payment.amount' },
  { label: 'letters in amount', set: { 'payment.amount': '10e2' }, code: '02305', path: 'payment.amount' },
  { label: 'amount as an object', set: { 'payment.amount': { value: 1000 } }, code: '02305', path: 'payment.amount' },
  { label: 'negative amount', set: { 'payment.amount': -1000 }, code: '02305', path: 'payment.amount' },
  { label: 'amount with decimals', set: { 'payment.amount': 10.5 }, code: '02305', path: 'payment.amount' },
  { label: 'amount with decimals as text', set: { 'payment.amount': '10.50' }, code: '02305', path: 'payment.amount' },
  { label: 'amount zero', set: { 'payment.amount': 0 }, code: '02305', path: 'payment.amount' },
  { label: 'amount over N12', set: { 'payment.amount': 1_000_000_000_000 }, code: '02305', path: 'payment.amount' },
  { label: 'unknown currency 999', set: { 'payment.currency': 999 }, code: '02305', path: 'payment.currency' },
  { label: 'currency as letters', set: { 'payment.currency': 'EUR' }, code: '02305', path: 'payment.currency' },
  { label: 'currency not the contract’s (840)', set: { 'payment.currency': 840 }, code: '02305', path: 'payment.currency' },
  { label: 'no action', set: { 'payment.action': undefined }, code: '02305', path: 'payment.action' },
  { label: 'action as letters', set: { 'payment.action': 'AUTH' }, code: '02305', path: 'payment.action' },
  { label: 'unknown mode', set: { 'payment.mode': 'XYZ' }, code: '02305', path: 'payment.mode' },
  { label: 'mode NX', set: { 'payment.mode': 'NX' }, code: '02308', path: 'payment.mode' },
  { label: 'mode REC', set: { 'payment.mode': 'REC' }, code: '02308', path: 'payment.mode' },
  { label: 'no contract number', set: { 'payment.contractNumber': undefined }, code: '02305', path: 'payment.contractNumber' },
  { label: 'contract number of 21 characters', set: { 'payment.contractNumber': chars(21) }, code: '02305', path: 'payment.contractNumber' },
  { label: 'contract number as an object', set: { 'payment.contractNumber': { number: 'CB' } }, code: '02305', path: 'payment.contractNumber' },
  { label: 'unknown contract', set: { 'payment.contractNumber': 'NOPE' }, code: '02303', path: 'payment.contractNumber' },
  { label: 'no order', set: { order: undefined }, code: '02305', path: 'order' },
  { label: 'no order ref', set: { 'order.ref': undefined }, code: '02305', path: 'order.ref' },
  { label: 'order ref of 51 characters', set: { 'order.ref': chars(51) }, code: '02305', path: 'order.ref' },
  { label: 'order ref as an object', set: { 'order.ref': { ref: 'x' } }, code: '02305', path: 'order.ref' },
  { label: 'no order date', set: { 'order.date': undefined }, code: '02305', path: 'order.date' },
  { label: 'order date in ISO format', set: { 'order.date': '2026-03-02T11:00' }, code: '02305', path: 'order.date' },
  { label: 'order amount with decimals', set: { 'order.amount': 10.5 }, code: '02305', path: 'order.amount' },
  { label: 'private data without key', set: { privateDataList: [{ value: 'v' }] }, code: '02305', path: 'privateDataList.privateData[0].key' },
];

const CARD_ROWS: BadInput[] = [
  { label: 'no card', set: { card: undefined }, code: '02305', path: 'card' },
  { label: 'no card type', set: { 'card.type': undefined }, code: '02305', path: 'card.type' },
  { label: 'no card number', set: { 'card.number': undefined }, code: '02305', path: 'card.number' },
  { label: 'letters in card number', set: { 'card.number': '4970abcd22334455' }, code: '02305', path: 'card.number' },
  { label: 'card number as a list', set: { 'card.number': ['4970101122334455'] }, code: '02305', path: 'card.number' },
  { label: 'card number of 11 digits', set: { 'card.number': '49701011223' }, code: '02305', path: 'card.number' },
  { label: 'Luhn failure', set: { 'card.number': '4970101122334456' }, code: '02614', path: 'card.number' },
  { label: 'no expiry', set: { 'card.expirationDate': undefined }, code: '02305', path: 'card.expirationDate' },
  { label: 'expiry month 13', set: { 'card.expirationDate': '1330' }, code: '02305', path: 'card.expirationDate' },
  { label: 'expiry month 00', set: { 'card.expirationDate': '0030' }, code: '02305', path: 'card.expirationDate' },
  { label: 'expiry with a slash', set: { 'card.expirationDate': '12/30' }, code: '02305', path: 'card.expirationDate' },
  { label: 'CVV with letters', set: { 'card.cvx': '12a' }, code: '02305', path: 'card.cvx' },
  { label: 'CVV of 4 digits on a Visa', set: { 'card.cvx': '1234' }, code: '02305', path: 'card.cvx' },
  { label: 'card.type not matching the number', set: { card: { ...CB_CARD, number: '5555555555554444', type: 'VISA' } }, code: '02305', path: 'card.type' },
  { label: 'card.type not accepted by the contract', set: { card: { ...CB_CARD, number: '378282246310005', type: 'AMEX', cvx: '1234' } }, code: '02305', path: 'card.type' },
  { label: 'unknown card.type', set: { 'card.type': 'FOO' }, code: '02305', path: 'card.type' },
];

describe('bad input: operations that make a payment', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());
  const get = () => gw;

  describe('doAuthorization', () => {
    badInputRows(get, 'doAuthorization', () => authorizationRequest(1000), [
      ...PAYMENT_ROWS,
      ...CARD_ROWS,
      { label: 'action 201', set: { 'payment.action': 201 }, code: '02321', path: 'payment.action' },
      { label: 'action 421', set: { 'payment.action': 421 }, code: '02321', path: 'payment.action' },
    ], { noTrace: true });
  });

  describe('doDebit', () => {
    badInputRows(get, 'doDebit', () => debitRequest(1000), [
      ...PAYMENT_ROWS.filter((row) => !row.label.startsWith('action as')),
      ...CARD_ROWS,
      { label: 'action 101', set: { 'payment.action': 101 }, code: '02321', path: 'payment.action' },
      { label: 'no authorization', set: { authorization: undefined }, code: '02305', path: 'authorization' },
      { label: 'authorization number of 21 characters', set: { 'authorization.number': chars(21) }, code: '02305', path: 'authorization.number' },
    ], { noTrace: true });
  });

  describe('doCredit', () => {
    const rows = PAYMENT_ROWS.filter((row) => !['no order', 'no order ref', 'no order date'].includes(row.label));
    badInputRows(get, 'doCredit', () => creditRequest(1000), [
      ...rows,
      ...CARD_ROWS,
      { label: 'action 421', set: { 'payment.action': 421 }, code: '02321', path: 'payment.action' },
      { label: 'comment of 256 characters', set: { comment: chars(256) }, code: '02305', path: 'comment' },
    ], { noTrace: true });
  });

  describe('doWebPayment', () => {
    badInputRows(get, 'doWebPayment', () => webPaymentRequest(1000), [
      ...PAYMENT_ROWS,
      { label: 'action 201', set: { 'payment.action': 201 }, code: '02321', path: 'payment.action' },
      { label: 'no returnURL', set: { returnURL: undefined }, code: '02305', path: 'returnURL' },
      { label: 'returnURL not http', set: { returnURL: 'javascript:alert(1)' }, code: '02305', path: 'returnURL' },
      { label: 'no cancelURL', set: { cancelURL: undefined }, code: '02305', path: 'cancelURL' },
      { label: 'notificationURL not a URL', set: { notificationURL: 'shop.example/notify' }, code: '02305', path: 'notificationURL' },
      { label: 'unknown selected contract', set: { selectedContractList: { selectedContract: ['NOPE'] } }, code: '02303', path: 'selectedContractList' },
      { label: 'DIF without differedActionDate', set: { 'payment.mode': 'DIF' }, code: '02305', path: 'payment.differedActionDate' },
    ]);
  });

  it('refuses a card whose expiry is in the past with 01101: a refused transaction, not bad input', async () => {
    const request = applySet(authorizationRequest(1000), { 'card.expirationDate': '1225' });
    const answer = await gw.call('doAuthorization', request);
    assertCode(answer, '01101', 'REFUSED');
    assertCode(await details(gw, answer.transaction.id), '01101');
  });

  it('reads numeric fields sent as strings: amount "1000", currency "978", action "101"', async () => {
    const strings = { 'payment.amount': '1000', 'payment.currency': '978', 'payment.action': '101', 'order.amount': '1000', 'order.currency': '978' };
    for (const [operation, base] of [
      ['doAuthorization', authorizationRequest(1000)],
      ['doDebit', debitRequest(1000)],
      ['doWebPayment', webPaymentRequest(1000)],
    ] as const) {
      const set = operation === 'doDebit' ? { ...strings, 'payment.action': '204' } : strings;
      assertCode(await gw.call(operation, applySet(base, set)), '00000');
    }
    const auth = await gw.call('doAuthorization', applySet(authorizationRequest(1000), { 'payment.amount': ' 1000 ', 'card.expirationDate': 1230 }));
    assertCode(auth, '00000');
    assert.equal(auth.authorization.authorizedAmount, 1000);
  });

  it('treats null and empty strings as absent: optional fields pass, required ones are named', async () => {
    assertCode(await gw.call('doAuthorization', applySet(authorizationRequest(1000), { buyer: null, privateDataList: '', media: null })), '00000');
    const missing = await gw.call('doAuthorization', applySet(authorizationRequest(1000), { 'order.ref': '' }));
    assertCode(missing, '02305');
    assert.match(missing.result.longMessage, /^order\.ref is required/);
  });

  it('refuses a body that is a JSON array, naming the request', async () => {
    const answer = await gw.call('doAuthorization', [authorizationRequest(1000)]);
    assertCode(answer, '02305');
    assert.match(answer.result.longMessage, /^doAuthorizationRequest must be an object/);
  });

  it('leaves no trace of a Luhn failure, an unknown contract or a wrong action', async () => {
    for (const set of [{ 'card.number': '4970101122334456' }, { 'payment.contractNumber': 'NOPE' }, { 'payment.action': 201 }]) {
      const request = authorizationRequest(1000);
      const answer = await gw.call('doAuthorization', applySet(request, set));
      assert.notEqual(answer.result.code, '00000');
      assert.equal(answer.transaction, undefined, 'no transaction is answered');
      await assertNoTrace(gw, request.order.ref);
    }
  });
});
