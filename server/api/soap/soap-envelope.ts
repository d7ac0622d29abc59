import { MalformedRequestError, SoapEnvelopeError } from '../../errors.js';
import { NS } from './namespaces.js';
import type { XmlElement } from './xml-reader.js';

/**
 * SOAP 1.1 envelopes: finds the request element in one (document/literal, one body part) and
 * wraps an answer in one. What is not a usable SOAP 1.1 envelope is a MalformedRequestError,
 * or a SoapEnvelopeError for VersionMismatch and MustUnderstand (SOAP 1.1 §4.4).
 */

/** The request element of `<Envelope><Header/>?<Body><impl:xxxRequest>…`: the body's first element. */
export function requestElement(root: XmlElement): XmlElement {
  if (root.local === 'Envelope' && root.uri === NS.soap12Envelope) throw new SoapEnvelopeError('VersionMismatch', 'only SOAP 1.1 envelopes are served');
  if (root.local !== 'Envelope' || root.uri !== NS.soapEnvelope) throw new MalformedRequestError(`the document is not a SOAP 1.1 Envelope (${NS.soapEnvelope})`);
  const header = root.children.find((c) => c.uri === NS.soapEnvelope && c.local === 'Header');
  const mustUnderstand = header?.children.find((entry) => entry.attributes.some((a) => a.uri === NS.soapEnvelope && a.local === 'mustUnderstand' && a.value.trim() === '1'));
  if (mustUnderstand) throw new SoapEnvelopeError('MustUnderstand', `header {${mustUnderstand.uri}}${mustUnderstand.local} is not understood`);
  const body = root.children.find((c) => c.uri === NS.soapEnvelope && c.local === 'Body');
  if (!body) throw new MalformedRequestError('the Envelope has no Body');
  const request = body.children[0];
  if (!request) throw new MalformedRequestError('the Body holds no request element');
  return request;
}

/** Wraps body content in a SOAP 1.1 envelope that declares the prefixes the encoders use. */
export function soapEnvelope(bodyContent: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soapenv:Envelope xmlns:soapenv="${NS.soapEnvelope}" xmlns:impl="${NS.impl}" xmlns:obj="${NS.obj}" xmlns:xsi="${NS.xsi}">` +
    `<soapenv:Body>${bodyContent}</soapenv:Body></soapenv:Envelope>`
  );
}
