/**
 * The XML namespaces of the SOAP face (payline-api.md §1.1): Payline's two, with the prefixes
 * its samples use, and the standard ones the envelope, the schema and the WSDL need.
 */
export const NS = Object.freeze({
  /** Request and response elements, and the WSDL's targetNamespace (`impl:`). */
  impl: 'http://impl.ws.payline.experian.com',
  /** Object types and their fields (`obj:`). */
  obj: 'http://obj.ws.payline.experian.com',
  soapEnvelope: 'http://schemas.xmlsoap.org/soap/envelope/',
  /** SOAP 1.2's envelope: recognised only to answer VersionMismatch. */
  soap12Envelope: 'http://www.w3.org/2003/05/soap-envelope',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xsd: 'http://www.w3.org/2001/XMLSchema',
  wsdl: 'http://schemas.xmlsoap.org/wsdl/',
  wsdlSoap: 'http://schemas.xmlsoap.org/wsdl/soap/',
  soapHttp: 'http://schemas.xmlsoap.org/soap/http',
} as const);
