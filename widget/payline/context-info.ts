/**
 * `Payline.Api.getContextInfo(key)` (payline-api.md §6.5): the session facts Payline's widget
 * exposes by key. Keys about the buyer are not in the widget's public session view: undefined.
 */
import { currencyByNumeric } from '../../server/core/money.js';
import { formatAmount } from '../i18n/format-amount.js';
import type { PublicSession } from '../protocol/session.js';

/** The value of context key `key` for `session` shown in `locale`, or undefined. */
export function contextInfo(session: PublicSession | undefined, key: string, locale: string): string | number | undefined {
  if (!session) return undefined;
  switch (key) {
    case 'PaylineAmountSmallestUnit':
      return session.amount;
    case 'PaylineCurrencyDigits':
      return currencyByNumeric(session.currency)?.minorDigits;
    case 'PaylineCurrencyCode':
      return String(session.currency);
    case 'PaylineFormattedAmount':
      return formatAmount(session.amount, session.currency, locale);
    case 'PaylineOrderRef':
      return session.orderRef;
    default:
      return undefined;
  }
}
