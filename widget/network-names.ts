/**
 * Names of the card networks and brands as shoppers know them (Payline card types and
 * server/core/card-brand.ts brands): proper nouns, the same in every language.
 */
export const NETWORK_NAMES: Record<string, string> = {
  CB: 'CB',
  VISA: 'Visa',
  MASTERCARD: 'Mastercard',
  AMEX: 'American Express',
  DINERS: 'Diners Club',
  JCB: 'JCB',
  DISCOVER: 'Discover',
  MAESTRO: 'Maestro',
};
