/**
 * Dates of the ticket: Payline's `dd/mm/yyyy HH:mm:ss` (the gateway's wall clock) written by
 * Intl.DateTimeFormat in the shopper's locale, keeping the gateway's wall-clock time.
 */

const PAYLINE_DATE = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `'05/03/2026 14:07:00'`, 'en' → "March 5, 2026 at 2:07 PM"; an unreadable date is kept as is. */
export function formatPaylineDate(date: string, locale: string): string {
  const parts = PAYLINE_DATE.exec(date);
  if (!parts) return date;
  const [day, month, year, hour, minute, second] = parts.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(utc);
}
