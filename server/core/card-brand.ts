/**
 * Card brands read from the digits of a PAN: prefixes, lengths, CVV length and display grouping,
 * for complete numbers (the gateway) and partial ones (the widget, while the shopper types).
 * Also which Payline card.type carries which brand (payline-api.md §3.4).
 */

/** The card schemes the gateway recognises from a PAN. */
export const CardBrand = {
  VISA: 'VISA',
  MASTERCARD: 'MASTERCARD',
  AMEX: 'AMEX',
  DINERS: 'DINERS',
  JCB: 'JCB',
  DISCOVER: 'DISCOVER',
  MAESTRO: 'MAESTRO',
} as const;
export type CardBrand = (typeof CardBrand)[keyof typeof CardBrand];

interface BrandRule {
  /** Prefix ranges, `'51-55'` or a single prefix `'4'`; the longest matching prefix wins. */
  readonly prefixes: readonly string[];
  readonly lengths: readonly number[];
  /** Digits of the card security code: AMEX's CID has 4, the others' CVV 3. */
  readonly cvvLength: 3 | 4;
}

/** Per brand: prefixes, valid PAN lengths and CVV length (the schemes' published ranges). */
export const BRAND_RULES = {
  VISA: { prefixes: ['4'], lengths: [13, 16, 19], cvvLength: 3 },
  MASTERCARD: { prefixes: ['51-55', '2221-2720'], lengths: [16], cvvLength: 3 },
  AMEX: { prefixes: ['34', '37'], lengths: [15], cvvLength: 4 },
  DINERS: { prefixes: ['300-305', '36', '38', '39'], lengths: [14, 15, 16, 17, 18, 19], cvvLength: 3 },
  JCB: { prefixes: ['3528-3589'], lengths: [16, 17, 18, 19], cvvLength: 3 },
  DISCOVER: { prefixes: ['6011', '644-649', '65', '622126-622925'], lengths: [16, 17, 18, 19], cvvLength: 3 },
  MAESTRO: { prefixes: ['50', '56-58', '6'], lengths: [12, 13, 14, 15, 16, 17, 18, 19], cvvLength: 3 },
} as const satisfies Record<CardBrand, BrandRule>;

interface PrefixRange {
  brand: CardBrand;
  /** Digits compared: both bounds have this many. */
  size: number;
  from: number;
  to: number;
}

const RANGES: readonly PrefixRange[] = Object.values(CardBrand).flatMap((brand) =>
  BRAND_RULES[brand].prefixes.map((prefix) => {
    const [from, to = from] = prefix.split('-') as [string, string?];
    return { brand, size: from.length, from: Number(from), to: Number(to) };
  }),
);

/** Whether `digits` (maybe shorter than the range) starts, or can still start, inside `range`. */
function canMatch(digits: string, range: PrefixRange): boolean {
  const head = digits.slice(0, range.size);
  const low = Number(head.padEnd(range.size, '0'));
  const high = Number(head.padEnd(range.size, '9'));
  return low <= range.to && high >= range.from;
}

/**
 * The brands `digits` (a whole or partial PAN, digits only) can still turn out to be, for the
 * widget's logos while the shopper types: `'5'` gives MASTERCARD and MAESTRO, `'4'` VISA.
 */
export function candidateBrands(digits: string): CardBrand[] {
  if (!/^\d*$/.test(digits)) return [];
  const open = RANGES.filter((range) => canMatch(digits, range));
  const matched = open.filter((range) => digits.length >= range.size);
  const longest = Math.max(0, ...matched.map((range) => range.size));
  const kept = open.filter((range) => digits.length < range.size || range.size === longest);
  return [...new Set(kept.map((range) => range.brand))];
}

/** The brand of a whole or partial PAN once only one is possible, else undefined. */
export function detectBrand(digits: string): CardBrand | undefined {
  const brands = candidateBrands(digits);
  return brands.length === 1 ? brands[0] : undefined;
}

/** The brand of a complete PAN: known prefix and a length valid for that brand, else undefined. */
export function brandOfPan(pan: string): CardBrand | undefined {
  const brand = detectBrand(pan);
  return brand !== undefined && (BRAND_RULES[brand].lengths as readonly number[]).includes(pan.length)
    ? brand
    : undefined;
}

/** Digit groups for display: AMEX 4-6-5, a 14-digit DINERS 4-6-4, the rest by fours. */
export function panGroups(brand: CardBrand | undefined, length: number): number[] {
  if (brand === CardBrand.AMEX) return [4, 6, 5];
  if (brand === CardBrand.DINERS && length <= 14) return [4, 6, 4];
  const groups = Array.from({ length: Math.floor(length / 4) }, () => 4);
  return length % 4 === 0 ? groups : [...groups, length % 4];
}

/** `digits` (whole or partial) split by `panGroups` with spaces, as the widget shows it. */
export function formatPan(digits: string, brand: CardBrand | undefined = detectBrand(digits)): string {
  const parts: string[] = [];
  let start = 0;
  for (const size of panGroups(brand, digits.length)) {
    if (start >= digits.length) break;
    parts.push(digits.slice(start, start + size));
    start += size;
  }
  if (start < digits.length) parts.push(digits.slice(start));
  return parts.join(' ');
}

/**
 * Sandbox table of CB co-badged BINs: the simulator's 497010 and 497011 (payline-api.md §8.2,
 * §8.3) and a few made-up 4970xx/5132xx prefixes in the style of French banks. Not real BIN data.
 */
export const CB_BINS: ReadonlySet<string> = new Set([
  '497010',
  '497011',
  '497012',
  '497040',
  '513210',
  '513211',
  '513283',
]);

/** Whether the PAN's first six digits are a CB co-badged BIN (sandbox table above). */
export function isCbCoBadged(pan: string): boolean {
  return /^\d{6}/.test(pan) && CB_BINS.has(pan.slice(0, 6));
}

/**
 * Which brands each Payline card.type (payline-api.md §3.4) can carry: CB rides on Visa,
 * Mastercard and Maestro cards; DINERS also takes Discover cards (one network); AMEX-* are Amex.
 */
export const CARD_TYPE_BRANDS = {
  CB: ['VISA', 'MASTERCARD', 'MAESTRO'],
  VISA: ['VISA'],
  MASTERCARD: ['MASTERCARD'],
  MAESTRO: ['MAESTRO'],
  AMEX: ['AMEX'],
  'AMEX-ONE CLICK': ['AMEX'],
  'AMEX-REC BILLING': ['AMEX'],
  DINERS: ['DINERS', 'DISCOVER'],
  JCB: ['JCB'],
  DISCOVER: ['DISCOVER'],
} as const satisfies Record<string, readonly CardBrand[]>;
export type PaylineCardType = keyof typeof CARD_TYPE_BRANDS;

/** Whether a card of `brand` may be sent as Payline card.type `cardType` (unknown types: no). */
export function cardTypeAcceptsBrand(cardType: string, brand: CardBrand): boolean {
  if (!Object.hasOwn(CARD_TYPE_BRANDS, cardType)) return false;
  return (CARD_TYPE_BRANDS[cardType as PaylineCardType] as readonly CardBrand[]).includes(brand);
}
