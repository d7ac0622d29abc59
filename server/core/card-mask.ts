import { brandOfPan } from './card-brand.js';

/**
 * The masked PAN that everything but the card vault sees: first 6 and last 4 digits, `X`
 * between (Payline cardOut.number, DESIGN.md "Card data"); and the log scrubber's PAN finder.
 */

/** Shorter PANs than this cannot show 6 + 4 digits with something hidden between. */
const MIN_SIX_FOUR_LENGTH = 11;

/**
 * `pan` masked: 4970101234560003 → 497010XXXXXX0003. Spaces and dashes are dropped first.
 * Below 11 digits only the last 4 are shown.
 */
export function maskPan(pan: string): string {
  const digits = pan.replace(/[ -]/g, '');
  const shown = digits.length >= MIN_SIX_FOUR_LENGTH ? 6 : 0;
  const hidden = Math.max(digits.length - shown - 4, 0);
  return digits.slice(0, shown) + 'X'.repeat(hidden) + digits.slice(shown + hidden);
}

/** A run of 13 to 19 digits, which single spaces or dashes may separate, not inside a longer number. */
const PAN_IN_TEXT = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;

/**
 * `text` with every PAN-like run of digits replaced by its masked form (separators dropped):
 * "card 4970 1012 3456 0003 ok" → "card 497010XXXXXX0003 ok". For the log scrubber.
 * PAN-like means a card brand's prefix and length (Luhn or not: a mistyped card is still a
 * card), so timestamps and the gateway's 18-digit transaction ids, which start with 1, stay.
 */
export function scrubPans(text: string): string {
  return text.replace(PAN_IN_TEXT, (run) => (brandOfPan(run.replace(/[ -]/g, '')) ? maskPan(run) : run));
}
