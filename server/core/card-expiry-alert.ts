import { isExpired, parseExpiry } from './card-expiry.js';

/**
 * The expiring-cards alert, pure (seed 002 "Fichier d'alerte des cartes échues (2 mois avant
 * expiration)", seed 001 "Expiration d'une carte dans un portefeuille"): when a saved card falls
 * due, and the alert file's lines. A card valid through the end of month MM is alerted from the
 * first day (UTC, like card-expiry.ts) two months before it stops working: 05/26 stops on
 * 1 June 2026 and is alerted from 1 April 2026.
 */

/** ms from which the card is alerted, or undefined for an unreadable date. */
export function expiryAlertFrom(mmyy: string): number | undefined {
  const expiry = parseExpiry(mmyy);
  // Date.UTC's month is 0-based: `expiry.month` is the month after expiry, minus 2 months.
  return expiry && Date.UTC(expiry.year, expiry.month - 2, 1);
}

/** Whether the card is within two months of expiry at `now`, and not expired yet. */
export function isExpiryAlertDue(mmyy: string, now: number): boolean {
  const from = expiryAlertFrom(mmyy);
  return from !== undefined && now >= from && !isExpired(mmyy, now);
}

/** One card in the alert file: the PAN masked, never more. */
export interface ExpiringCardLine {
  walletId: string;
  cardInd: number;
  cardType: string;
  /** First 6 and last 4 digits. */
  maskedNumber: string;
  /** MMYY. */
  expirationDate: string;
  lastName?: string;
  firstName?: string;
  email?: string;
}

export const ALERT_FILE_COLUMNS = ['walletId', 'cardInd', 'cardType', 'cardNumber', 'expirationDate', 'lastName', 'firstName', 'email'] as const;

/**
 * A CSV field: `;`-separated (the French spreadsheet default), quoted when it holds `;`, `"` or
 * a line break; a value a spreadsheet would run as a formula (= + - @) is prefixed with `'`.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The file: a header line, then one line per card, CRLF line ends. */
export function expiringCardsCsv(lines: readonly ExpiringCardLine[]): string {
  const rows = lines.map((l) => [l.walletId, String(l.cardInd), l.cardType, l.maskedNumber, l.expirationDate, l.lastName ?? '', l.firstName ?? '', l.email ?? '']);
  return [ALERT_FILE_COLUMNS.join(';'), ...rows.map((row) => row.map(csvField).join(';'))].map((row) => row + '\r\n').join('');
}
