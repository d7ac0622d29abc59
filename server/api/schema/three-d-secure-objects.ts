import { objectType, text } from './field.js';
import { out } from './response-objects.js';

/**
 * Payline's 3-D Secure objects (payline-api.md §3.9), fields in Payline's order: the
 * authentication3DSecure a merchant sends with doAuthorization, and the one Guichet answers.
 */
export const authentication3DSecure = objectType('authentication3DSecure', {
  md: text(1024),
  pares: text(8000),
  xid: text(64),
  eci: text(2),
  cavv: text(64),
  cavvAlgorithm: text(2),
  vadsResult: text(10),
  typeSecurisation: text(10),
  PaResStatus: text(1),
  VeResStatus: text(1),
  resultContainer: text(4000),
  authenticationResult: text(10),
});

/** The same object as Guichet answers it. */
export const authentication3DSecureOut = objectType(
  'authentication3DSecure',
  Object.fromEntries(authentication3DSecure.fields.map((f) => [f.name, out])),
);
