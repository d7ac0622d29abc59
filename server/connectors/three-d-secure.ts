/**
 * The 3-D Secure seam: what the gateway asks of a 3-D Secure server (the MPI that talks to the
 * schemes' directories and the issuer's ACS), in the core's words. The simulator's ACS
 * (connectors/simulator/acs/) implements it; a real 3DS server connector would too.
 *
 * The flow, web or direct: `checkEnrollment` answers at once when no challenge is needed
 * (frictionless, or not enrolled); otherwise the shopper answers the challenge at
 * `challengeUrl`, the ACS sends the browser to `termUrl` with `PaRes` and `MD` (a form POST),
 * and `fromPares` / `find` give the verdict.
 */

/** What the gateway knows of a payment when it asks for authentication. */
export interface EnrollmentRequest {
  merchantId: string;
  /** Shown to the shopper on the challenge page. */
  merchantName: string;
  /** Minor units. */
  amount: number;
  /** ISO 4217 numeric. */
  currency: number;
  card: { number: string; expirationDate: string; type: string };
  /** Where the ACS sends the shopper back, PaRes and MD posted (3-D Secure 1's TermUrl). */
  termUrl?: string;
  /** Merchant data, echoed back to termUrl as MD. */
  md?: string;
  /** Language of the challenge page (fr, en…), when known. */
  language?: string;
  /** ms since the epoch, from the gateway's clock. */
  now: number;
}

/** One authentication as the 3DS server keeps it, from enrollment to verdict. */
export interface Authentication {
  /** The 3-D Secure transaction id: Payline's `xid`. */
  id: string;
  merchantId: string;
  amount: number;
  currency: number;
  /** The card it authenticates, masked (first 6, last 4). */
  maskedPan: string;
  /** VeResStatus: whether the card takes part in 3-D Secure. */
  enrolled: 'Y' | 'N';
  /** PaResStatus / transStatus, once enrolled: Y authenticated, N failed, C a challenge waits for the shopper. */
  status?: 'Y' | 'N' | 'C';
  /** The ACS page of the challenge, when the ACS asked for one (status C, then its verdict). */
  challengeUrl?: string;
  /** Once decided: the electronic commerce indicator and the authentication value for the authorization. */
  eci?: string;
  cavv?: string;
  cavvAlgorithm?: string;
  /** The PaRes the ACS gave the shopper's browser, once the challenge is answered. */
  pares?: string;
  termUrl?: string;
  md?: string;
}

export interface ThreeDSecureServer {
  readonly name: string;
  /** Starts an authentication: decided at once, or a challenge to show (status C). */
  checkEnrollment(request: EnrollmentRequest): Promise<Authentication>;
  /** An authentication by id as it stands now; undefined when unknown or forgotten. */
  find(id: string): Promise<Authentication | undefined>;
  /** The authentication a PaRes is about; undefined when it is not a PaRes of this server. */
  fromPares(pares: string): Promise<Authentication | undefined>;
}
