/**
 * Every text the widget shows, by key: the checkout component, the card-fields page, the result
 * and the ticket. One file per locale implements it (en.ts, fr.ts…); plurals are functions.
 */
export interface Translation {
  /** While the session loads. */
  loading: string;
  /** The pay button: `amount` is already formatted. */
  pay: (amount: string) => string;
  /** Lightbox: the dialog's title, with the shop's name. */
  dialogTitle: (shop: string) => string;
  /** Lightbox: the close button's label. */
  close: string;
  /** The merchant's order reference under the amount. */
  orderRef: (ref: string) => string;
  /** Label of the list (column) or tab list of payment methods. */
  methods: string;
  /** Name of the card method. */
  methodCard: string;
  /** Accessible name of the card-fields iframe. */
  cardFrameTitle: string;
  /** Link back to the merchant's cancelURL, cancelling the payment. */
  cancel: string;
  /** Link back to the merchant (returnURL or cancelURL) once the payment is over. */
  backToShop: string;
  /** ACTIVE_WAITING. */
  processing: string;
  /** Accessible name of the 3-D Secure iframe. */
  challengeTitle: string;
  /** Over the 3-D Secure iframe. */
  challengeHint: string;
  /** Before the page leaves for the bank's 3-D Secure page. */
  redirecting: string;
  /** PAYMENT_SUCCESS heading. */
  accepted: string;
  /** PAYMENT_FAILURE heading. */
  refused: string;
  /** PAYMENT_FAILURE_WITH_RETRY message: `left` attempts remain. */
  refusedRetry: (left: number) => string;
  /** PAYMENT_CANCELED heading. */
  cancelled: string;
  /** TOKEN_EXPIRED heading. */
  expired: string;
  /** The gateway could not be reached. */
  networkError: string;
  /** Why a payment failed, shown under the heading. */
  reasonDeclined: string;
  reasonCardExpired: string;
  reasonFunds: string;
  reasonAuthentication: string;
  reasonTechnical: string;
  /** The ticket (receipt). */
  ticketTitle: string;
  ticketShop: string;
  ticketDate: string;
  ticketCard: string;
  ticketAmount: string;
  ticketAuthorization: string;
  ticketTransaction: string;
  ticketOrder: string;
  showTicket: string;
  print: string;
  /** The card-fields page: its title, labels and hints. */
  fieldsTitle: string;
  number: string;
  expiry: string;
  expiryHint: string;
  cvx: string;
  cvxHint: string;
  /** Amex: the 4-digit CID printed on the front. */
  cvxHintAmex: string;
  cardholder: string;
  /** The co-badged card's network chooser (CB or Visa/Mastercard) and what it announces. */
  network: string;
  networkChosen: (name: string) => string;
  /** Field errors (keys of FieldErrors in the protocol). */
  numberRequired: string;
  numberIncomplete: string;
  numberInvalid: string;
  numberUnknown: string;
  numberNotAccepted: string;
  expiryRequired: string;
  expiryInvalid: string;
  expiryPast: string;
  cvxRequired: string;
  cvxIncomplete: (digits: number) => string;
  cardholderRequired: string;
  /** The gift-card method (Carte Cadeau): its name, fields and buttons. */
  methodGiftCard: string;
  giftCardNumber: string;
  giftCardCode: string;
  giftCardAdd: string;
  giftCardAddAnother: string;
  /** Heading of the list of gift cards entered. */
  giftCardsEntered: string;
  /** In the list: what a card pays, and its balance once the order is paid. */
  giftCardPays: (amount: string) => string;
  giftCardBalanceLeft: (amount: string) => string;
  /** Under a card the basket's maximum (`max`) stopped below its balance. */
  giftCardCapped: (max: string) => string;
  giftCardRemove: string;
  /** What the gift cards leave to pay, and the invitation to pay it by card. */
  amountLeft: string;
  restByCard: (amount: string) => string;
  /** The button completing a payment the gift cards cover entirely. */
  confirmGiftCards: (amount: string) => string;
  /** Announced when a card was added (it pays `amount`) or removed. */
  giftCardAdded: (amount: string) => string;
  giftCardRemoved: string;
  /** Why a gift card was not taken (the gateway's reasons, docs/WIDGET-PROTOCOL.md), by field. */
  giftCardNumberRequired: string;
  giftCardNumberInvalid: string;
  giftCardCodeRequired: string;
  giftCardCodeInvalid: string;
  giftCardUnknown: string;
  giftCardWrongCode: string;
  giftCardExpired: string;
  giftCardBlocked: string;
  giftCardEmpty: string;
  giftCardDiscounted: string;
  giftCardAlreadyEntered: string;
  /** The per-basket maximum of gift cards, `amount`, is reached. */
  giftCardMaxAmount: (amount: string) => string;
  /** `max` gift cards are entered already: no more. */
  giftCardMaxCards: (max: number) => string;
  giftCardNothingLeft: string;
  /** Confirming, the gift cards no longer cover everything. */
  giftCardAmountLeft: string;
  /** Any other refusal of a gift card. */
  giftCardRefused: string;
  /** Ticket lines of an order paid with gift cards: one per gift card, then the card payment. */
  ticketGiftCard: (masked: string) => string;
  ticketCardPayment: (masked: string) => string;
  /** Saved cards (buyer.walletId) and web wallets (MANAGE_WEB_WALLET). The list's label. */
  savedCards: string;
  /** A saved card: its type, masked number and expiry (MM/YY). */
  savedCard: (type: string, number: string, expiry: string) => string;
  /** Beside the default card. */
  defaultCard: string;
  /** The choice of a new card instead of a saved one. */
  useAnotherCard: string;
  /** The checkbox under a new card. */
  saveCard: string;
  /** Accessible name of the iframe asking a saved card's CVV again. */
  cvxFrameTitle: string;
  /** MANAGE_WEB_WALLET: no card yet. */
  walletEmpty: string;
  addCard: string;
  /** The button saving the card typed in the fields. */
  saveNewCard: string;
  makeDefault: string;
  changeExpiry: string;
  /** The new expiry's field label and its save button. */
  newExpiry: string;
  saveExpiry: string;
  removeCard: string;
  /** Ends the web-wallet session. */
  walletDone: string;
  /** The heading once the shopper is done. */
  walletSaved: string;
  /** Said after each change. */
  cardAdded: string;
  cardRemoved: string;
  defaultChanged: string;
  expiryChanged: string;
  /** A change the gateway refused: the card is in the wallet already, or another reason. */
  cardAlreadySaved: string;
  walletChangeFailed: string;
}

/** The keys of Translation whose value is a plain string (field errors among them). */
export type TextKey = { [K in keyof Translation]: Translation[K] extends string ? K : never }[keyof Translation];
