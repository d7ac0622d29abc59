import { MalformedRequestError, SoapEnvelopeError } from '../../errors.js';
import { httpStatusOf } from '../http-errors.js';
import { soapEnvelope } from './soap-envelope.js';
import { escapeXml } from './xml-escape.js';

/**
 * What stops a SOAP request before the core, as a SOAP 1.1 Fault: HTTP 500 as SOAP over HTTP
 * requires for a malformed or unusable envelope (faultcode Client, VersionMismatch or
 * MustUnderstand) or a gateway failure (Server, cause never shown); HTTP 401 for bad
 * credentials and 413 for a body over the limit, with a Client Fault as their body.
 */
export interface SoapFault {
  status: number;
  faultCode: 'Client' | 'Server' | 'VersionMismatch' | 'MustUnderstand';
  faultString: string;
}

export function soapFaultOf(error: unknown): SoapFault {
  if (error instanceof SoapEnvelopeError) return { status: 500, faultCode: error.faultCode, faultString: error.message };
  const status = httpStatusOf(error);
  if (status === 401) return { status, faultCode: 'Client', faultString: (error as Error).message };
  if (status === 413) return { status, faultCode: 'Client', faultString: 'request body too large' };
  if (error instanceof MalformedRequestError) return { status: 500, faultCode: 'Client', faultString: error.message };
  if (status >= 400 && status < 500) return { status: 500, faultCode: 'Client', faultString: 'the request body cannot be read as UTF-8 XML' };
  return { status: 500, faultCode: 'Server', faultString: 'internal error' };
}

/** The Fault's envelope. */
export function faultEnvelope(fault: SoapFault): string {
  return soapEnvelope(`<soapenv:Fault><faultcode>soapenv:${fault.faultCode}</faultcode><faultstring>${escapeXml(fault.faultString)}</faultstring></soapenv:Fault>`);
}
