import { brandOfPan, cardTypeAcceptsBrand, isCbCoBadged } from '../core/card-brand.js';
import type { Merchant } from '../merchants/merchant.js';

/**
 * The Payline card.type for a card paid through the widget when the shopper did not choose one:
 * CB for a co-badged card when a CB contract is offered (the French scheme first), else the brand.
 */
export function inferCardType(pan: string, merchant: Merchant, contractNumbers: readonly string[]): string | undefined {
  const brand = brandOfPan(pan);
  if (!brand) return undefined;
  const offered = merchant.contracts.filter((c) => contractNumbers.includes(c.contractNumber)).flatMap((c) => c.cardTypes);
  if (isCbCoBadged(pan) && offered.includes('CB')) return 'CB';
  return offered.find((type) => type === brand) ?? offered.find((type) => cardTypeAcceptsBrand(type, brand));
}
