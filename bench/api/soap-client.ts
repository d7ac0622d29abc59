// The SOAP side of the API benchmark: the same doAuthorization as run.ts's JSON one (action 101,
// the Payline SDK test card, a fresh order.ref per request), as a SOAP 1.1 envelope posted to
// /V4/services/DirectPaymentAPI, for autocannon. run.ts measures it next to JSON in the same run.
import type { RequestSpec } from 'autocannon';

/** Where Payline's DirectPaymentAPI (doAuthorization's service) listens on Guichet. */
export const SOAP_DIRECT_PAYMENT_PATH = '/V4/services/DirectPaymentAPI';

/** An accepted SOAP answer holds this, result first in doAuthorizationResponse. */
const ACCEPTED_MARK = '<impl:doAuthorizationResponse><impl:result><obj:code>00000</obj:code>';

/** Whether a SOAP answer body is an accepted doAuthorization (the benchmark's verifyBody). */
export function isSoapAccepted(body: string): boolean {
  return body.includes(ACCEPTED_MARK);
}

/**
 * The autocannon request: `authorization` is the HTTP Basic header, `orderDate` Payline's
 * `dd/mm/yyyy HH:mm`, and `nextRef()` gives each request its own order ref (no 01913 duplicate).
 */
export function soapAuthorizationRequest(authorization: string, orderDate: string, nextRef: () => string): RequestSpec {
  const [head, tail] = envelope(orderDate).split('@REF@') as [string, string];
  return {
    method: 'POST',
    path: SOAP_DIRECT_PAYMENT_PATH,
    headers: { authorization, 'content-type': 'text/xml; charset=utf-8', soapaction: '"doAuthorization"' },
    setupRequest: (request) => ({ ...request, body: head + nextRef() + tail }),
  };
}

function envelope(orderDate: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:impl="http://impl.ws.payline.experian.com" xmlns:obj="http://obj.ws.payline.experian.com">' +
    '<soapenv:Header/><soapenv:Body><impl:doAuthorizationRequest>' +
    '<impl:version>34</impl:version>' +
    '<impl:payment><obj:amount>1000</obj:amount><obj:currency>978</obj:currency><obj:action>101</obj:action><obj:mode>CPT</obj:mode><obj:contractNumber>CB</obj:contractNumber></impl:payment>' +
    '<impl:bankAccountData/>' +
    '<impl:card><obj:number>4970101122334455</obj:number><obj:type>CB</obj:type><obj:expirationDate>1255</obj:expirationDate><obj:cvx>123</obj:cvx></impl:card>' +
    `<impl:order><obj:ref>@REF@</obj:ref><obj:amount>1000</obj:amount><obj:currency>978</obj:currency><obj:date>${orderDate}</obj:date></impl:order>` +
    '</impl:doAuthorizationRequest></soapenv:Body></soapenv:Envelope>'
  );
}
