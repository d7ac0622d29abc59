import { MalformedRequestError } from '../../errors.js';
import { CODES } from '../../core/result-codes.js';
import { resultOnly, type OperationDef, type PaylineService, type Response } from '../operation.js';
import { resultOnlyResponse } from '../schema/response-objects.js';
import type { ObjectType } from '../schema/field.js';
import { NS } from './namespaces.js';
import { paylineServiceOf } from './payline-services.js';
import type { XmlElement } from './xml-reader.js';

/**
 * Picks the operation a SOAP request names: its body element `{impl}xxxRequest` (the SOAPAction
 * header, quoted, bare or absent, is not needed). An element outside Payline's namespace or not
 * named `…Request` is a Fault; an operation Guichet does not serve on this service is a normal
 * answer `<impl:xxxResponse>` whose result is 02010, saying where it is served or that it is not yet.
 */
export type Dispatch = { kind: 'run'; operation: OperationDef } | { kind: 'refuse'; response: ObjectType; answer: Response };

const REQUEST_NAME = /^([A-Za-z][A-Za-z0-9_]{0,63})Request$/;

export function dispatch(service: PaylineService, operations: ReadonlyMap<string, OperationDef>, element: XmlElement): Dispatch {
  if (element.uri !== NS.impl) throw new MalformedRequestError(`the request element must be in namespace ${NS.impl}, not ${element.uri || 'none'}`);
  const name = REQUEST_NAME.exec(element.local)?.[1];
  if (!name) throw new MalformedRequestError(`the request element must be named {operation}Request, not ${element.local.slice(0, 80)}`);
  const operation = operations.get(name);
  if (operation?.service === service) return { kind: 'run', operation };
  const refuse = (message: string): Dispatch => ({ kind: 'refuse', response: resultOnlyResponse(name), answer: resultOnly(CODES.FUNCTION_NOT_AVAILABLE, message) });
  if (operation) return refuse(`${name} is served at /V4/services/${operation.service}, not ${service}`);
  if (paylineServiceOf(name)) return refuse(`${name} is not available on Guichet yet`);
  return refuse(`${name} is not a Payline operation`);
}
