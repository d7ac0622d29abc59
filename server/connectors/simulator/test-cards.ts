/**
 * The simulator's documented test cards (docs/test-cards.md), as data. Every number passes
 * Luhn, matches its brand, and keeps clear of the card-number simulator (payline-api.md §8.2):
 * none has a 9 as 10th digit. Payline publishes no 3-D Secure test cards (§8.4): these are ours.
 */
import type { CardBrand, PaylineCardType } from '../../core/card-brand.js';

/** How the simulated 3-D Secure ACS treats a card (connectors/simulator/acs/acs-outcome.ts). */
export const ThreeDSecureBehaviour = {
  FRICTIONLESS: 'frictionless',
  CHALLENGE_PASS: 'challenge-pass',
  CHALLENGE_FAIL: 'challenge-fail',
  NOT_ENROLLED: 'not-enrolled',
} as const;
export type ThreeDSecureBehaviour = (typeof ThreeDSecureBehaviour)[keyof typeof ThreeDSecureBehaviour];

/** One test card: what to send, and what the simulator answers to an authorization with it. */
export interface TestCard {
  readonly number: string;
  readonly brand: CardBrand;
  /** The Payline card.type to send with it. */
  readonly cardType: PaylineCardType;
  /** A suggested MMYY; the outcome does not depend on it unless it is in the past. */
  readonly expirationDate: string;
  readonly cvx: string;
  /** The acquirer's answer: 00000 (then the amount simulator still applies) or a 01xxx refusal. */
  readonly code: string;
  readonly threeDSecure: ThreeDSecureBehaviour;
  readonly label: string;
}

const { FRICTIONLESS, CHALLENGE_PASS, CHALLENGE_FAIL, NOT_ENROLLED } = ThreeDSecureBehaviour;

/** The table, in the order of docs/test-cards.md. */
export const TEST_CARDS: readonly TestCard[] = [
  // Accepted, one per brand. 4970101122334455 is the Payline SDK fixture card (§8.3).
  { number: '4970101122334455', brand: 'VISA', cardType: 'CB', expirationDate: '1255', cvx: '123', code: '00000', threeDSecure: FRICTIONLESS, label: 'CB (Visa co-badged), accepted: the Payline SDK card' },
  { number: '5132100000000008', brand: 'MASTERCARD', cardType: 'CB', expirationDate: '1255', cvx: '123', code: '00000', threeDSecure: FRICTIONLESS, label: 'CB (Mastercard co-badged), accepted' },
  { number: '4111111111111111', brand: 'VISA', cardType: 'VISA', expirationDate: '1255', cvx: '123', code: '00000', threeDSecure: FRICTIONLESS, label: 'Visa, accepted' },
  { number: '5555555555554444', brand: 'MASTERCARD', cardType: 'MASTERCARD', expirationDate: '1255', cvx: '123', code: '00000', threeDSecure: FRICTIONLESS, label: 'Mastercard (5-series), accepted' },
  { number: '2223003122003222', brand: 'MASTERCARD', cardType: 'MASTERCARD', expirationDate: '1255', cvx: '123', code: '00000', threeDSecure: FRICTIONLESS, label: 'Mastercard (2-series), accepted' },
  { number: '378282246310005', brand: 'AMEX', cardType: 'AMEX', expirationDate: '1255', cvx: '1234', code: '00000', threeDSecure: FRICTIONLESS, label: 'American Express (4-digit CID), accepted' },
  { number: '36227206271667', brand: 'DINERS', cardType: 'DINERS', expirationDate: '1255', cvx: '123', code: '00000', threeDSecure: FRICTIONLESS, label: 'Diners Club (14 digits), accepted' },
  { number: '3566002020360505', brand: 'JCB', cardType: 'JCB', expirationDate: '1255', cvx: '123', code: '00000', threeDSecure: FRICTIONLESS, label: 'JCB, accepted' },
  { number: '6011111111111117', brand: 'DISCOVER', cardType: 'DISCOVER', expirationDate: '1255', cvx: '123', code: '00000', threeDSecure: FRICTIONLESS, label: 'Discover, accepted' },
  { number: '6759649826438453', brand: 'MAESTRO', cardType: 'MAESTRO', expirationDate: '1255', cvx: '123', code: '00000', threeDSecure: FRICTIONLESS, label: 'Maestro, accepted' },
  // Refused by the bank: digits 11–15 spell the code, behind a 0 (not 9) as 10th digit.
  { number: '4000000000011009', brand: 'VISA', cardType: 'VISA', expirationDate: '1255', cvx: '123', code: '01100', threeDSecure: FRICTIONLESS, label: 'Refused: do not honor' },
  { number: '5132100000011161', brand: 'MASTERCARD', cardType: 'MASTERCARD', expirationDate: '1255', cvx: '123', code: '01116', threeDSecure: FRICTIONLESS, label: 'Refused: amount limit (insufficient funds)' },
  { number: '5132100000012011', brand: 'MASTERCARD', cardType: 'CB', expirationDate: '1255', cvx: '123', code: '01201', threeDSecure: FRICTIONLESS, label: 'Refused: card expired, says the bank (the date looks valid)' },
  { number: '4970110000012083', brand: 'VISA', cardType: 'CB', expirationDate: '1255', cvx: '123', code: '01208', threeDSecure: FRICTIONLESS, label: 'Refused: card lost' },
  { number: '4970110000012091', brand: 'VISA', cardType: 'CB', expirationDate: '1255', cvx: '123', code: '01209', threeDSecure: FRICTIONLESS, label: 'Refused: card stolen' },
  // Recurring payments: the bank revokes them; a payment record stops retrying (payline-api.md §9.3).
  { number: '4970110000011325', brand: 'VISA', cardType: 'CB', expirationDate: '1255', cvx: '123', code: '01132', threeDSecure: FRICTIONLESS, label: 'Refused: this recurring payment is revoked (stop retrying)' },
  { number: '4970110000011333', brand: 'VISA', cardType: 'CB', expirationDate: '1255', cvx: '123', code: '01133', threeDSecure: FRICTIONLESS, label: 'Refused: every payment of this card is revoked (stop retrying)' },
  { number: '4970110000011010', brand: 'VISA', cardType: 'CB', expirationDate: '0120', cvx: '123', code: '01101', threeDSecure: FRICTIONLESS, label: 'Refused: card expired (January 2020)' },
  // 3-D Secure: the authorization is accepted; the ACS behaviour differs.
  { number: '4970103000000018', brand: 'VISA', cardType: 'CB', expirationDate: '1255', cvx: '123', code: '00000', threeDSecure: FRICTIONLESS, label: '3-D Secure: frictionless' },
  { number: '4970103000000026', brand: 'VISA', cardType: 'CB', expirationDate: '1255', cvx: '123', code: '00000', threeDSecure: CHALLENGE_PASS, label: '3-D Secure: challenge, passed' },
  { number: '4970103000000034', brand: 'VISA', cardType: 'CB', expirationDate: '1255', cvx: '123', code: '00000', threeDSecure: CHALLENGE_FAIL, label: '3-D Secure: challenge, failed' },
  { number: '4970103000000042', brand: 'VISA', cardType: 'CB', expirationDate: '1255', cvx: '123', code: '00000', threeDSecure: NOT_ENROLLED, label: '3-D Secure: card not enrolled' },
];

const BY_NUMBER: ReadonlyMap<string, TestCard> = new Map(TEST_CARDS.map((card) => [card.number, card]));

/** The test card with this number, if it is one. */
export function findTestCard(pan: string): TestCard | undefined {
  return BY_NUMBER.get(pan);
}
