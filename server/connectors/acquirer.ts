/**
 * The acquirer seam: what the gateway asks of a bank connector, in the core's words.
 * Captures, resets and refunds are ledger entries settled through the daily remittance
 * (see server/core/transaction-state.ts), so the online calls are the three below.
 * The simulator (connectors/simulator/) implements it; a real connector would too.
 */

/** Card data as sent to the acquirer, in clear: it never leaves this call. */
export interface AcquirerCard {
  /** Digits only. */
  number: string;
  /** MMYY. */
  expirationDate: string;
  /** Absent for renewals (doReAuthorization) and debits with an outside authorization. */
  cvx?: string;
  /** Payline card.type (CB, VISA, MASTERCARD, AMEX, DINERS, JCB…). */
  type: string;
}

/** The 3-D Secure authentication behind an authorization (connectors/three-d-secure.ts). */
export interface AcquirerAuthentication {
  /** The 3-D Secure transaction id (xid). */
  xid: string;
  eci: string;
  cavv?: string;
}

export interface AcquirerRequest {
  merchantId: string;
  contractNumber: string;
  /** Minor units. */
  amount: number;
  /** ISO 4217 numeric. */
  currency: number;
  card: AcquirerCard;
  /** The gateway's transaction id for this call: an acquirer may derive its own numbers from it. */
  transactionId: string;
  /** ms since the epoch, from the gateway's clock (the card's expiry is judged against it). */
  now: number;
  /** Present when the shopper was authenticated by 3-D Secure. */
  authentication?: AcquirerAuthentication;
  /** payment.softDescriptor: the name on the cardholder's statement. */
  softDescriptor?: string;
}

export interface AcquirerAnswer {
  /** A Payline code: 00000 accepted, 01xxx refused by the bank or the acquirer. */
  code: string;
  /** Present when accepted. */
  authorizationNumber?: string;
}

export interface Acquirer {
  readonly name: string;
  /** An authorization (payment.action 100 or 101). */
  authorize(request: AcquirerRequest): Promise<AcquirerAnswer>;
  /** A debit with an authorization number obtained elsewhere (action 204): checks the card, no new authorization. */
  debit(request: AcquirerRequest & { authorizationNumber: string }): Promise<AcquirerAnswer>;
  /** A credit to a card without a prior payment (action 422). */
  credit(request: AcquirerRequest): Promise<AcquirerAnswer>;
}
