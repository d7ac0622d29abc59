import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NS } from '../../../server/api/soap/namespaces.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { VERSION, authorizationRequest, order } from '../support/requests.js';
import { detailsRequest } from './soap-requests.js';
import { answerOf, bodyElement, child, childNames, postOperation, postXml, soapEnvelopeOf } from './soap-support.js';

/**
 * The SOAP face's XML as written on the wire: element names, namespaces and order, absent
 * versus nil versus empty, escaping and non-ASCII text both ways, and the lenient reading of
 * SOAPAction, field order and child namespaces.
 */
describe('SOAP face raw XML', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  it('answers text/xml UTF-8 with Payline elements in Payline order, objects in obj:', async () => {
    const request = { ...authorizationRequest(1000), privateDataList: { privateData: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] } };
    const answer = await postOperation(gw, 'doAuthorization', request);
    assert.equal(answer.headers.get('content-type'), 'text/xml; charset=utf-8');
    assert.ok(answer.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>'));
    const response = bodyElement(answer.text);
    assert.equal(response.uri, NS.impl);
    assert.equal(response.local, 'doAuthorizationResponse');
    assert.deepEqual(childNames(response), ['impl:result', 'impl:transaction', 'impl:authorization', 'impl:card', 'impl:privateDataList', 'impl:contractNumber']);
    assert.deepEqual(childNames(child(response, 'result')), ['obj:code', 'obj:shortMessage', 'obj:longMessage']);
    assert.deepEqual(childNames(child(response, 'transaction')), [
      'obj:id',
      'obj:date',
      'obj:isDuplicated',
      'obj:isPossibleFraud',
      'obj:fraudResult',
      'obj:explanation',
      'obj:threeDSecure',
      'obj:score',
    ]);
    assert.deepEqual(childNames(child(response, 'authorization')), ['obj:number', 'obj:date', 'obj:authorizedAmount', 'obj:authorizedCurrency']);
    assert.deepEqual(childNames(child(response, 'card')), ['obj:number', 'obj:type', 'obj:expirationDate']);
    const privateData = child(response, 'privateDataList');
    assert.deepEqual(childNames(privateData), ['obj:privateData', 'obj:privateData']);
    assert.deepEqual(privateData.children.map((entry) => entry.children.map((c) => `${c.local}=${c.text}`)), [['key=a', 'value=1'], ['key=b', 'value=2']]);
  });

  it('writes objects in schema order whatever order the request used, lists one element per item', async () => {
    const { ref, amount, currency, date } = order(900);
    // Fields deliberately out of Payline's order: the face reads by name.
    const request = {
      order: { date, details: { details: [{ ref: 'sku-1', price: 500, quantity: 1 }, { quantity: 2, ref: 'sku-2' }] }, currency, amount, ref },
      card: { cvx: '123', expirationDate: '1230', type: 'CB', number: '4970101122334455' },
      payment: { mode: 'CPT', contractNumber: 'CB', action: 101, currency: 978, amount: 900 },
      version: VERSION,
    };
    const auth = answerOf((await postOperation(gw, 'doAuthorization', request)).text);
    assert.equal(auth.result.code, '00000');
    const details = bodyElement((await postOperation(gw, 'getTransactionDetails', detailsRequest(auth.transaction.id))).text);
    assert.deepEqual(childNames(details), [
      'impl:result',
      'impl:transaction',
      'impl:payment',
      'impl:authorization',
      'impl:order',
      'impl:card',
      'impl:associatedTransactionsList',
      'impl:statusHistoryList',
      'impl:contractNumber',
    ]);
    assert.deepEqual(childNames(child(details, 'payment')), ['obj:amount', 'obj:currency', 'obj:action', 'obj:mode', 'obj:contractNumber']);
    const orderOut = child(details, 'order');
    assert.deepEqual(childNames(orderOut), ['obj:ref', 'obj:amount', 'obj:currency', 'obj:date', 'obj:details']);
    const items = child(orderOut, 'details');
    assert.deepEqual(childNames(items), ['obj:details', 'obj:details']);
    assert.deepEqual(childNames(items.children[1]!), ['obj:ref', 'obj:quantity']);
    assert.deepEqual(childNames(child(details, 'associatedTransactionsList')), ['obj:associatedTransactions']);
    assert.deepEqual(childNames(child(details, 'associatedTransactionsList').children[0]!), [
      'obj:transactionId',
      'obj:type',
      'obj:date',
      'obj:amount',
      'obj:status',
      'obj:originTransactionId',
      'obj:currency',
    ]);
  });

  it('absent, nil and empty: nil and empty optional elements are not sent; a nil mandatory one is missing', async () => {
    const nilOptional = { ...authorizationRequest(1000), buyer: null, privateDataList: null, media: null, owner: '' };
    const accepted = await postOperation(gw, 'doAuthorization', nilOptional);
    const response = bodyElement(accepted.text);
    assert.equal(answerOf(accepted.text).result.code, '00000');
    // Nothing was sent, so nothing is echoed: absent, not nil.
    assert.ok(!childNames(response).includes('impl:privateDataList'));
    assert.ok(!accepted.text.includes('xsi:nil'));

    const nilVersion = answerOf((await postOperation(gw, 'doAuthorization', { ...authorizationRequest(1000), version: null })).text);
    assert.deepEqual(nilVersion.result, { code: '02305', shortMessage: 'ERROR', longMessage: 'version is required' });
    const nilAmount = answerOf((await postOperation(gw, 'doAuthorization', { ...authorizationRequest(1000), payment: { ...authorizationRequest(1).payment, amount: null } })).text);
    assert.equal(nilAmount.result.longMessage, 'payment.amount is required');
  });

  it('absent versus empty in answers: a refusal has no authorization element; empty fields are empty elements', async () => {
    const refused = bodyElement((await postOperation(gw, 'doAuthorization', authorizationRequest(33305))).text);
    assert.deepEqual(childNames(refused), ['impl:result', 'impl:transaction', 'impl:card', 'impl:contractNumber']);
    const fraudResult = child(child(refused, 'transaction'), 'fraudResult');
    assert.deepEqual([fraudResult.text, fraudResult.children, fraudResult.attributes], ['', [], []]);
    const unknownToken = bodyElement((await postOperation(gw, 'getWebPaymentDetails', { version: VERSION, token: 'f'.repeat(32) })).text);
    assert.deepEqual(childNames(unknownToken), ['impl:result']);
  });

  it('round-trips accents and & < > " in order refs and buyer names, both faces alike', async () => {
    const ref = `Commande-é&<>"'ü€-${process.pid}-${Date.now()}`;
    const buyer = { lastName: 'Lefèvre & <Fils>', firstName: 'Zoë "Ünal"' };
    const request = { ...authorizationRequest(1100), order: { ...order(1100), ref }, buyer };
    const sent = soapEnvelopeOf('doAuthorization', request);
    assert.ok(sent.includes('Commande-é&amp;&lt;&gt;'));
    const auth = answerOf((await postOperation(gw, 'doAuthorization', request)).text);
    assert.equal(auth.result.code, '00000');
    const detailsXml = (await postOperation(gw, 'getTransactionDetails', detailsRequest(auth.transaction.id))).text;
    assert.ok(detailsXml.includes('&amp;&lt;&gt;'), 'escaped on the wire');
    const details = answerOf(detailsXml);
    assert.equal(details.order.ref, ref);
    assert.deepEqual(details.buyer, buyer);
    const json = await gw.call('getTransactionDetails', detailsRequest(auth.transaction.id));
    assert.equal(json.order.ref, ref);
    assert.deepEqual(json.buyer, buyer);
  });

  it('reads CDATA and character references, and writes what a JSON client stored that XML cannot carry', async () => {
    const request = soapEnvelopeOf('doAuthorization', authorizationRequest(1000)).replace(/<obj:ref>[^<]*<\/obj:ref>/, `<obj:ref><![CDATA[cdata&<${Date.now()}]]>&#233;&#x20AC;</obj:ref>`);
    const auth = answerOf((await postXml(gw, 'DirectPaymentAPI', request)).text);
    assert.equal(auth.result.code, '00000');
    const details = answerOf((await postOperation(gw, 'getTransactionDetails', detailsRequest(auth.transaction.id))).text);
    assert.match(details.order.ref, /^cdata&<\d+é€$/);

    const viaJson = await gw.call('doAuthorization', { ...authorizationRequest(1000), buyer: { lastName: 'bell\u0007here' } });
    const answer = await postOperation(gw, 'getTransactionDetails', detailsRequest(viaJson.transaction.id));
    assert.equal(answerOf(answer.text).buyer.lastName, 'bell\uFFFDhere');
  });

  it('takes SOAPAction quoted, bare, empty, absent or even wrong: the body names the operation', async () => {
    for (const soapaction of ['"doAuthorization"', 'doAuthorization', '""', undefined, '"doCapture"']) {
      const headers: Record<string, string> = soapaction === undefined ? {} : { soapaction };
      const xml = soapEnvelopeOf('doAuthorization', authorizationRequest(1000));
      const response = await gw.fetch('/V4/services/DirectPaymentAPI', {
        method: 'POST',
        headers: { authorization: 'Basic ' + Buffer.from('demo-merchant:demo-access-key').toString('base64'), 'content-type': 'text/xml', ...headers },
        body: xml,
      });
      assert.equal(response.status, 200, String(soapaction));
      assert.equal(answerOf(await response.text()).result.code, '00000');
    }
  });

  it('reads fields whatever their namespace prefix (unqualified children too)', async () => {
    const xml = soapEnvelopeOf('doAuthorization', authorizationRequest(1000)).replace(/<(\/?)obj:/g, '<$1').replace(/<(\/?)impl:(?!doAuthorizationRequest)/g, '<$1');
    assert.ok(xml.includes('<payment><amount>'));
    assert.equal(answerOf((await postXml(gw, 'DirectPaymentAPI', xml)).text).result.code, '00000');
  });
});
