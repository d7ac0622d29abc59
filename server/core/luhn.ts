/**
 * The Luhn (mod 10) check of card numbers, as worked through in payline-api.md §8.2:
 * from the right, every second digit is doubled (minus 9 above 9) and the sum must end in 0.
 */

const DIGITS = /^\d+$/;

/** The Luhn sum of `digits`, doubling from the rightmost digit when `doubleRightmost`. */
function luhnSum(digits: string, doubleRightmost: boolean): number {
  let sum = 0;
  for (let i = digits.length - 1, double = doubleRightmost; i >= 0; i--, double = !double) {
    const digit = digits.charCodeAt(i) - 48;
    const value = double ? digit * 2 : digit;
    sum += value > 9 ? value - 9 : value;
  }
  return sum;
}

/**
 * The check digit to append to `payload` (digits only) to make a Luhn-valid number:
 * `luhnCheckDigit('497010346901206')` is `'6'` (payline-api.md §8.2). Throws on a non-digit.
 */
export function luhnCheckDigit(payload: string): string {
  if (!DIGITS.test(payload)) throw new RangeError('a Luhn payload is made of digits only');
  return String((10 - (luhnSum(payload, true) % 10)) % 10);
}

/** Whether `pan` is at least two digits, digits only, with a correct Luhn check digit. */
export function isLuhnValid(pan: string): boolean {
  return pan.length >= 2 && DIGITS.test(pan) && luhnSum(pan, false) % 10 === 0;
}
