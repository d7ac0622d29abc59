import { checkAction, type CardIn, type OperationDef, type PaymentIn } from '../operation.js';
import { object, objectType, text } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import * as responses from '../schema/response-objects.js';
import { authentication3DSecureOut as authenticationType } from '../schema/three-d-secure-objects.js';
import { authentication3DSecureOut } from '../encode/three-d-secure-objects.js';
import { compact, resultOut } from '../encode/payline-objects.js';

/**
 * verifyEnrollment (DirectPaymentAPI), the direct flow's first 3-D Secure step (seed 003).
 * 03101: send the shopper's browser to `actionUrl` by a form POST of the PaReq, TermUrl and MD
 * fields named in the answer; the ACS then posts PaRes and MD to TermUrl (the request's
 * returnURL, or the TermUrl the form gives). 03102: authenticated without a challenge; 03001:
 * not enrolled. Either way authentication3DSecure goes on to doAuthorization.
 */
export const verifyEnrollment: OperationDef = {
  name: 'verifyEnrollment',
  service: 'DirectPaymentAPI',
  request: objectType(
    'verifyEnrollmentRequest',
    {
      version: schema.version,
      card: object(schema.card),
      payment: object(schema.payment),
      orderRef: text(50),
      mdFieldValue: text(1024),
      userAgent: text(500),
      merchantName: text(100),
      returnURL: schema.url,
      privateDataList: schema.privateDataList,
    },
    ['version', 'card', 'payment', 'orderRef'],
  ),
  response: responses.responseType('verifyEnrollmentResponse', {
    actionUrl: responses.out,
    actionMethod: responses.out,
    pareqFieldName: responses.out,
    pareqFieldValue: responses.out,
    termUrlName: responses.out,
    termUrlValue: responses.out,
    mdFieldName: responses.out,
    mdFieldValue: responses.out,
    mpiResult: responses.out,
    authentication3DSecure: object(authenticationType),
  }),
  async handle(context, request) {
    const payment = request.payment as PaymentIn;
    const refused = checkAction(payment, [100, 101]);
    if (refused) return refused;
    const outcome = await context.threeDSecure.verifyEnrollment(context.merchant, {
      card: request.card as CardIn,
      amount: payment.amount,
      currency: payment.currency,
      contractNumber: payment.contractNumber ?? '',
      ...(request.returnURL ? { returnURL: request.returnURL as string } : {}),
      ...(request.mdFieldValue ? { md: request.mdFieldValue as string } : {}),
    });
    const auth = outcome.authentication;
    if (!auth) return { result: resultOut(outcome.code, outcome.message) };
    const challenge = auth.status === 'C' && auth.challengeUrl;
    return compact({
      result: resultOut(outcome.code, outcome.message),
      ...(challenge
        ? {
            actionUrl: auth.challengeUrl,
            actionMethod: 'POST',
            pareqFieldName: 'PaReq',
            pareqFieldValue: Buffer.from(JSON.stringify({ threeDSServerTransID: auth.id })).toString('base64url'),
            termUrlName: 'TermUrl',
            termUrlValue: auth.termUrl,
            mdFieldName: 'MD',
            mdFieldValue: auth.md ?? auth.id,
          }
        : {}),
      mpiResult: auth.enrolled,
      authentication3DSecure: authentication3DSecureOut(auth),
    });
  },
};
