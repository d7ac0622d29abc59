import type { WalletNotificationSettings } from './wallet-notifications.js';

/**
 * A merchant as the gateway knows it, from the merchants file (or the built-in sandbox).
 * The access key is kept only as a hash (see access-key.ts).
 */
export interface Contract {
  contractNumber: string;
  /** Payline card.type values this contract accepts (CB, VISA, MASTERCARD, AMEX…). */
  cardTypes: string[];
  /** ISO 4217 numeric currency of the contract. */
  currency: number;
  label?: string;
  /** A gift-card contract (card type CADEAU_CARREFOUR, seed 004): its processor settings. */
  giftCard?: GiftCardTerms;
  /** A saved card of this contract is paid only with its CVV typed again (the widget asks for it). */
  walletCvvRequired?: boolean;
}

/** What a gift-card contract tells the processor and the gateway (seed 004). */
export interface GiftCardTerms {
  /** The contract number given by the gift-card processor. */
  processorContractNumber: string;
  /** Food or non-food: sent to the processor without control. */
  contractType: 'food' | 'non-food';
  /** The most gift cards may pay for one basket, minor units: the gateway controls it (02610). */
  maxAmount: number;
  /** Whether discounted gift cards are accepted: sent to the processor, which refuses them otherwise. */
  acceptsDiscounted: boolean;
}

/** The emails a point of sale can send (templates/email/<name>.<lang>.hbs). */
export const MailMessage = {
  PAYMENT_CONFIRMATION_SHOPPER: 'payment-confirmation-shopper',
  PAYMENT_CONFIRMATION_MERCHANT: 'payment-confirmation-merchant',
  REFUND_CONFIRMATION_SHOPPER: 'refund-confirmation-shopper',
  WEBHOOK_ENDPOINT_DISABLED: 'webhook-endpoint-disabled',
  /** To the merchant, per walletNotifications (not `send`): seed 001 "Mail résultat d'enrôlement". */
  SMARTBILL_ENROLLMENT_ACCEPTED: 'smartbill-enrollment-accepted',
  SMARTBILL_ENROLLMENT_REFUSED: 'smartbill-enrollment-refused',
  /** To the merchant, per walletNotifications: seed 001 "Expiration d'une carte dans un portefeuille". */
  WALLET_CARD_EXPIRING: 'wallet-card-expiring',
} as const;
export type MailMessage = (typeof MailMessage)[keyof typeof MailMessage];

/** Languages the emails exist in; the first is the default. */
export const MAIL_LANGUAGES = ['fr', 'en'] as const;

/** Which emails a point of sale sends, from which address, and where the merchant's own copies go. */
export interface PointOfSellEmail {
  /** `Shop <shop@example.com>` or `shop@example.com`. */
  from: string;
  /** The merchant's addresses (merchant confirmations, endpoint alerts). */
  merchantTo: string[];
  send: MailMessage[];
}

export interface PointOfSell {
  id: string;
  label: string;
  /** Where server notifications go when a request names none. */
  notificationURL?: string;
  /** Contract numbers sold at this point of sale (all the merchant's when absent). */
  contracts?: string[];
  /** No emails when absent. */
  email?: PointOfSellEmail;
  /** Wallet and SmartBill notifications by case and channel (wallet-notifications.ts); all the seed offers when absent. */
  walletNotifications?: WalletNotificationSettings;
}

/** The shop's colours and shape for the widget; each maps onto a `--guichet-*` CSS property. */
export interface ShopTheme {
  /** CSS colours `#rgb` or `#rrggbb`. */
  primaryColor?: string;
  backgroundColor?: string;
  textColor?: string;
  /** A CSS length in px or rem, e.g. `6px`. */
  borderRadius?: string;
}

export interface Merchant {
  merchantId: string;
  /** The shop's name, shown to shoppers (widget, challenge page, ticket). */
  name: string;
  /** The shop's logo for the widget, http(s). */
  logoURL?: string;
  theme?: ShopTheme;
  /** `scrypt$<salt hex>$<hash hex>`: never the key itself. */
  accessKeyHash: string;
  notificationURL?: string;
  /** Language of merchant emails, and of shopper emails when the session names none (MAIL_LANGUAGES; fr when absent). */
  defaultLanguage?: string;
  /** Origins allowed to embed the widget; `*` accepts any (the sandbox). */
  widgetOrigins: string[];
  pointsOfSell: PointOfSell[];
  contracts: Contract[];
}

/** The gift-card contract among `contractNumbers`, if any. */
export function giftCardContract(merchant: Merchant, contractNumbers: readonly string[]): (Contract & { giftCard: GiftCardTerms }) | undefined {
  return merchant.contracts.find((c): c is Contract & { giftCard: GiftCardTerms } => c.giftCard !== undefined && contractNumbers.includes(c.contractNumber));
}

/** Finds a merchant's contract by number. */
export function findContract(merchant: Merchant, contractNumber: string): Contract | undefined {
  return merchant.contracts.find((c) => c.contractNumber === contractNumber);
}
