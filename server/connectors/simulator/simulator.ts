/**
 * The simulator acquirer, the embedded default connector: a thin shell over the pure rules of
 * outcome.ts (DESIGN.md "The simulator"). It keeps no state: the same request, the same answer.
 */
import type { Acquirer, AcquirerAnswer, AcquirerRequest } from '../acquirer.js';
import { CODES } from '../../core/result-codes.js';
import { authorizationNumber, cardOutcome, simulateOutcome, type OutcomeRequest } from './outcome.js';

export interface SimulatorOptions {
  /** Wait this long (setTimeout) before each answer, like a real acquirer in benchmarks. Default 0: no timer. */
  latencyMs?: number;
}

/** The Acquirer that answers from Payline's simulator rules and the test-card table. */
export class SimulatorAcquirer implements Acquirer {
  readonly name = 'simulator';
  readonly #latencyMs: number;

  constructor(options: SimulatorOptions = {}) {
    const latencyMs = options.latencyMs ?? 0;
    if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new RangeError('latencyMs must be a finite number ≥ 0');
    this.#latencyMs = latencyMs;
  }

  /** Card, then amount simulator; accepted answers carry a number derived from the transaction id. */
  async authorize(request: AcquirerRequest): Promise<AcquirerAnswer> {
    await this.#latency();
    return answer(simulateOutcome(outcomeRequest(request)), authorizationNumber(request.transactionId));
  }

  /** Same rules as an authorization; an accepted debit echoes the authorization number it was given. */
  async debit(request: AcquirerRequest & { authorizationNumber: string }): Promise<AcquirerAnswer> {
    await this.#latency();
    return answer(simulateOutcome(outcomeRequest(request)), request.authorizationNumber);
  }

  /** The card is checked, the amount simulator is not: a credit is not an authorization. */
  async credit(request: AcquirerRequest): Promise<AcquirerAnswer> {
    await this.#latency();
    return answer(cardOutcome(outcomeRequest(request)), authorizationNumber(request.transactionId));
  }

  #latency(): Promise<void> | undefined {
    if (this.#latencyMs === 0) return undefined;
    return new Promise((resolve) => setTimeout(resolve, this.#latencyMs));
  }
}

function outcomeRequest(request: AcquirerRequest): OutcomeRequest {
  const { card, amount, currency, now } = request;
  return { pan: card.number, expirationDate: card.expirationDate, amount, currency, now };
}

function answer(code: string, number: string): AcquirerAnswer {
  return code === CODES.ACCEPTED ? { code, authorizationNumber: number } : { code };
}
