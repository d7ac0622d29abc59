import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OPERATIONS } from '../../../server/api/operations/registry.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { VERSION, authorizationRequest, captureRequest, refundRequest, resetRequest, webPaymentRequest } from '../support/requests.js';
import { creditRequest, debitRequest, detailsRequest, reAuthorizationRequest, searchRequest, webPaymentDetailsRequest } from './soap-requests.js';
import { answerOf, canonical, postOperation } from './soap-support.js';
import { createWalletRequest, getWalletRequest, immediateRequest, nextWalletId, recordRequest, recurrentRequest, scheduledRequest } from '../support/wallet-requests.js';

/**
 * One table of cases through both faces (STYLE.md "API faces"): each case builds its request
 * afresh for each face (own order ref, own prior transaction) and both must answer the same
 * result, with the same fields once the JSON answer is written as SOAP writes it.
 */
type Body = Record<string, unknown>;
type Face = (operation: string, body: Body) => Promise<any>;

interface Case {
  name: string;
  operation: string;
  /** Builds the request; `call` is the face under test, for the calls that prepare it. */
  request: (call: Face) => Body | Promise<Body>;
  /** The expected result.code; absent: whatever JSON answers, SOAP must answer too. */
  code?: string;
}

const authorized = async (call: Face, action = 100, amount = 1000): Promise<string> => {
  const answer = await call('doAuthorization', authorizationRequest(amount, { action }));
  assert.equal(answer.result.code, '00000');
  return answer.transaction.id;
};

/** A new wallet with the CB test card, made through the face under test. */
const wallet = async (call: Face): Promise<string> => {
  const walletId = nextWalletId('faces');
  assert.equal((await call('createWallet', createWalletRequest(walletId))).result.code, '02500');
  return walletId;
};

const edit = (body: Body, path: string, value: unknown): Body => {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target: any = copy;
  for (const key of keys.slice(0, -1)) target = target[key];
  if (value === undefined) delete target[keys.at(-1)!];
  else target[keys.at(-1)!] = value;
  return copy;
};

const CASES: Case[] = [
  { name: 'authorization accepted', operation: 'doAuthorization', request: () => authorizationRequest(1000), code: '00000' },
  { name: 'amount simulator refusal', operation: 'doAuthorization', request: () => authorizationRequest(33305), code: '01100' },
  { name: 'amount simulator 01116', operation: 'doAuthorization', request: () => authorizationRequest(33351), code: '01116' },
  { name: 'expired card', operation: 'doAuthorization', request: () => authorizationRequest(1000, { card: { number: '4970101122334455', type: 'CB', expirationDate: '0120', cvx: '123' } }), code: '01101' },
  { name: 'wrong action', operation: 'doAuthorization', request: () => authorizationRequest(1000, { action: 201 }), code: '02321' },
  { name: 'missing version', operation: 'doAuthorization', request: () => edit(authorizationRequest(1000), 'version', undefined), code: '02305' },
  { name: 'missing card.type', operation: 'doAuthorization', request: () => edit(authorizationRequest(1000), 'card.type', undefined), code: '02305' },
  { name: 'amount not a whole number', operation: 'doAuthorization', request: () => edit(authorizationRequest(1000), 'payment.amount', '10.5'), code: '02305' },
  {
    name: '100 private data (99 at most)',
    operation: 'doAuthorization',
    request: () => ({ ...authorizationRequest(1000), privateDataList: { privateData: Array.from({ length: 100 }, (_, i) => ({ key: `k${i}`, value: 'v' })) } }),
    code: '02305',
  },
  { name: 'partial capture', operation: 'doCapture', request: async (call) => captureRequest(await authorized(call), 400), code: '00000' },
  { name: 'capture beyond the authorization', operation: 'doCapture', request: async (call) => captureRequest(await authorized(call), 1001), code: '02613' },
  { name: 'capture of an unknown transaction', operation: 'doCapture', request: () => captureRequest('100000000000000000', 100), code: '02604' },
  { name: 'partial refund', operation: 'doRefund', request: async (call) => refundRequest(await authorized(call, 101), 300), code: '00000' },
  { name: 'refund beyond the capture', operation: 'doRefund', request: async (call) => refundRequest(await authorized(call, 101), 1001), code: '02613' },
  { name: 'reset', operation: 'doReset', request: async (call) => resetRequest(await authorized(call)), code: '00000' },
  {
    name: 'second reset',
    operation: 'doReset',
    request: async (call) => {
      const id = await authorized(call);
      await call('doReset', resetRequest(id));
      return resetRequest(id);
    },
    code: '02601',
  },
  { name: 're-authorization', operation: 'doReAuthorization', request: async (call) => reAuthorizationRequest(await authorized(call), 1000), code: '00000' },
  { name: 'debit', operation: 'doDebit', request: () => debitRequest(1500), code: '00000' },
  { name: 'debit without authorization', operation: 'doDebit', request: () => edit(debitRequest(1500), 'authorization', undefined), code: '02305' },
  { name: 'credit', operation: 'doCredit', request: () => creditRequest(700), code: '00000' },
  { name: 'web payment', operation: 'doWebPayment', request: () => webPaymentRequest(2500), code: '00000' },
  { name: 'web payment with a bad returnURL', operation: 'doWebPayment', request: () => edit(webPaymentRequest(2500), 'returnURL', 'not a url'), code: '02305' },
  {
    name: 'web payment details while waiting',
    operation: 'getWebPaymentDetails',
    request: async (call) => webPaymentDetailsRequest((await call('doWebPayment', webPaymentRequest(2500))).token),
    code: '02306',
  },
  { name: 'web payment details of an unknown token', operation: 'getWebPaymentDetails', request: () => webPaymentDetailsRequest('0'.repeat(32)), code: '02304' },
  { name: 'transaction details', operation: 'getTransactionDetails', request: async (call) => detailsRequest(await authorized(call, 101)), code: '00000' },
  { name: 'transaction details of an unknown id', operation: 'getTransactionDetails', request: () => detailsRequest('100000000000000000'), code: '02604' },
  { name: 'transaction details without id or ref', operation: 'getTransactionDetails', request: () => ({ version: VERSION }), code: '02305' },
  { name: 'search with no match', operation: 'transactionsSearch', request: () => searchRequest({ orderRef: 'nothing-like-it' }), code: '02310' },
  { name: 'search ending before it starts', operation: 'transactionsSearch', request: () => searchRequest({ startDate: '03/03/2026', endDate: '01/03/2026' }), code: '02312' },
  { name: 'search over more than 366 days', operation: 'transactionsSearch', request: () => searchRequest({ startDate: '01/01/2024', endDate: '01/03/2026' }), code: '02320' },
  { name: 'new wallet', operation: 'createWallet', request: () => createWalletRequest(nextWalletId('faces')), code: '02500' },
  { name: 'cards of a wallet', operation: 'getCards', request: async (call) => getWalletRequest(await wallet(call)), code: '02500' },
  { name: 'wallet payment', operation: 'doImmediateWalletPayment', request: async (call) => immediateRequest(await wallet(call), 1200), code: '00000' },
  { name: 'scheduled on a past day', operation: 'doScheduledWalletPayment', request: async (call) => scheduledRequest(await wallet(call), 1200, '01/03/2026'), code: '02506' },
  {
    name: 'NX off the amount rule',
    operation: 'doRecurrentWalletPayment',
    request: async (call) => recurrentRequest(await wallet(call), 'NX', 3001, { amount: 1000, billingCycle: 40, billingLeft: 3 }),
    code: '02509',
  },
  {
    name: 'REC planned',
    operation: 'doRecurrentWalletPayment',
    request: async (call) => recurrentRequest(await wallet(call), 'REC', 1000, { amount: 1000, billingCycle: 40, billingLeft: 2, startDate: '10/03/2026' }),
    code: '02500',
  },
  { name: 'unknown payment record', operation: 'getPaymentRecord', request: () => recordRequest('999999999999'), code: '02507' },
];

/** Every operation, including any added later, answers an empty request (02305 for most) the same way on both faces. */
const EMPTY_REQUESTS: Case[] = [...OPERATIONS.keys()].map((operation) => ({ name: 'empty request', operation, request: () => ({}) }));

/** Leaf paths of an answer, list items by index: what both faces must both carry. */
function paths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k));
}

describe('one table of cases through both faces', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  const json: Face = (operation, body) => gw.call(operation, body);
  const soap: Face = async (operation, body) => answerOf((await postOperation(gw, operation, body)).text);

  for (const testCase of [...CASES, ...EMPTY_REQUESTS]) {
    it(`${testCase.operation}: ${testCase.name} → ${testCase.code ?? 'as on JSON'}`, async () => {
      const response = OPERATIONS.get(testCase.operation)!.response;
      const viaJson = canonical(response, await json(testCase.operation, await testCase.request(json))) as any;
      const viaSoap = canonical(response, await soap(testCase.operation, await testCase.request(soap))) as any;
      assert.equal(viaJson.result.code, testCase.code ?? viaJson.result.code, JSON.stringify(viaJson.result));
      assert.equal(viaSoap.result.code, viaJson.result.code, JSON.stringify(viaSoap.result));
      // Messages name the same field; ids, tokens and order refs differ between the two runs.
      assert.equal(viaSoap.result.longMessage.replace(/\d{6,}/g, 'N'), viaJson.result.longMessage.replace(/\d{6,}/g, 'N'));
      assert.deepEqual(paths(viaSoap), paths(viaJson));
    });
  }
});
