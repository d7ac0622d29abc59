/**
 * The event types a merchant can subscribe a webhook endpoint to, with what each means. Later
 * features add theirs here (wallets, billing…); an endpoint naming a type not listed is refused.
 */
export const EVENT_TYPES: Readonly<Record<string, string>> = {
  'payment.accepted': 'A payment was authorized (a web payment, doAuthorization, doDebit…).',
  'payment.refused': 'A payment attempt was refused (01xxx, 02xxx, 03xxx, 04xxx code).',
  'payment.captured': 'Money was captured (doCapture, or the deferred capture of a DIF payment).',
  'payment.refunded': 'Money was refunded (doRefund), in whole or in part.',
  'payment.reset': 'An authorization was released or a capture voided (doReset).',
  'payment.credited': 'A card was credited (doCredit).',
  'payment.cancelled': 'The shopper cancelled a web payment (02319).',
  'session.expired': 'A web payment session ended unpaid (02324).',
  'wallet.created': 'A wallet was created (createWallet), with its first card.',
  'wallet.updated': 'A wallet changed (updateWallet): a card added or updated, the owner changed.',
  'wallet.disabled': 'A wallet, or one of its cards (cardInd), was disabled (disableWallet).',
  'wallet.enabled': 'A wallet, or one of its cards (cardInd), was enabled again (enableWallet).',
  'wallet.card_status_changed': 'A wallet card’s status changed (Amex Recurring enrolment, a network update).',
  'wallet.web.finished': 'A web-wallet session ended: the shopper was done (manageWebWallet, updateWebWallet) or saved the card (createWebWallet).',
  'wallet.web.cancelled': 'The shopper cancelled a web-wallet session (02536); the changes made before stay.',
  'wallet.web.expired': 'A web-wallet session ended unfinished (02535).',
  'billing.succeeded': 'A due date of an NX or REC payment record was paid.',
  'billing.failed': 'A due date of an NX or REC payment record was refused (retryAt says when it is tried again, if it is).',
  'payment_record.disabled': 'A payment record was disabled: by the merchant, or because the bank revoked it (01132, 01133).',
  'webhook.endpoint.disabled': 'One of the merchant’s webhook endpoints was disabled (410, or failing for 5 days).',
  'wallet.card_expiring': 'A saved card expires within two months (the expiring-cards alert).',
};

export function isEventType(type: string): boolean {
  return Object.hasOwn(EVENT_TYPES, type);
}
