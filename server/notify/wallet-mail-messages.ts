import { MAIL_LANGUAGES, MailMessage, type Merchant } from '../merchants/merchant.js';
import { pointOfSellFor } from '../merchants/point-of-sell.js';
import { receivesWalletNotification, WalletNotificationCase } from '../merchants/wallet-notifications.js';
import type { StoredEvent } from '../store/store.js';
import type { MailRequest } from './mail-messages.js';
import { CARD_EXPIRING, CARD_STATUS_CHANGED, walletNotificationCase } from './wallet-notification-cases.js';

/**
 * The wallet emails, pure: the SmartBill enrolment result (seed 001 "Mail résultat d'enrôlement",
 * accepted or refused) and the expiring card (seed 001 "Expiration d'une carte dans un
 * portefeuille"), to the merchant's addresses of the wallet contract's point of sale, in the
 * merchant's language, when the point of sale receives that case by email.
 */
export const WALLET_MAIL_EVENTS: readonly string[] = [CARD_STATUS_CHANGED, CARD_EXPIRING];

type Language = (typeof MAIL_LANGUAGES)[number];

function languageOf(merchant: Merchant): Language {
  return MAIL_LANGUAGES.find((l) => l === merchant.defaultLanguage) ?? MAIL_LANGUAGES[0];
}

export function walletMailsFor(event: StoredEvent, merchant: Merchant): MailRequest[] {
  const which = walletNotificationCase(event);
  const contract = typeof event.data.contractNumber === 'string' ? event.data.contractNumber : undefined;
  const pos = pointOfSellFor(merchant, contract);
  const email = pos?.email;
  if (!which || !email || email.merchantTo.length === 0 || !receivesWalletNotification(pos, which, 'email')) return [];
  const template = templateOf(which, event);
  if (!template) return [];
  const { walletId, cardInd, resultCode, resultDescription, maskedNumber, expirationDate, cardType } = event.data;
  const expiry = typeof expirationDate === 'string' ? `${expirationDate.slice(0, 2)}/${expirationDate.slice(2)}` : undefined;
  return [
    {
      template,
      language: languageOf(merchant),
      from: email.from,
      to: email.merchantTo.join(', '),
      context: {
        shopName: merchant.name,
        walletId: String(walletId),
        ...(typeof cardInd === 'number' ? { cardInd } : {}),
        ...(typeof resultCode === 'string' ? { resultCode } : {}),
        ...(typeof resultDescription === 'string' ? { resultDescription } : {}),
        ...(typeof maskedNumber === 'string' ? { cardNumber: maskedNumber } : {}),
        ...(typeof cardType === 'string' ? { cardType } : {}),
        ...(expiry ? { expirationDate: expiry } : {}),
      },
    },
  ];
}

function templateOf(which: WalletNotificationCase, event: StoredEvent): MailMessage | undefined {
  if (which === WalletNotificationCase.CARD_EXPIRING) return MailMessage.WALLET_CARD_EXPIRING;
  if (which !== WalletNotificationCase.SMARTBILL_ENROLL_RESULT) return undefined;
  return event.data.cardStatus === 'EA' ? MailMessage.SMARTBILL_ENROLLMENT_ACCEPTED : MailMessage.SMARTBILL_ENROLLMENT_REFUSED;
}
