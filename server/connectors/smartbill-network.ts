import type { EnrolmentAnswer } from '../core/smartbill.js';

/**
 * The American Express SmartBill seam: the enrolment request the batch sends for one alias
 * (seed 001 "Détail de la procédure d'enrôlement"). The card's later updates come the other
 * way, as a file (service/smartbill-service.ts). The simulator implements it.
 */
export interface EnrolmentRequest {
  merchantId: string;
  /** walletId + cardInd. */
  alias: string;
  /** Digits, in clear: it never leaves this call. */
  pan: string;
  /** MMYY. */
  expirationDate: string;
}

export interface SmartBillNetwork {
  readonly name: string;
  enrol(request: EnrolmentRequest): Promise<EnrolmentAnswer>;
}
