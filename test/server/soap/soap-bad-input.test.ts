import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NS } from '../../../server/api/soap/namespaces.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, captureRequest } from '../support/requests.js';
import { answerOf, bodyElement, faultOf, postOperation, postXml, soapEnvelopeOf } from './soap-support.js';

/**
 * What the SOAP face refuses, and how: a SOAP 1.1 Fault with HTTP 500 for what is not a usable
 * envelope (malformed XML, any DTD, too deep, wrong namespace), 413 for a body over 64kb, 401
 * for bad credentials, and a normal answer with a Payline result for everything the schema or
 * the service decides (02305 naming the field, 02010 for an operation not served there).
 */
describe('SOAP face bad input', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  async function expectFault(xml: string, faultcode: string, faultstring: RegExp, service = 'DirectPaymentAPI') {
    const answer = await postXml(gw, service, xml);
    assert.equal(answer.status, 500, answer.text);
    assert.equal(answer.headers.get('content-type'), 'text/xml; charset=utf-8');
    const fault = faultOf(answer.text);
    assert.equal(fault.faultcode, `soapenv:${faultcode}`);
    assert.match(fault.faultstring, faultstring);
    return answer.text;
  }

  const valid = () => soapEnvelopeOf('doAuthorization', authorizationRequest(1000));

  it('malformed XML, a non-envelope document, an empty body or Body: Client Fault, HTTP 500', async () => {
    await expectFault(valid().replace('</soapenv:Body>', ''), 'Client', /^malformed XML: /);
    await expectFault('<impl:doAuthorizationRequest xmlns:impl="http://impl.ws.payline.experian.com"/>', 'Client', /not a SOAP 1.1 Envelope/);
    await expectFault('not xml at all', 'Client', /^malformed XML/);
    await expectFault('', 'Client', /body is empty/);
    await expectFault(`<soapenv:Envelope xmlns:soapenv="${NS.soapEnvelope}"><soapenv:Body/></soapenv:Envelope>`, 'Client', /no request element/);
    await expectFault(`<soapenv:Envelope xmlns:soapenv="${NS.soapEnvelope}"/>`, 'Client', /no Body/);
    await expectFault(valid().replace('<obj:amount>', '<obj:amount>&nbsp;'), 'Client', /^malformed XML/);
  });

  it('a SOAP 1.2 envelope is VersionMismatch; a mustUnderstand header is MustUnderstand', async () => {
    await expectFault(valid().replace(NS.soapEnvelope, NS.soap12Envelope), 'VersionMismatch', /SOAP 1.1/);
    const withHeader = valid().replace('<soapenv:Header/>', '<soapenv:Header><x:Security xmlns:x="urn:x" soapenv:mustUnderstand="1"/></soapenv:Header>');
    await expectFault(withHeader, 'MustUnderstand', /urn:x/);
    const optionalHeader = valid().replace('<soapenv:Header/>', '<soapenv:Header><x:Trace xmlns:x="urn:x">1</x:Trace></soapenv:Header>');
    assert.equal(answerOf((await postXml(gw, 'DirectPaymentAPI', optionalHeader)).text).result.code, '00000');
  });

  it('a request element outside Payline namespace, or not named …Request, is a Client Fault', async () => {
    await expectFault(soapEnvelopeOf('doAuthorization', authorizationRequest(1000), 'http://impl.ws.example.com'), 'Client', /must be in namespace http:\/\/impl\.ws\.payline\.experian\.com/);
    await expectFault(valid().replace(/doAuthorizationRequest/g, 'doAuthorization'), 'Client', /named \{operation\}Request/);
  });

  it('an unknown operation, one not implemented yet, or one on the wrong service: a response with result 02010', async () => {
    const cases = [
      ['DirectPaymentAPI', 'fooBar', 'fooBar is not a Payline operation'],
      ['DirectPaymentAPI', 'getBalance', 'getBalance is not available on Guichet yet'],
      ['WebPaymentAPI', 'doCapture', 'doCapture is served at /V4/services/DirectPaymentAPI, not WebPaymentAPI'],
      ['DirectPaymentAPI', 'getTransactionDetails', 'getTransactionDetails is served at /V4/services/ExtendedAPI, not DirectPaymentAPI'],
    ] as const;
    for (const [service, operation, message] of cases) {
      const answer = await postOperation(gw, operation, captureRequest('1', 1), service);
      const response = bodyElement(answer.text);
      assert.equal(response.local, `${operation}Response`);
      assert.equal(response.uri, NS.impl);
      assert.deepEqual(answerOf(answer.text), { result: { code: '02010', shortMessage: 'ERROR', longMessage: message } });
    }
  });

  it('refuses any DOCTYPE: XXE and external DTDs are never fetched or expanded', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` + valid().replace(/^<\?xml[^>]*>/, '').replace('<impl:version>34', '<impl:version>&xxe;');
    const text = await expectFault(xxe, 'Client', /DOCTYPE is not accepted/);
    assert.ok(!text.includes('root:'));
    await expectFault(`<!DOCTYPE soapenv:Envelope SYSTEM "http://127.0.0.1:9/evil.dtd">` + valid().replace(/^<\?xml[^>]*>/, ''), 'Client', /DOCTYPE/);
    await expectFault(`<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]><x/>`, 'Client', /DOCTYPE/);
  });

  it('refuses a billion-laughs document at once, without expanding it', async () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${entities}]><lolz>&lol9;</lolz>`;
    const started = Date.now();
    await expectFault(bomb, 'Client', /DOCTYPE/);
    assert.ok(Date.now() - started < 5000);
    // Without a DTD an entity reference is simply undefined.
    await expectFault(valid().replace('<impl:version>34', '<impl:version>&lol9;'), 'Client', /^malformed XML/);
  });

  it('refuses nesting deeper than 32 levels', async () => {
    const deep = '<obj:x>'.repeat(40) + '</obj:x>'.repeat(40);
    await expectFault(valid().replace('<impl:version>', `<impl:media>${deep}</impl:media><impl:version>`), 'Client', /nested deeper than 32/);
  });

  it('answers HTTP 413 with a Client Fault for a body over 64kb', async () => {
    const big = valid().replace('<soapenv:Header/>', `<!--${'x'.repeat(70 * 1024)}-->`);
    const answer = await postXml(gw, 'DirectPaymentAPI', big);
    assert.equal(answer.status, 413);
    assert.deepEqual(faultOf(answer.text), { faultcode: 'soapenv:Client', faultstring: 'request body too large' });
  });

  it('missing or invalid mandatory elements: 02305 naming the field, as on JSON', async () => {
    const request = authorizationRequest(1000);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...request, payment: undefined }, 'payment is required'],
      [{ ...request, payment: { ...request.payment, amount: undefined } }, 'payment.amount is required'],
      [{ ...request, card: { ...request.card, type: undefined } }, 'card.type is required'],
      [{ ...request, order: { ...request.order, date: '2026-03-02' } }, 'order.date must be a date dd/mm/yyyy HH:mm'],
      [{ ...request, payment: { ...request.payment, amount: '12.50' } }, 'payment.amount must be a whole number of minor units'],
      [{ ...request, payment: { ...request.payment, amount: { nested: '1' } } }, 'payment.amount must be a whole number of minor units'],
      [{ ...request, version: ['34', '35'] }, 'version must be a string'],
    ];
    for (const [body, message] of cases) {
      const soap = answerOf((await postOperation(gw, 'doAuthorization', body)).text);
      assert.deepEqual(soap.result, { code: '02305', shortMessage: 'ERROR', longMessage: message });
      const json = await gw.call('doAuthorization', body);
      assert.deepEqual(json.result, soap.result);
    }
  });

  it('a wrong or missing access key is HTTP 401 with the Basic challenge', async () => {
    for (const authorization of ['Basic ' + Buffer.from('demo-merchant:wrong').toString('base64'), '']) {
      const answer = await postXml(gw, 'DirectPaymentAPI', valid(), { authorization });
      assert.equal(answer.status, 401);
      assert.match(answer.headers.get('www-authenticate') ?? '', /^Basic realm="Guichet"/);
      assert.equal(faultOf(answer.text).faultcode, 'soapenv:Client');
    }
  });

  it('an unknown service is 404; GET without ?wsdl says where the WSDL is', async () => {
    assert.equal((await postXml(gw, 'PaymentAPI', valid())).status, 404);
    const hint = await gw.fetch('/V4/services/DirectPaymentAPI');
    assert.equal(hint.status, 200);
    assert.match(await hint.text(), /\?wsdl/);
  });
});
