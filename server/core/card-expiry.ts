/**
 * Card expiry dates as Payline sends them: `MMYY` (payline-api.md §3.4 card.expirationDate).
 * A card is valid through the last day of its month; the month is judged in UTC.
 */

/** The month (1–12) and four-digit year (20yy) of an `MMYY` date, or undefined if it is not one. */
export function parseExpiry(mmyy: string): { month: number; year: number } | undefined {
  if (!/^\d{4}$/.test(mmyy)) return undefined;
  const month = Number(mmyy.slice(0, 2));
  if (month < 1 || month > 12) return undefined;
  return { month, year: 2000 + Number(mmyy.slice(2)) };
}

/**
 * Whether the card has expired at `nowMs` (ms since the epoch): true from the first instant
 * (UTC) of the month after its expiry month. An unreadable date counts as expired.
 */
export function isExpired(mmyy: string, nowMs: number): boolean {
  const expiry = parseExpiry(mmyy);
  if (expiry === undefined) return true;
  // Date.UTC takes a 0-based month, so `expiry.month` is the month after the expiry month.
  return nowMs >= Date.UTC(expiry.year, expiry.month, 1);
}
