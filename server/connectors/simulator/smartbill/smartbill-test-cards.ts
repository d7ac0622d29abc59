/**
 * The simulator's Amex Recurring test cards (docs/test-cards.md "Amex Recurring"): the enrolment
 * answer per card number. American Express's own refusal codes are not public; these codes and
 * descriptions are Guichet's (the description reaches the merchant as the network gives it).
 */
export interface SmartBillTestCard {
  readonly number: string;
  /** `00` accepted (EA); another code refused (ER). */
  readonly code: string;
  readonly label: string;
}

/** Refusal descriptions by code. */
export const REFUSAL_DESCRIPTIONS: Readonly<Record<string, string>> = {
  '11': 'Card account unknown to American Express',
  '12': 'Card account closed',
  '13': 'Card not eligible for recurring payments',
};

/** Every Amex card outside this table is accepted (EA, code 00). */
export const ACCEPTED_CODE = '00';

export const SMARTBILL_TEST_CARDS: readonly SmartBillTestCard[] = [
  { number: '374200000000004', code: '00', label: 'Enrolment accepted (EA)' },
  { number: '371449635398431', code: '00', label: 'Enrolment accepted (EA)' },
  { number: '374200000000111', code: '11', label: 'Enrolment refused (ER): card account unknown' },
  { number: '374200000000129', code: '12', label: 'Enrolment refused (ER): card account closed' },
  { number: '374200000000137', code: '13', label: 'Enrolment refused (ER): card not eligible' },
];

const BY_NUMBER: ReadonlyMap<string, SmartBillTestCard> = new Map(SMARTBILL_TEST_CARDS.map((card) => [card.number, card]));

/** The enrolment code for a PAN: its test card's, else accepted. */
export function enrolmentCode(pan: string): string {
  return BY_NUMBER.get(pan)?.code ?? ACCEPTED_CODE;
}
