import { CardBrand, detectBrand } from './card-brand.js';
import { CODES } from './result-codes.js';

/**
 * Which cards a wallet may hold on a contract (payline-api.md §5.4): a gift card is spent once at
 * the till, never saved (02511 "Wallet not supported for this card"); an Amex Recurring contract
 * (card type AMEX-REC BILLING, seed 001) enrols Amex cards only (02541 "Card not eligible").
 */

export const AMEX_RECURRING_CARD_TYPE = 'AMEX-REC BILLING';

export interface WalletContractTerms {
  contractNumber: string;
  cardTypes: readonly string[];
  /** The contract is a gift-card contract. */
  isGiftCard: boolean;
}

/**
 * The refusal for saving this card on this contract, or undefined. `digits`: the PAN, or the
 * first digits of a masked one (a card taken from an earlier transaction).
 */
export function walletRefusal(contract: WalletContractTerms, card: { type: string; digits?: string }): { code: string; message: string } | undefined {
  if (contract.isGiftCard) {
    return { code: CODES.WALLET_NOT_SUPPORTED_FOR_CARD, message: `wallet.card.type ${card.type}: contract ${contract.contractNumber} is a gift-card contract, its cards cannot be saved in a wallet` };
  }
  if (!contract.cardTypes.includes(AMEX_RECURRING_CARD_TYPE)) return undefined;
  const brand = card.digits ? detectBrand(card.digits) : undefined;
  if (card.type !== AMEX_RECURRING_CARD_TYPE || (brand !== undefined && brand !== CardBrand.AMEX)) {
    const what = brand !== undefined && brand !== CardBrand.AMEX ? `a ${brand} card` : `card.type ${card.type}`;
    return { code: CODES.CARD_NOT_ELIGIBLE, message: `${what} is not eligible for Amex Recurring contract ${contract.contractNumber} (American Express cards of type ${AMEX_RECURRING_CARD_TYPE} only)` };
  }
  return undefined;
}
