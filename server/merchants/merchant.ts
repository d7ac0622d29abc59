/**
 * A merchant as the gateway knows it, from the merchants file (or the built-in sandbox).
 * The access key is kept only as a hash (see access-key.ts).
 */
export interface Contract {
  contractNumber: string;
  /** Payline card.type values this contract accepts (CB, VISA, MASTERCARD, AMEX…). */
  cardTypes: string[];
  /** ISO 4217 numeric currency of the contract. */
  currency: number;
  label?: string;
}

export interface PointOfSell {
  id: string;
  label: string;
  /** Where server notifications go when a request names none. */
  notificationURL?: string;
  /** Contract numbers sold at this point of sale (all the merchant's when absent). */
  contracts?: string[];
}

export interface Merchant {
  merchantId: string;
  name: string;
  /** `scrypt$<salt hex>$<hash hex>`: never the key itself. */
  accessKeyHash: string;
  notificationURL?: string;
  /** Origins allowed to embed the widget; `*` accepts any (the sandbox). */
  widgetOrigins: string[];
  pointsOfSell: PointOfSell[];
  contracts: Contract[];
}

/** Finds a merchant's contract by number. */
export function findContract(merchant: Merchant, contractNumber: string): Contract | undefined {
  return merchant.contracts.find((c) => c.contractNumber === contractNumber);
}
