import assert from 'node:assert/strict';
import { hashAccessKey } from '../../../server/merchants/access-key.js';
import type { Merchant } from '../../../server/merchants/merchant.js';
import { SANDBOX_MERCHANT } from '../../../server/merchants/sandbox-merchant.js';
import { luhnCheckDigit } from '../../../server/core/luhn.js';
import type { Acquirer, AcquirerAnswer, AcquirerRequest } from '../../../server/connectors/acquirer.js';
import { SimulatorAcquirer } from '../../../server/connectors/simulator/simulator.js';
import type { TestGateway } from './gateway-harness.js';
import { detailsRequest } from './requests.js';

/** Shared helpers of the HTTP API tests (test/server/api). */

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/** Asserts result.code (and shortMessage when given), showing the whole answer when it differs. */
export function assertCode(answer: any, code: string, shortMessage?: string): void {
  assert.equal(answer?.result?.code, code, `expected ${code}, got ${JSON.stringify(answer)}`);
  if (shortMessage !== undefined) assert.equal(answer.result.shortMessage, shortMessage);
}

/** Asserts a 02305-style refusal whose longMessage starts with the field path. */
export function assertFieldError(answer: any, code: string, path: string): void {
  assertCode(answer, code);
  const message = String(answer.result.longMessage);
  assert.ok(message.startsWith(`${path} `), `longMessage should start with ${path}: ${message}`);
}

/** The card-number simulator's PAN for a 01xxx code (payline-api.md §8.2). */
export function simulatorPan(code: string, bin = '497010346'): string {
  const payload = `${bin}9${code}`;
  return payload + luhnCheckDigit(payload);
}

/** HTTP Basic header. */
export function basicAuth(user: string, key: string): string {
  return 'Basic ' + Buffer.from(`${user}:${key}`).toString('base64');
}

/** POST /v4/{operation} with any credentials; answers the status and the parsed body. */
export async function callAs(gw: TestGateway, authorization: string | undefined, operation: string, body: unknown) {
  const response = await gw.fetch(`/v4/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export const OTHER_MERCHANT_KEY = 'other-access-key';

/** A second merchant, for "another merchant's token / transaction" tests, with the sandbox one. */
export async function twoMerchants(): Promise<Merchant[]> {
  const other: Merchant = {
    ...SANDBOX_MERCHANT,
    merchantId: 'other-merchant',
    name: 'Other shop',
    accessKeyHash: await hashAccessKey(OTHER_MERCHANT_KEY),
  };
  return [SANDBOX_MERCHANT, other];
}

export const OTHER_AUTH = basicAuth('other-merchant', OTHER_MERCHANT_KEY);

/** getTransactionDetails of a transaction id; asserts nothing. */
export function details(gw: TestGateway, transactionId: string): Promise<any> {
  return gw.call('getTransactionDetails', detailsRequest(transactionId));
}

/** Calls `operation` and asserts its result code; answers the body. */
export async function expectCode(gw: TestGateway, operation: string, body: unknown, code: string): Promise<any> {
  const answer = await gw.call(operation, body);
  assertCode(answer, code);
  return answer;
}

/**
 * The simulator behind a gate: `hold()` makes the next authorizations wait until released, so a
 * test can act while an attempt is at the acquirer.
 */
export class GatedAcquirer implements Acquirer {
  readonly name = 'gated-simulator';
  readonly #inner = new SimulatorAcquirer();
  #gate: Promise<void> | undefined;
  #onArrival: (() => void) | undefined;

  /** Holds the next calls; `arrived` resolves when one reaches the acquirer. */
  hold(): { arrived: Promise<void>; release: () => void } {
    let release!: () => void;
    this.#gate = new Promise<void>((resolve) => (release = resolve));
    const arrived = new Promise<void>((resolve) => (this.#onArrival = resolve));
    return {
      arrived,
      release: () => {
        this.#gate = undefined;
        release();
      },
    };
  }

  async #wait(): Promise<void> {
    this.#onArrival?.();
    this.#onArrival = undefined;
    if (this.#gate) await this.#gate;
  }

  async authorize(request: AcquirerRequest): Promise<AcquirerAnswer> {
    await this.#wait();
    return this.#inner.authorize(request);
  }

  async debit(request: AcquirerRequest & { authorizationNumber: string }): Promise<AcquirerAnswer> {
    await this.#wait();
    return this.#inner.debit(request);
  }

  async credit(request: AcquirerRequest): Promise<AcquirerAnswer> {
    await this.#wait();
    return this.#inner.credit(request);
  }
}
