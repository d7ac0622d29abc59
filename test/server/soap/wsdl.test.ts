import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClientAsync } from 'soap';
import { OPERATIONS } from '../../../server/api/operations/registry.js';
import { object, objectType, text } from '../../../server/api/schema/field.js';
import { NS } from '../../../server/api/soap/namespaces.js';
import { wsdlTypes } from '../../../server/api/soap/wsdl-types.js';
import { readXml, type XmlElement } from '../../../server/api/soap/xml-reader.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/** `GET /V4/services/{service}?wsdl`: Guichet's own WSDL, generated from its schema. */
describe('WSDL', () => {
  const PUBLIC_URL = 'https://pay.example.test/guichet';
  const SERVICES = ['WebPaymentAPI', 'DirectPaymentAPI', 'ExtendedAPI'] as const;
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway({ GUICHET_PUBLIC_URL: PUBLIC_URL })));
  after(() => gw.close());

  const all = (element: XmlElement, uri: string, local: string): XmlElement[] => [
    ...(element.uri === uri && element.local === local ? [element] : []),
    ...element.children.flatMap((c) => all(c, uri, local)),
  ];
  const attr = (element: XmlElement, name: string) => element.attributes.find((a) => a.local === name && a.uri === '')?.value;
  const served = (service: string) => [...OPERATIONS.values()].filter((op) => op.service === service);

  it('declares each operation as {name}Request / {name}Response, result first', () => {
    for (const op of OPERATIONS.values()) {
      assert.equal(op.request.name, `${op.name}Request`);
      assert.equal(op.response.name, `${op.name}Response`);
      assert.deepEqual(op.response.fields[0], { name: 'result', spec: op.response.fields[0]!.spec, required: true });
    }
  });

  for (const service of SERVICES) {
    it(`${service}: the operations served there, Payline's names and namespaces, the public address`, async () => {
      const response = await gw.fetch(`/V4/services/${service}?wsdl`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/xml; charset=utf-8');
      const wsdl = readXml(await response.text());
      assert.equal(wsdl.local, 'definitions');
      assert.equal(attr(wsdl, 'targetNamespace'), NS.impl);
      const names = served(service).map((op) => op.name);
      const [portType] = all(wsdl, NS.wsdl, 'portType');
      assert.equal(attr(portType!, 'name'), service);
      assert.deepEqual(portType!.children.map((op) => attr(op, 'name')), names);
      const [binding] = all(wsdl, NS.wsdl, 'binding');
      assert.equal(attr(binding!, 'name'), `${service}SoapBinding`);
      assert.deepEqual(all(binding!, NS.wsdlSoap, 'operation').map((op) => attr(op, 'soapAction')), names);
      assert.equal(attr(all(binding!, NS.wsdlSoap, 'binding')[0]!, 'style'), 'document');
      assert.deepEqual(all(binding!, NS.wsdlSoap, 'body').map((b) => attr(b, 'use')), names.flatMap(() => ['literal', 'literal']));
      assert.equal(attr(all(wsdl, NS.wsdlSoap, 'address')[0]!, 'location'), `${PUBLIC_URL}/V4/services/${service}`);
      const schemas = all(wsdl, NS.xsd, 'schema');
      assert.deepEqual(schemas.map((s) => [attr(s, 'targetNamespace'), attr(s, 'elementFormDefault')]), [
        [NS.obj, 'qualified'],
        [NS.impl, 'qualified'],
      ]);
      const elements = schemas[1]!.children.filter((c) => c.local === 'element').map((e) => attr(e, 'name'));
      assert.deepEqual(elements, names.flatMap((n) => [`${n}Request`, `${n}Response`]));
    });
  }

  it('lists response fields in Payline order, objects and lists as named obj: types', async () => {
    const wsdl = readXml(await (await gw.fetch('/V4/services/DirectPaymentAPI?wsdl')).text());
    const element = all(wsdl, NS.xsd, 'element').find((e) => attr(e, 'name') === 'doAuthorizationResponse')!;
    const fields = all(element, NS.xsd, 'element').slice(1);
    assert.deepEqual(
      fields.map((f) => [attr(f, 'name'), attr(f, 'type'), attr(f, 'minOccurs') ?? '1']),
      [
        ['result', 'obj:result', '1'],
        ['transaction', 'obj:transaction', '0'],
        ['authorization', 'obj:authorization', '0'],
        ['card', 'obj:cardOut', '0'],
        ['privateDataList', 'obj:privateDataList', '0'],
        ['contractNumber', 'xsd:string', '0'],
      ],
    );
    const list = all(wsdl, NS.xsd, 'complexType').find((t) => attr(t, 'name') === 'privateDataList')!;
    const item = all(list, NS.xsd, 'element')[0]!;
    assert.deepEqual([attr(item, 'name'), attr(item, 'type'), attr(item, 'maxOccurs')], ['privateData', 'obj:privateData', '99']);
  });

  it('is served without credentials, to ?wsdl and ?WSDL alike', async () => {
    const upper = await gw.fetch('/V4/services/ExtendedAPI?WSDL');
    assert.equal(upper.status, 200);
    assert.match(await upper.text(), /<wsdl:definitions/);
  });

  it('loads in the soap client, which sees every operation of the service', async () => {
    for (const service of SERVICES) {
      const client = await createClientAsync(`${gw.url}/V4/services/${service}?wsdl`);
      const described = client.describe()[service][service];
      assert.deepEqual(Object.keys(described), served(service).map((op) => op.name));
    }
  });

  it('points soap:address at the gateway itself when no public URL is configured', async () => {
    const own = await startTestGateway();
    try {
      const wsdl = readXml(await (await own.fetch('/V4/services/WebPaymentAPI?wsdl')).text());
      assert.equal(attr(all(wsdl, NS.wsdlSoap, 'address')[0]!, 'location'), `${own.url}/V4/services/WebPaymentAPI`);
    } finally {
      await own.close();
    }
  });

  it('refuses two different types under one name', () => {
    const a = objectType('thing', { x: text(1) });
    const b = objectType('thing', { y: text(1) });
    const element = objectType('fooRequest', { a: object(a), b: object(b) });
    assert.throws(() => wsdlTypes([element]), /two different WSDL types are named thing/);
    assert.doesNotThrow(() => wsdlTypes([objectType('barRequest', { a: object(a), again: object(objectType('thing', { x: text(1) })) })]));
  });
});
