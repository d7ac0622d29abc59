import type { OperationDef, PaylineService } from '../operation.js';
import { NS } from './namespaces.js';
import { escapeXml } from './xml-escape.js';
import { wsdlTypes } from './wsdl-types.js';

/**
 * The WSDL 1.1 of one service, generated from Guichet's own schema (never Payline's file):
 * Payline's namespaces and names (portType and service `{service}`, binding
 * `{service}SoapBinding`, messages and elements `{operation}Request`/`Response`, soapAction
 * `{operation}`), document/literal over HTTP, for the operations Guichet serves there, at
 * `soap:address` = `{publicUrl}/V4/services/{service}`.
 */
export function serviceWsdl(service: PaylineService, operations: Iterable<OperationDef>, publicUrl: string): string {
  const served = [...operations].filter((op) => op.service === service);
  const messages = served.flatMap((op) => [op.request, op.response]).map((t) => `<wsdl:message name="${t.name}"><wsdl:part name="parameters" element="impl:${t.name}"/></wsdl:message>`);
  const portOperations = served.map(
    (op) => `<wsdl:operation name="${op.name}"><wsdl:input name="${op.request.name}" message="impl:${op.request.name}"/><wsdl:output name="${op.response.name}" message="impl:${op.response.name}"/></wsdl:operation>`,
  );
  const bindingOperations = served.map(
    (op) =>
      `<wsdl:operation name="${op.name}"><soap:operation soapAction="${op.name}"/>` +
      '<wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>',
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<wsdl:definitions name="${service}" targetNamespace="${NS.impl}" xmlns:wsdl="${NS.wsdl}" xmlns:soap="${NS.wsdlSoap}" xmlns:xsd="${NS.xsd}" xmlns:impl="${NS.impl}" xmlns:obj="${NS.obj}">` +
    `<wsdl:documentation>Guichet ${service}: Payline-compatible SOAP 1.1 document/literal, generated from Guichet's schema.</wsdl:documentation>` +
    wsdlTypes(served.flatMap((op) => [op.request, op.response])) +
    messages.join('') +
    `<wsdl:portType name="${service}">${portOperations.join('')}</wsdl:portType>` +
    `<wsdl:binding name="${service}SoapBinding" type="impl:${service}"><soap:binding style="document" transport="${NS.soapHttp}"/>${bindingOperations.join('')}</wsdl:binding>` +
    `<wsdl:service name="${service}"><wsdl:port name="${service}" binding="impl:${service}SoapBinding"><soap:address location="${escapeXml(`${publicUrl}/V4/services/${service}`)}"/></wsdl:port></wsdl:service>` +
    '</wsdl:definitions>'
  );
}
