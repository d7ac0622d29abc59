import type { Merchant, PointOfSell } from './merchant.js';

/**
 * The point of sale a payment belongs to: the first that sells its contract (a point of sale
 * without a contract list sells all the merchant's contracts); undefined when none does.
 * Its settings (notificationURL, emails) then apply to the payment.
 */
export function pointOfSellFor(merchant: Merchant, contractNumber: string | undefined): PointOfSell | undefined {
  return merchant.pointsOfSell.find((pos) => pos.contracts === undefined || (contractNumber !== undefined && pos.contracts.includes(contractNumber)));
}
