/**
 * The simulator's 3-D Secure server and ACS, the embedded default: a thin shell over the pure
 * rules of acs-outcome.ts. Like a bank's ACS it keeps its authentications (in memory, for an
 * hour; never the PAN), serves the challenge pages (acs-routes.ts) and signs nothing: a PaRes
 * only names its authentication, whose verdict stays here.
 */
import { maskPan } from '../../../core/card-mask.js';
import type { Clock } from '../../../core/clock.js';
import type { Authentication, EnrollmentRequest, ThreeDSecureServer } from '../../three-d-secure.js';
import { cavvOf, challengeVerdict, eciOf, enrollmentOf, type ChallengeAnswer } from './acs-outcome.js';

export interface SimulatorAcsOptions {
  clock: Clock;
  /** The gateway's public URL (no trailing slash), read when a challenge starts. */
  publicUrl: () => string;
  /** A fresh unguessable id (32 hex characters). */
  newId: () => string;
  /** How long an authentication is kept (ms). Default one hour. */
  ttlMs?: number;
}

/** What the challenge page shows, and where the answer goes. */
export interface ChallengeView {
  id: string;
  merchantName: string;
  amount: number;
  currency: number;
  maskedPan: string;
  language?: string;
}

interface AcsRecord {
  auth: Authentication;
  merchantName: string;
  language?: string;
  /** The verdict for each answer, and the ECI for each verdict: decided at enrolment, so the PAN is not kept. */
  verdicts: Record<ChallengeAnswer, 'Y' | 'N'>;
  ecis: Record<'Y' | 'N', string>;
  expiresAt: number;
}

const HOUR = 60 * 60 * 1000;

/** The PaRes handed to the browser: base64url JSON naming the authentication and its verdict. */
function encodePares(id: string, status: 'Y' | 'N'): string {
  return Buffer.from(JSON.stringify({ acsTransID: id, transStatus: status })).toString('base64url');
}

function paresId(pares: string): string | undefined {
  try {
    const decoded = JSON.parse(Buffer.from(pares, 'base64url').toString('utf8')) as { acsTransID?: unknown };
    return typeof decoded.acsTransID === 'string' ? decoded.acsTransID : undefined;
  } catch {
    return undefined;
  }
}

export class SimulatorAcs implements ThreeDSecureServer {
  readonly name = 'simulator';
  readonly #options: SimulatorAcsOptions;
  readonly #ttlMs: number;
  /** By id, oldest first (Map keeps insertion order), so expired records are pruned from the front. */
  readonly #records = new Map<string, AcsRecord>();

  constructor(options: SimulatorAcsOptions) {
    this.#options = options;
    this.#ttlMs = options.ttlMs ?? HOUR;
  }

  async checkEnrollment(request: EnrollmentRequest): Promise<Authentication> {
    const now = this.#options.clock.now();
    this.#prune(now);
    const pan = request.card.number;
    const id = this.#options.newId();
    const enrollment = enrollmentOf(pan);
    const auth: Authentication = {
      id,
      merchantId: request.merchantId,
      amount: request.amount,
      currency: request.currency,
      maskedPan: maskPan(pan),
      enrolled: enrollment.enrolled,
      ...(request.termUrl ? { termUrl: request.termUrl } : {}),
      ...(request.md ? { md: request.md } : {}),
    };
    if (enrollment.enrolled === 'Y' && enrollment.status === 'Y') Object.assign(auth, this.#verdict(id, 'Y', eciOf(pan, 'Y')));
    if (enrollment.enrolled === 'Y' && enrollment.status === 'C') Object.assign(auth, { status: 'C', challengeUrl: `${this.#options.publicUrl()}/acs/challenge/${id}` });
    this.#records.set(id, {
      auth,
      merchantName: request.merchantName,
      ...(request.language ? { language: request.language } : {}),
      verdicts: { authenticate: challengeVerdict(pan, 'authenticate'), cancel: challengeVerdict(pan, 'cancel') },
      ecis: { Y: eciOf(pan, 'Y'), N: eciOf(pan, 'N') },
      expiresAt: now + this.#ttlMs,
    });
    return structuredClone(auth);
  }

  async find(id: string): Promise<Authentication | undefined> {
    const record = this.#live(id);
    return record && structuredClone(record.auth);
  }

  async fromPares(pares: string): Promise<Authentication | undefined> {
    const id = paresId(pares);
    const record = id === undefined ? undefined : this.#live(id);
    return record && record.auth.pares === pares ? structuredClone(record.auth) : undefined;
  }

  /** The challenge page's data; undefined when there is no challenge by that id. */
  challenge(id: string): ChallengeView | undefined {
    const record = this.#live(id);
    if (!record || !record.auth.challengeUrl) return undefined;
    const { auth } = record;
    return {
      id,
      merchantName: record.merchantName,
      amount: auth.amount,
      currency: auth.currency,
      maskedPan: auth.maskedPan,
      ...(record.language ? { language: record.language } : {}),
    };
  }

  /**
   * A merchant's form brought the shopper here (3-D Secure 1 style: TermUrl and MD posted with
   * the PaReq): they replace the ones given at enrolment, until the shopper answers.
   */
  enter(id: string, termUrl: string | undefined, md: string | undefined): boolean {
    const record = this.#live(id);
    if (!record || record.auth.status !== 'C') return false;
    if (termUrl) record.auth.termUrl = termUrl;
    if (md) record.auth.md = md;
    return true;
  }

  /** The shopper answers the challenge: the verdict is recorded once; a second answer changes nothing. */
  answer(id: string, answer: ChallengeAnswer): Authentication | undefined {
    const record = this.#live(id);
    if (!record || !record.auth.challengeUrl) return undefined;
    if (record.auth.status === 'C') {
      const status = record.verdicts[answer];
      Object.assign(record.auth, this.#verdict(id, status, record.ecis[status]), { pares: encodePares(id, status) });
    }
    return structuredClone(record.auth);
  }

  #verdict(id: string, status: 'Y' | 'N', eci: string): Pick<Authentication, 'status' | 'eci' | 'cavv' | 'cavvAlgorithm'> {
    return status === 'Y' ? { status, eci, cavv: cavvOf(id), cavvAlgorithm: '2' } : { status, eci };
  }

  #live(id: string): AcsRecord | undefined {
    const record = this.#records.get(id);
    return record && record.expiresAt > this.#options.clock.now() ? record : undefined;
  }

  #prune(now: number): void {
    for (const [id, record] of this.#records) {
      if (record.expiresAt > now) break;
      this.#records.delete(id);
    }
  }
}
