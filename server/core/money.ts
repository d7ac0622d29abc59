/**
 * Money: an integer amount of minor units (cents) and an ISO 4217 numeric currency (978 EUR).
 * Never a float: display strings are cut from the integer's digits.
 */

/** An ISO 4217 currency: numeric code (Payline's `currency`), alpha code and minor digits. */
export interface Currency {
  numeric: number;
  alpha: string;
  minorDigits: number;
}

/** The largest amount Payline accepts: `payment.amount` is N12 (payline-api.md §3.2). */
export const MAX_AMOUNT = 999_999_999_999;

/**
 * The active ISO 4217 currencies in circulation (list one, 2025), as [numeric, alpha, digits].
 * Funds (BOV, CHE, CLF…), precious metals, XDR and testing codes are left out.
 */
const ISO_4217: ReadonlyArray<readonly [number, string, number]> = [
  [784, 'AED', 2], [971, 'AFN', 2], [8, 'ALL', 2], [51, 'AMD', 2], [973, 'AOA', 2],
  [32, 'ARS', 2], [36, 'AUD', 2], [533, 'AWG', 2], [944, 'AZN', 2], [977, 'BAM', 2],
  [52, 'BBD', 2], [50, 'BDT', 2], [975, 'BGN', 2], [48, 'BHD', 3], [108, 'BIF', 0],
  [60, 'BMD', 2], [96, 'BND', 2], [68, 'BOB', 2], [986, 'BRL', 2], [44, 'BSD', 2],
  [64, 'BTN', 2], [72, 'BWP', 2], [933, 'BYN', 2], [84, 'BZD', 2], [124, 'CAD', 2],
  [976, 'CDF', 2], [756, 'CHF', 2], [152, 'CLP', 0], [156, 'CNY', 2], [170, 'COP', 2],
  [188, 'CRC', 2], [192, 'CUP', 2], [132, 'CVE', 2], [203, 'CZK', 2], [262, 'DJF', 0],
  [208, 'DKK', 2], [214, 'DOP', 2], [12, 'DZD', 2], [818, 'EGP', 2], [232, 'ERN', 2],
  [230, 'ETB', 2], [978, 'EUR', 2], [242, 'FJD', 2], [238, 'FKP', 2], [826, 'GBP', 2],
  [981, 'GEL', 2], [936, 'GHS', 2], [292, 'GIP', 2], [270, 'GMD', 2], [324, 'GNF', 0],
  [320, 'GTQ', 2], [328, 'GYD', 2], [344, 'HKD', 2], [340, 'HNL', 2], [332, 'HTG', 2],
  [348, 'HUF', 2], [360, 'IDR', 2], [376, 'ILS', 2], [356, 'INR', 2], [368, 'IQD', 3],
  [364, 'IRR', 2], [352, 'ISK', 0], [388, 'JMD', 2], [400, 'JOD', 3], [392, 'JPY', 0],
  [404, 'KES', 2], [417, 'KGS', 2], [116, 'KHR', 2], [174, 'KMF', 0], [408, 'KPW', 2],
  [410, 'KRW', 0], [414, 'KWD', 3], [136, 'KYD', 2], [398, 'KZT', 2], [418, 'LAK', 2],
  [422, 'LBP', 2], [144, 'LKR', 2], [430, 'LRD', 2], [426, 'LSL', 2], [434, 'LYD', 3],
  [504, 'MAD', 2], [498, 'MDL', 2], [969, 'MGA', 2], [807, 'MKD', 2], [104, 'MMK', 2],
  [496, 'MNT', 2], [446, 'MOP', 2], [929, 'MRU', 2], [480, 'MUR', 2], [462, 'MVR', 2],
  [454, 'MWK', 2], [484, 'MXN', 2], [458, 'MYR', 2], [943, 'MZN', 2], [516, 'NAD', 2],
  [566, 'NGN', 2], [558, 'NIO', 2], [578, 'NOK', 2], [524, 'NPR', 2], [554, 'NZD', 2],
  [512, 'OMR', 3], [590, 'PAB', 2], [604, 'PEN', 2], [598, 'PGK', 2], [608, 'PHP', 2],
  [586, 'PKR', 2], [985, 'PLN', 2], [600, 'PYG', 0], [634, 'QAR', 2], [946, 'RON', 2],
  [941, 'RSD', 2], [643, 'RUB', 2], [646, 'RWF', 0], [682, 'SAR', 2], [90, 'SBD', 2],
  [690, 'SCR', 2], [938, 'SDG', 2], [752, 'SEK', 2], [702, 'SGD', 2], [654, 'SHP', 2],
  [925, 'SLE', 2], [706, 'SOS', 2], [968, 'SRD', 2], [728, 'SSP', 2], [930, 'STN', 2],
  [222, 'SVC', 2], [760, 'SYP', 2], [748, 'SZL', 2], [764, 'THB', 2], [972, 'TJS', 2],
  [934, 'TMT', 2], [788, 'TND', 3], [776, 'TOP', 2], [949, 'TRY', 2], [780, 'TTD', 2],
  [901, 'TWD', 2], [834, 'TZS', 2], [980, 'UAH', 2], [800, 'UGX', 0], [840, 'USD', 2],
  [858, 'UYU', 2], [860, 'UZS', 2], [926, 'VED', 2], [928, 'VES', 2], [704, 'VND', 0],
  [548, 'VUV', 0], [882, 'WST', 2], [950, 'XAF', 0], [532, 'XCG', 2], [951, 'XCD', 2],
  [952, 'XOF', 0], [953, 'XPF', 0], [886, 'YER', 2], [710, 'ZAR', 2], [967, 'ZMW', 2],
  [924, 'ZWG', 2],
];

const BY_NUMERIC: ReadonlyMap<number, Currency> = new Map(
  ISO_4217.map(([numeric, alpha, minorDigits]) => [numeric, Object.freeze({ numeric, alpha, minorDigits })]),
);

/** The currency with ISO 4217 numeric code `code` (978 → EUR), or undefined if not active. */
export function currencyByNumeric(code: number): Currency | undefined {
  return BY_NUMERIC.get(code);
}

/** Whether `n` is a Payline amount: a safe integer of minor units from 0 to MAX_AMOUNT. */
export function isValidAmount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0 && n <= MAX_AMOUNT;
}

/**
 * `amount` minor units written in major units with a dot: (33305, 978) → "333.05",
 * (1500, 392) → "1500", (-5, 414) → "-0.005". Throws a TypeError for a non-integer amount
 * or an unknown currency (both are programming errors once input is validated).
 */
export function toMajorString(amount: number, currency: number): string {
  const found = BY_NUMERIC.get(currency);
  if (found === undefined) throw new TypeError(`unknown ISO 4217 currency: ${currency}`);
  if (!Number.isSafeInteger(amount)) throw new TypeError(`amount is not an integer: ${amount}`);
  const digits = found.minorDigits;
  const sign = amount < 0 ? '-' : '';
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
