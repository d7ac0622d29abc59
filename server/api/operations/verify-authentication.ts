import type { OperationDef } from '../operation.js';
import { object, objectType, text } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import * as responses from '../schema/response-objects.js';
import { authentication3DSecureOut as authenticationType } from '../schema/three-d-secure-objects.js';
import { authentication3DSecureOut } from '../encode/three-d-secure-objects.js';
import { compact, resultOut } from '../encode/payline-objects.js';

/**
 * verifyAuthentication (DirectPaymentAPI): the PaRes the ACS posted to the merchant's TermUrl
 * → 03000 authenticated, or 03003 failed, with authentication3DSecure for doAuthorization;
 * 03006 for a PaRes (or MD) that is not one of this merchant's.
 */
export const verifyAuthentication: OperationDef = {
  name: 'verifyAuthentication',
  service: 'DirectPaymentAPI',
  request: objectType(
    'verifyAuthenticationRequest',
    { version: schema.version, contractNumber: text(20), pares: text(8000), md: text(1024), card: object(schema.card), privateDataList: schema.privateDataList },
    ['version', 'contractNumber', 'pares'],
  ),
  response: responses.responseType('verifyAuthenticationResponse', { authentication3DSecure: object(authenticationType), mpiResult: responses.out }),
  async handle(context, request) {
    const outcome = await context.threeDSecure.verifyAuthentication(context.merchant, request.pares as string, request.md as string | undefined);
    const auth = outcome.authentication;
    return compact({
      result: resultOut(outcome.code, outcome.message),
      authentication3DSecure: auth ? authentication3DSecureOut(auth) : undefined,
      mpiResult: auth?.status,
    });
  },
};
