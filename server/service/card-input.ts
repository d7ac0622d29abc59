import { BRAND_RULES, brandOfPan, cardTypeAcceptsBrand } from '../core/card-brand.js';
import { parseExpiry } from '../core/card-expiry.js';
import { maskPan } from '../core/card-mask.js';
import { isLuhnValid } from '../core/luhn.js';
import type { StoredCard } from '../core/payment.js';
import { CODES } from '../core/result-codes.js';
import type { AcquirerCard } from '../connectors/acquirer.js';
import type { CardVault } from '../crypto/card-vault.js';

/**
 * The gateway's own checks of a card before any acquirer sees it: present, Luhn-valid, of the
 * brand its card.type says, CVV of the brand's length, expiry a real month. A past expiry is left
 * to the acquirer (01101, a refused transaction), as Payline does.
 */
export interface CardInput {
  number?: string;
  type: string;
  expirationDate?: string;
  cvx?: string;
  cardholder?: string;
  /** A card named by its token instead of its number (wallet operations refuse both: 02538). */
  token?: string;
}

export type CheckedCard =
  | { ok: true; acquirerCard: AcquirerCard; storedCard(vault: CardVault): StoredCard }
  | { ok: false; code: string; message: string };

const invalid = (message: string): CheckedCard => ({ ok: false, code: CODES.INVALID_FIELD, message });

export function checkCard(card: CardInput): CheckedCard {
  const { number, expirationDate, cvx, type } = card;
  if (!number) return invalid('card.number is required');
  if (!expirationDate) return invalid('card.expirationDate is required');
  if (!parseExpiry(expirationDate)) return invalid('card.expirationDate must be an expiry date MMYY with a month from 01 to 12');
  if (!isLuhnValid(number)) return { ok: false, code: CODES.INVALID_LUHN, message: 'card.number fails the Luhn check' };
  const brand = brandOfPan(number);
  if (brand !== undefined) {
    if (!cardTypeAcceptsBrand(type, brand)) return invalid(`card.type ${type} does not match the card number (${brand})`);
    const cvvLength = BRAND_RULES[brand].cvvLength;
    if (cvx !== undefined && cvx.length !== cvvLength) return invalid(`card.cvx must be ${cvvLength} digits for ${brand}`);
  }
  const acquirerCard: AcquirerCard = { number, expirationDate, type, ...(cvx !== undefined ? { cvx } : {}) };
  return {
    ok: true,
    acquirerCard,
    // The CVV goes to the acquirer and nowhere else: StoredCard has no place for it.
    storedCard: (vault) => ({
      maskedNumber: maskPan(number),
      type,
      expirationDate,
      ...(card.cardholder ? { cardholder: card.cardholder } : {}),
      panHash: vault.hashPan(number),
      panCipher: vault.encryptPan(number),
    }),
  };
}
