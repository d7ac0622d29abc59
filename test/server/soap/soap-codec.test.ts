import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MalformedRequestError } from '../../../server/errors.js';
import { flag, list, object, objectType, text } from '../../../server/api/schema/field.js';
import { NS } from '../../../server/api/soap/namespaces.js';
import { encodeResponse } from '../../../server/api/soap/object-to-xml.js';
import { escapeXml } from '../../../server/api/soap/xml-escape.js';
import { readXml } from '../../../server/api/soap/xml-reader.js';
import { elementToObject } from '../../../server/api/soap/xml-to-object.js';

/** The SOAP face's pure pieces: the safe reader, XML → object, object → XML, escaping. */
describe('SOAP codec', () => {
  it('reads a namespace-resolved tree with text, CDATA and character references', () => {
    const root = readXml(`<a:r xmlns:a="urn:a" xmlns="urn:d"><x y="1">t&amp;<![CDATA[<c>]]>&#233;</x></a:r>`);
    assert.deepEqual([root.uri, root.local], ['urn:a', 'r']);
    const x = root.children[0]!;
    assert.deepEqual([x.uri, x.local, x.text, x.attributes], ['urn:d', 'x', 't&<c>é', [{ uri: '', local: 'y', value: '1' }]]);
  });

  it('refuses any DOCTYPE, undefined entities and nesting beyond the limit', () => {
    assert.throws(() => readXml('<!DOCTYPE r><r/>'), (e) => e instanceof MalformedRequestError && /DOCTYPE/.test(e.message));
    assert.throws(() => readXml('<r>&x;</r>'), MalformedRequestError);
    assert.throws(() => readXml('<r/><r/>'), MalformedRequestError);
    assert.doesNotThrow(() => readXml('<a><b><c/></b></a>', 3));
    assert.throws(() => readXml('<a><b><c><d/></c></b></a>', 3), /nested deeper than 3 levels/);
  });

  it('turns elements into the JSON face object: repeats are arrays, nil is absent, <x/> and whitespace are empty', () => {
    const root = readXml(
      `<r xmlns:xsi="${NS.xsi}"><a>1</a><list><i>x</i><i>y</i><i xsi:nil="true"/><i>z</i></list><n xsi:nil="true"/><n1 xsi:nil="1">v</n1><e/><w>
  </w><o><p>q</p></o><__proto__><polluted>1</polluted></__proto__></r>`,
    );
    const value = elementToObject(root);
    // JSON.parse keeps "__proto__" an own key, as elementToObject does.
    const expected = JSON.parse('{"a":"1","list":{"i":["x","y","z"]},"e":"","w":"","o":{"p":"q"},"__proto__":{"polluted":"1"}}');
    assert.deepEqual(JSON.parse(JSON.stringify(value)), expected);
    assert.equal(Object.getPrototypeOf(value), null);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.ok(!('n' in value) && !('n1' in value));
  });

  it('writes answers in schema order: impl: then obj:, absent, nil, empty, flags, lists', () => {
    const item = objectType('pair', { k: text(5), v: text(5) });
    const inner = objectType('inner', { first: text(5), on: flag(), pairs: list('pair', object(item), 5) });
    const type = objectType('testResponse', { result: text(5), inner: object(inner), nothing: text(5), nil: text(5), empty: text(5), n: text(5) });
    const xml = encodeResponse(type, {
      n: 42,
      empty: '',
      nil: null,
      nothing: undefined,
      inner: { pairs: [{ v: '1', k: 'a', extra: 'dropped' }], on: true, first: '<&>' },
      result: 'ok',
      undeclared: 'dropped',
    });
    assert.equal(
      xml,
      '<impl:testResponse><impl:result>ok</impl:result><impl:inner><obj:first>&lt;&amp;&gt;</obj:first><obj:on>1</obj:on>' +
        '<obj:pairs><obj:pair><obj:k>a</obj:k><obj:v>1</obj:v></obj:pair></obj:pairs></impl:inner>' +
        '<impl:nil xsi:nil="true"/><impl:empty/><impl:n>42</impl:n></impl:testResponse>',
    );
    const payline = encodeResponse(objectType('lResponse', { l: list('pair', object(item), 5) }), { l: { pair: [{ k: 'a' }, { k: 'b' }] } });
    assert.equal(payline, '<impl:lResponse><impl:l><obj:pair><obj:k>a</obj:k></obj:pair><obj:pair><obj:k>b</obj:k></obj:pair></impl:l></impl:lResponse>');
  });

  it('escapes markup and replaces what XML 1.0 cannot carry', () => {
    assert.equal(escapeXml(`a&b<c>"d'`), `a&amp;b&lt;c&gt;&quot;d'`);
    assert.equal(escapeXml('bell\u0007 nul\u0000 tab\t lf\n cr\r'), 'bell\uFFFD nul\uFFFD tab\t lf\n cr&#13;');
    assert.equal(escapeXml('lone \uD800 pair \uD83D\uDE00 \uFFFE'), 'lone \uFFFD pair \uD83D\uDE00 \uFFFD');
    const round = readXml(`<r>${escapeXml('x\r\ny & <z> é€😀')}</r>`);
    assert.equal(round.text, 'x\r\ny & <z> é€😀');
  });
});
