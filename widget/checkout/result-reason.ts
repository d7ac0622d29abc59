/**
 * Why a payment failed, in words a shopper can act on, from Payline's result code
 * (payline-api.md §5): expired card, limit, authentication; else declined or technical.
 * Lost and stolen cards read as a plain decline, as banks ask.
 */
import type { TextKey } from '../i18n/translation.js';
import type { PaylineResult } from '../protocol/session.js';

const BY_CODE: Record<string, TextKey> = {
  '01101': 'reasonCardExpired',
  '01201': 'reasonCardExpired',
  '01116': 'reasonFunds',
  '01121': 'reasonFunds',
  '01131': 'reasonAuthentication',
};

/** The Translation key of the reason for `result`, or undefined when there is nothing to explain. */
export function reasonKey(result: PaylineResult | undefined): TextKey | undefined {
  if (!result || result.shortMessage === 'ACCEPTED' || result.shortMessage === 'CANCELLED') return undefined;
  const known = BY_CODE[result.code];
  if (known) return known;
  if (result.code.startsWith('03')) return 'reasonAuthentication';
  return result.shortMessage === 'REFUSED' ? 'reasonDeclined' : 'reasonTechnical';
}
