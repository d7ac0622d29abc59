import type { Merchant } from '../merchants/merchant.js';
import type { CardInput } from './card-input.js';

/**
 * What the web wallets and the widget's saved cards need of a wallet (docs/wallet model: kind
 * `wallet` records): read it, add a card (creating the wallet when asked), change a card's
 * expiry, remove a card, choose the default. The web-wallet service talks only to this seam.
 */

/** A card of a wallet as the web pages show it: masked, with its sealed PAN for a payment. */
export interface SavedCard {
  cardInd: string;
  isDefault: boolean;
  maskedNumber: string;
  type: string;
  /** MMYY. */
  expirationDate: string;
  cardholder?: string;
  contractNumber: string;
  /** The PAN sealed by the card vault: only a payment opens it. */
  panCipher: string;
}

export interface WalletView {
  walletId: string;
  owner: { lastName?: string; firstName?: string; email?: string };
  isDisabled: boolean;
  /** The wallet's active cards, by cardInd. */
  cards: SavedCard[];
}

/** A change's outcome: a Payline code (02500 done; 02503, 02505, 02518, 02521…), and the card concerned. */
export interface WalletChange {
  code: string;
  message?: string;
  cardInd?: string;
  /** The change created the wallet. */
  created?: boolean;
}

export interface AddCardRequest {
  walletId: string;
  contractNumber: string;
  card: CardInput;
  /** The owner a new wallet gets. */
  owner?: WalletView['owner'];
  /** `if-missing`: create the wallet when it does not exist (seed 003); `must`: 02502 when it exists; `never`: 02503 when it does not. */
  create: 'never' | 'if-missing' | 'must';
}

export interface WalletCards {
  get(merchantId: string, walletId: string): Promise<WalletView | undefined>;
  addCard(merchant: Merchant, request: AddCardRequest): Promise<WalletChange>;
  updateExpiry(merchant: Merchant, walletId: string, cardInd: string, expirationDate: string): Promise<WalletChange>;
  removeCard(merchant: Merchant, walletId: string, cardInd: string): Promise<WalletChange>;
  setDefault(merchant: Merchant, walletId: string, cardInd: string): Promise<WalletChange>;
}
