import type { Merchant } from './merchant.js';

/** The merchants the gateway serves, by id. Built once at start-up. */
export class MerchantDirectory {
  readonly #byId: Map<string, Merchant>;

  constructor(merchants: readonly Merchant[]) {
    this.#byId = new Map(merchants.map((m) => [m.merchantId, m]));
  }

  get(merchantId: string): Merchant | undefined {
    return this.#byId.get(merchantId);
  }

  all(): Merchant[] {
    return [...this.#byId.values()];
  }
}
