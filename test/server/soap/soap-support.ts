import { BasicAuthSecurity, createClientAsync, type Client } from 'soap';
import type { PaylineService } from '../../../server/api/operation.js';
import type { FieldSpec, ObjectType } from '../../../server/api/schema/field.js';
import { OPERATIONS } from '../../../server/api/operations/registry.js';
import { NS } from '../../../server/api/soap/namespaces.js';
import { readXml, type XmlElement } from '../../../server/api/soap/xml-reader.js';
import { elementToObject } from '../../../server/api/soap/xml-to-object.js';
import { SANDBOX_AUTH, type TestGateway } from '../support/gateway-harness.js';

/**
 * Helpers of the SOAP face tests: real `soap` clients built from Guichet's own ?wsdl, a raw
 * envelope writer (plain object → XML, in the object's own order, as a hand-written client
 * would send it) and readers for the answers.
 */

/** The service each implemented operation is served on. */
export function serviceOf(operation: string): PaylineService {
  const def = OPERATIONS.get(operation);
  if (!def) throw new Error(`${operation} is not implemented`);
  return def.service;
}

/** One `soap` client per service, from `{url}/V4/services/{service}?wsdl`, as the sandbox merchant. */
export async function soapClients(gw: TestGateway, password = 'demo-access-key'): Promise<Record<PaylineService, Client>> {
  const entries = await Promise.all(
    (['WebPaymentAPI', 'DirectPaymentAPI', 'ExtendedAPI'] as const).map(async (service) => {
      // No setEndpoint: the WSDL's address is the gateway's own (publicUrl, once it listens).
      const client = await createClientAsync(`${gw.url}/V4/services/${service}?wsdl`);
      client.setSecurity(new BasicAuthSecurity('demo-merchant', password));
      return [service, client] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<PaylineService, Client>;
}

/** Calls `operation` through its service's client; answers the parsed result object. */
export async function soapCall(clients: Record<PaylineService, Client>, operation: string, args: unknown): Promise<any> {
  const [answer] = await (clients[serviceOf(operation)] as any)[`${operation}Async`](args);
  return answer;
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Children of a request element: objects nest (in `obj:`), arrays repeat, null is xsi:nil. */
function children(value: Record<string, unknown>, prefix: string): string {
  return Object.entries(value)
    .flatMap(([name, v]) => (Array.isArray(v) ? v.map((item) => [name, item] as const) : [[name, v] as const]))
    .map(([name, v]) => {
      if (v === undefined) return '';
      if (v === null) return `<${prefix}:${name} xsi:nil="true"/>`;
      if (typeof v === 'object') return `<${prefix}:${name}>${children(v as Record<string, unknown>, 'obj')}</${prefix}:${name}>`;
      return `<${prefix}:${name}>${escapeText(String(v))}</${prefix}:${name}>`;
    })
    .join('');
}

/** A SOAP 1.1 envelope holding `<impl:{operation}Request>` with `body` written as XML. */
export function soapEnvelopeOf(operation: string, body: Record<string, unknown>, requestNamespace: string = NS.impl): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soapenv:Envelope xmlns:soapenv="${NS.soapEnvelope}" xmlns:impl="${requestNamespace}" xmlns:obj="${NS.obj}" xmlns:xsi="${NS.xsi}">` +
    `<soapenv:Header/><soapenv:Body><impl:${operation}Request>${children(body, 'impl')}</impl:${operation}Request></soapenv:Body></soapenv:Envelope>`
  );
}

export interface SoapHttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** POSTs raw XML to a service (sandbox credentials unless `headers` says otherwise). */
export async function postXml(gw: TestGateway, service: string, xml: string, headers: Record<string, string> = {}): Promise<SoapHttpAnswer> {
  const response = await gw.fetch(`/V4/services/${service}`, {
    method: 'POST',
    headers: { authorization: SANDBOX_AUTH, 'content-type': 'text/xml; charset=utf-8', soapaction: '""', ...headers },
    body: xml,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** POSTs `operation` with `body` written as XML to its service; expects HTTP 200. */
export async function postOperation(gw: TestGateway, operation: string, body: Record<string, unknown>, service: string = serviceOf(operation)): Promise<SoapHttpAnswer> {
  const answer = await postXml(gw, service, soapEnvelopeOf(operation, body), { soapaction: `"${operation}"` });
  if (answer.status !== 200) throw new Error(`${operation}: HTTP ${answer.status} ${answer.text}`);
  return answer;
}

/** The element in the answer's Body (the response element or the Fault). */
export function bodyElement(xml: string): XmlElement {
  const envelope = readXml(xml);
  const body = envelope.children.find((c) => c.local === 'Body' && c.uri === NS.soapEnvelope);
  if (!body?.children[0]) throw new Error(`no Body content in ${xml}`);
  return body.children[0];
}

/** The answer's response element as a plain object (all values strings). */
export function answerOf(xml: string): any {
  return JSON.parse(JSON.stringify(elementToObject(bodyElement(xml))));
}

/** `{faultcode, faultstring}` of a Fault answer. */
export function faultOf(xml: string): { faultcode: string; faultstring: string } {
  const fault = bodyElement(xml);
  if (fault.local !== 'Fault' || fault.uri !== NS.soapEnvelope) throw new Error(`not a Fault: ${xml}`);
  return { ...elementToObject(fault) } as { faultcode: string; faultstring: string };
}

/** The child element names, in order, with their namespace prefix (`impl:` or `obj:`). */
export function childNames(element: XmlElement): string[] {
  return element.children.map((c) => `${c.uri === NS.impl ? 'impl' : c.uri === NS.obj ? 'obj' : c.uri}:${c.local}`);
}

/** The child called `local`. */
export function child(element: XmlElement, local: string): XmlElement {
  const found = element.children.find((c) => c.local === local);
  if (!found) throw new Error(`no ${local} in ${element.local}`);
  return found;
}

/**
 * An answer of either face in one canonical shape, by its response schema: leaves as strings
 * (flags 0/1), every list as `{item: […]}` even with one item, plain objects. Fields the schema
 * does not declare are kept, so a JSON field the SOAP face would drop shows up as a difference.
 */
export function canonical(type: ObjectType, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value)) {
    const spec = type.fields.find((f) => f.name === name)?.spec;
    out[name] = spec ? canonicalField(spec, v) : v;
  }
  return out;
}

function canonicalField(spec: FieldSpec, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (spec.kind === 'object') return canonical(spec.type, value);
  if (spec.kind === 'list') {
    const raw = Array.isArray(value) ? value : (value as Record<string, unknown>)[spec.itemName];
    const items = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    return { [spec.itemName]: items.map((item) => canonicalField(spec.item, item)) };
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  return typeof value === 'object' ? value : String(value);
}
