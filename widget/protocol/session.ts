/**
 * The gateway's JSON as the widget reads it (docs/WIDGET-PROTOCOL.md): the public session view of
 * `GET /widget/sessions/{token}` and the answers of its `pay` and `cancel` endpoints.
 */

/** Payline's `result` object (payline-api.md §3.1); the gift-card endpoints add why a card was refused. */
export interface PaylineResult {
  code: string;
  shortMessage: string;
  longMessage: string;
  /** Gift-card endpoints only: the refusal's reason (GiftCardReason), to word it for the shopper. */
  reason?: string;
}

/** The session's own status on the gateway (not a widget state); AUTHENTICATING: a 3-D Secure challenge waits. */
export type SessionStatus = 'WAITING' | 'PROCESSING' | 'AUTHENTICATING' | 'ACCEPTED' | 'REFUSED' | 'CANCELLED' | 'EXPIRED';

/** A contract the shopper may pay with: its Payline card types (CB, VISA, AMEX…). */
export interface SessionContract {
  contractNumber: string;
  cardTypes: string[];
  label: string;
}

/** Colours and shape the merchants file gives a shop; each maps onto a `--guichet-*` property. */
export interface ShopTheme {
  primaryColor?: string;
  backgroundColor?: string;
  textColor?: string;
  borderRadius?: string;
}

/** Payline's `transaction` as the pay answer carries it (`date` is `dd/mm/yyyy HH:mm:ss`). */
export interface SessionTransaction {
  id: string;
  date: string;
}

/** The masked card (`cardOut`): `number` is the first 6 and last 4 digits with `X` between. */
export interface MaskedCard {
  number: string;
  type?: string;
}

/** Payline's `authorization`: the bank's authorization number. */
export interface SessionAuthorization {
  number: string;
  date?: string;
}

/** A gift card entered in the session: what its reservation pays and what it keeps (minor units). */
export interface GiftCardEntry {
  id: string;
  /** Masked: X's then the last four digits. */
  maskedNumber: string;
  initialBalance: number;
  /** What this card pays, reserved until the payment completes. */
  amount: number;
  remainingBalance: number;
  /** The basket's maximum of gift cards stopped it below what its balance could pay. */
  capped?: boolean;
}

/** The session's gift cards, present when its contracts include a gift-card contract. */
export interface SessionGiftCards {
  contractNumber: string;
  /** The most gift cards may pay for one basket (minor units). */
  maxAmount: number;
  maxCards: number;
  entries: GiftCardEntry[];
  /** The sum of the entries' amounts. */
  coveredAmount: number;
  /** What is left for the complementary card payment: the session's amount less coveredAmount. */
  amountLeft: number;
}

/** The complementary card payment of an order paid partly by gift cards, once accepted. */
export interface SessionComplement {
  transaction: SessionTransaction;
  card?: MaskedCard;
  amount: number;
}

/** A card saved in a wallet, as the widget shows it (masked). */
export interface SavedCard {
  cardInd: string;
  /** First 6 and last 4 digits. */
  number: string;
  type: string;
  /** MMYY. */
  expirationDate: string;
  cardholder?: string;
  isDefault: boolean;
  /** Paying with it asks its CVV again (the card-fields page takes it). */
  cvxRequired: boolean;
}

/** What the shopper may do in a web-wallet session. */
export type WalletAction = 'add' | 'update' | 'remove' | 'default' | 'finish';

/**
 * The session's wallet: a payment's with buyer.walletId (its cards to pay with, and `saveCard`:
 * a new card may be saved), or a web-wallet session's (`operation`, the `actions` it offers,
 * the card it updates).
 */
export interface SessionWallet {
  walletId: string;
  cards: SavedCard[];
  saveCard?: boolean;
  operation?: 'manageWebWallet' | 'createWebWallet' | 'updateWebWallet';
  actions?: WalletAction[];
  cardInd?: string;
  changes?: number;
}

/** What the widget may see of a doWebPayment session (or a web-wallet session). */
export interface PublicSession {
  token: string;
  state: SessionStatus;
  merchantName: string;
  /** Minor units (cents). */
  amount: number;
  /** ISO 4217 numeric (978 EUR). */
  currency: number;
  orderRef: string;
  contracts: SessionContract[];
  attempts: number;
  attemptsLeft: number;
  expiresAt: string;
  languageCode: string | null;
  returnURL: string;
  cancelURL: string;
  sandbox?: boolean;
  shop?: { name: string; logoURL?: string; theme?: ShopTheme };
  /** The last attempt's result, when there was one. */
  result?: PaylineResult;
  transaction?: SessionTransaction;
  authorization?: SessionAuthorization;
  card?: MaskedCard;
  /** While AUTHENTICATING: the page of the challenge waiting for the shopper. */
  challenge?: { url: string };
  /** The gift cards entered, when the session takes gift cards. */
  giftCards?: SessionGiftCards;
  /** Once ACCEPTED, the card payment that paid what the gift cards left. */
  complement?: SessionComplement;
  /** A web-wallet session, or a payment offering the saved cards of buyer.walletId. */
  wallet?: SessionWallet;
}

/** The answer of `POST …/gift-cards` (with the new entry when reserved), of its DELETE and of `…/gift-cards/confirm`. */
export interface GiftCardAnswer {
  result: PaylineResult;
  session?: PublicSession;
  giftCard?: GiftCardEntry;
  transaction?: SessionTransaction;
  /** Set when the gateway could not be reached or answered no JSON. */
  error?: 'network';
}

/** The answer of `POST /widget/sessions/{token}/pay`, as the iframe forwards it (no card digits). */
export interface PayAnswer {
  result: PaylineResult;
  session?: PublicSession;
  transaction?: SessionTransaction;
  authorization?: SessionAuthorization;
  card?: MaskedCard;
  /** 3-D Secure asks the shopper to authenticate on this page. */
  challenge?: { url: string };
  /** A web-wallet change: the index of the card it added. */
  cardInd?: string;
  /** Set by the iframe when the gateway could not be reached or answered no JSON. */
  error?: 'network';
}
