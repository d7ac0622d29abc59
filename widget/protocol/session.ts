/**
 * The gateway's JSON as the widget reads it (docs/WIDGET-PROTOCOL.md): the public session view of
 * `GET /widget/sessions/{token}` and the answers of its `pay` and `cancel` endpoints.
 */

/** Payline's `result` object (payline-api.md §3.1). */
export interface PaylineResult {
  code: string;
  shortMessage: string;
  longMessage: string;
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
  wallet?: SessionWallet;
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
