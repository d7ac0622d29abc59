/**
 * The widget's one amount formatter: minor units and an ISO 4217 numeric currency, written by
 * Intl.NumberFormat in the shopper's locale. The amount goes to Intl as an exact decimal string
 * (server/core/money.ts), never through a float.
 */
import { currencyByNumeric, toMajorString } from '../../server/core/money.js';

/** `amount` (minor units) of `currency` (978) for `locale`: 1234, 978, 'fr' → « 12,34 € ». */
export function formatAmount(amount: number, currency: number, locale: string): string {
  const found = currencyByNumeric(currency);
  if (!found) return new Intl.NumberFormat(locale).format(amount);
  const digits = found.minorDigits;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: found.alpha,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(toMajorString(amount, currency) as Intl.StringNumericLiteral);
}
