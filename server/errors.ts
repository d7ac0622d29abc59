/**
 * Exceptions for what stops a request before the core (STYLE.md "Errors"). Business outcomes,
 * refused input included, are Payline `result` values, never exceptions.
 */

/** Missing or wrong HTTP Basic credentials: HTTP 401. The key is never part of the message. */
export class AuthenticationError extends Error {
  constructor(message = 'merchantId and access key required (HTTP Basic)') {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** A body that cannot be read at all (not JSON, not SOAP): HTTP 400 (SOAP Fault on the SOAP face). */
export class MalformedRequestError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MalformedRequestError';
  }
}

/** A body over the size limit: HTTP 413. */
export class PayloadTooLargeError extends Error {
  constructor(limit: string) {
    super(`request body is larger than ${limit}`);
    this.name = 'PayloadTooLargeError';
  }
}

/** An envelope SOAP itself refuses (SOAP 1.1 §4.4): a SOAP 1.2 envelope, or a header the gateway must understand and does not. */
export class SoapEnvelopeError extends MalformedRequestError {
  constructor(
    readonly faultCode: 'VersionMismatch' | 'MustUnderstand',
    message: string,
  ) {
    super(message);
    this.name = 'SoapEnvelopeError';
  }
}
