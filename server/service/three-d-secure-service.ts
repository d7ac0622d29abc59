import { maskPan } from '../core/card-mask.js';
import { CODES } from '../core/result-codes.js';
import type { AcquirerAuthentication } from '../connectors/acquirer.js';
import type { Authentication } from '../connectors/three-d-secure.js';
import { findContract, type Merchant } from '../merchants/merchant.js';
import { checkCard, type CardInput } from './card-input.js';
import type { ServiceDeps } from './deps.js';

/**
 * 3-D Secure in the direct flow (seed 003, "Paiement 3DS en direct"): verifyEnrollment, the
 * shopper on the ACS, verifyAuthentication, then doAuthorization with authentication3DSecure,
 * whose values are checked here against what the 3DS server decided (never taken on trust).
 */
export interface ThreeDSecureOutcome {
  code: string;
  message?: string;
  authentication?: Authentication;
}

export interface EnrollmentCheck {
  card: CardInput;
  amount: number;
  currency: number;
  contractNumber: string;
  /** The TermUrl the ACS posts PaRes and MD to (verifyEnrollment's returnURL). */
  returnURL?: string;
  /** mdFieldValue: the merchant's own data, echoed; else the authentication id. */
  md?: string;
}

/** What doAuthorization may say of its authentication: Guichet's xid, or the PaRes the ACS gave. */
export interface AuthenticationReference {
  xid?: string;
  pares?: string;
}

export type AuthorizationAuthentication =
  | { ok: true; threeDSecure: 'Y' | 'N'; authentication?: AcquirerAuthentication }
  | { ok: false; code: string; message: string };

export class ThreeDSecureService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * verifyEnrollment: 03101 a challenge is needed (the answer carries the ACS's URL), 03102 the
   * cardholder is authenticated without one (frictionless), 03001 the card is not enrolled.
   */
  async verifyEnrollment(merchant: Merchant, request: EnrollmentCheck): Promise<ThreeDSecureOutcome> {
    const contract = findContract(merchant, request.contractNumber);
    if (!contract) return { code: CODES.INVALID_CONTRACT, message: `payment.contractNumber ${request.contractNumber} is not a contract of this merchant` };
    if (!contract.cardTypes.includes(request.card.type)) return { code: CODES.INVALID_FIELD, message: `card.type ${request.card.type} is not accepted by contract ${contract.contractNumber}` };
    const checked = checkCard(request.card);
    if (!checked.ok) return checked;
    const authentication = await this.deps.threeDSecure.checkEnrollment({
      merchantId: merchant.merchantId,
      merchantName: merchant.name,
      amount: request.amount,
      currency: request.currency,
      card: { number: checked.acquirerCard.number, expirationDate: checked.acquirerCard.expirationDate, type: request.card.type },
      ...(request.returnURL ? { termUrl: request.returnURL } : {}),
      ...(request.md ? { md: request.md } : {}),
      now: this.deps.clock.now(),
    });
    if (authentication.enrolled === 'N') return { code: CODES.NOT_ENROLLED, authentication };
    if (authentication.status === 'C') return { code: CODES.CHALLENGE_REQUESTED, authentication };
    return { code: authentication.status === 'Y' ? CODES.CARDHOLDER_AUTHENTICATED : CODES.AUTHENTICATION_FAILED, authentication };
  }

  /** verifyAuthentication: 03000 authenticated, 03003 failed, 03006 a PaRes (or MD) that is not this merchant's. */
  async verifyAuthentication(merchant: Merchant, pares: string, md?: string): Promise<ThreeDSecureOutcome> {
    const authentication = await this.deps.threeDSecure.fromPares(pares);
    if (!authentication || authentication.merchantId !== merchant.merchantId) return { code: CODES.INVALID_PARES, message: 'pares is not a PaRes of this gateway for this merchant' };
    if (md !== undefined && authentication.md !== undefined && md !== authentication.md) return { code: CODES.INVALID_PARES, message: 'md is not the MD of this authentication' };
    return { code: authentication.status === 'Y' ? CODES.AUTHENTICATION_ACCEPTED : CODES.AUTHENTICATION_FAILED, authentication };
  }

  /**
   * doAuthorization's authentication3DSecure: the authentication it names must be this
   * merchant's, for this card, amount and currency. Authenticated → threeDSecure Y; not enrolled
   * → N; failed → 03003; challenge unanswered → 03030; unknown → 03004; other data → 03010.
   */
  async forAuthorization(merchant: Merchant, reference: AuthenticationReference, payment: { card: CardInput; amount: number; currency: number }): Promise<AuthorizationAuthentication> {
    const { threeDSecure } = this.deps;
    if (!reference.xid && !reference.pares) return { ok: false, code: CODES.INVALID_FIELD, message: 'authentication3DSecure needs the xid (or the pares) of an authentication' };
    const found = reference.xid ? await threeDSecure.find(reference.xid) : await threeDSecure.fromPares(reference.pares!);
    if (!found || found.merchantId !== merchant.merchantId) return { ok: false, code: CODES.NO_ENROLLMENT_FOUND, message: 'authentication3DSecure names no verifyEnrollment of this merchant' };
    const sameCard = payment.card.number !== undefined && found.maskedPan === maskPan(payment.card.number);
    if (!sameCard || found.amount !== payment.amount || found.currency !== payment.currency) {
      return { ok: false, code: CODES.MERCHANT_DATA_ERROR, message: 'the card, amount or currency differ from the ones authenticated' };
    }
    if (found.enrolled === 'N') return { ok: true, threeDSecure: 'N' };
    if (found.status === 'C') return { ok: false, code: CODES.CHALLENGE_NOT_FINALIZED, message: 'the shopper has not answered the challenge yet' };
    if (found.status !== 'Y' || !found.eci) return { ok: false, code: CODES.AUTHENTICATION_FAILED, message: 'the shopper was not authenticated' };
    return { ok: true, threeDSecure: 'Y', authentication: { xid: found.id, eci: found.eci, ...(found.cavv ? { cavv: found.cavv } : {}) } };
  }
}
