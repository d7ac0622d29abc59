import { currencyByNumeric, toMajorString } from '../core/money.js';
import type { JsonValue } from '../core/payment.js';
import { MAIL_LANGUAGES, MailMessage, type Merchant, type PointOfSellEmail } from '../merchants/merchant.js';
import { pointOfSellFor } from '../merchants/point-of-sell.js';
import type { StoredEvent } from '../store/store.js';
import type { EventSubject } from './event-subject.js';
import { WALLET_MAIL_EVENTS, walletMailsFor } from './wallet-mail-messages.js';

/**
 * Which emails an event causes, pure: payment confirmations to the shopper and the merchant
 * (seed 002, "SUIVI CLIENT"), a refund confirmation to the shopper, and the endpoint-disabled
 * alert to the merchant; each only when the payment's point of sale sends it (merchants file).
 * The shopper's language is the session's languageCode, else the merchant's default; the
 * merchant's is its default. Values are formatted here; the templates only place them.
 */
export interface MailRequest {
  template: MailMessage;
  language: string;
  from: string;
  to: string;
  context: { [key: string]: JsonValue };
}

type Language = (typeof MAIL_LANGUAGES)[number];
const LOCALE: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Why an endpoint was disabled, in words, by the event's reasonCode. */
const DISABLED_BECAUSE: Record<Language, Record<string, string>> = {
  fr: { gone: 'il a répondu 410 Gone', failing: 'toutes ses tentatives échouent depuis 5 jours' },
  en: { gone: 'it answered 410 Gone', failing: 'every attempt to it has failed for 5 days' },
};

/** `fr`, `FR`, `fre`, `en-GB`… → a language the emails exist in, else the fallback. */
export function mailLanguage(code: string | undefined, fallback: string | undefined): Language {
  const pick = (value: string | undefined) => MAIL_LANGUAGES.find((l) => value?.slice(0, 2).toLowerCase() === l);
  return pick(code) ?? pick(fallback) ?? MAIL_LANGUAGES[0];
}

export function mailsFor(event: StoredEvent, subject: EventSubject, merchant: Merchant, timeZone: string): MailRequest[] {
  if (event.type === 'webhook.endpoint.disabled') return endpointDisabled(event, merchant, timeZone);
  if (WALLET_MAIL_EVENTS.includes(event.type)) return walletMailsFor(event, merchant);
  const { payment, session } = subject;
  if (!payment || (event.type !== 'payment.accepted' && event.type !== 'payment.refunded')) return [];
  const email = pointOfSellFor(merchant, payment.contractNumber)?.email;
  if (!email) return [];
  const shopperLanguage = mailLanguage(session?.languageCode, merchant.defaultLanguage);
  const merchantLanguage = mailLanguage(merchant.defaultLanguage, undefined);
  const buyerEmail = typeof payment.buyer?.email === 'string' && /^[^\s@<>]+@[^\s@<>]+$/.test(payment.buyer.email) ? payment.buyer.email : undefined;
  const names = [payment.buyer?.firstName, payment.buyer?.lastName].filter((n): n is string => typeof n === 'string' && n.length > 0);
  // An order paid with gift cards is confirmed for its whole amount (gift cards and card together).
  const amount = typeof event.data.orderAmount === 'number' ? event.data.orderAmount : typeof event.data.amount === 'number' ? event.data.amount : payment.amount;
  const context = (language: Language): MailRequest['context'] => ({
    shopName: merchant.name,
    orderRef: payment.orderRef,
    amount: formatAmount(amount, payment.currency, language),
    date: formatDate(event.occurredAt, language, timeZone),
    cardType: payment.card.type,
    cardNumber: payment.card.maskedNumber,
    transactionId: String(event.data.transactionId ?? payment.id),
    contractNumber: payment.contractNumber,
    ...(payment.authorizationNumber ? { authorizationNumber: payment.authorizationNumber } : {}),
    ...(names.length > 0 ? { buyerName: names.join(' ') } : {}),
    ...(buyerEmail ? { buyerEmail } : {}),
  });
  const mails: MailRequest[] = [];
  const add = (template: MailMessage, to: string | undefined, language: Language) => {
    if (to && email.send.includes(template)) mails.push({ template, language, from: email.from, to, context: context(language) });
  };
  if (event.type === 'payment.accepted') {
    add(MailMessage.PAYMENT_CONFIRMATION_SHOPPER, buyerEmail, shopperLanguage);
    add(MailMessage.PAYMENT_CONFIRMATION_MERCHANT, email.merchantTo.join(', '), merchantLanguage);
  } else {
    add(MailMessage.REFUND_CONFIRMATION_SHOPPER, buyerEmail, shopperLanguage);
  }
  return mails;
}

/** To every address of the points of sale that send the alert, from the first of them. */
function endpointDisabled(event: StoredEvent, merchant: Merchant, timeZone: string): MailRequest[] {
  const senders = merchant.pointsOfSell.map((pos) => pos.email).filter((e): e is PointOfSellEmail => e !== undefined && e.send.includes(MailMessage.WEBHOOK_ENDPOINT_DISABLED));
  const to = [...new Set(senders.flatMap((e) => e.merchantTo))];
  if (senders.length === 0 || to.length === 0) return [];
  const language = mailLanguage(merchant.defaultLanguage, undefined);
  const { url, endpointId, reasonCode, failingSince } = event.data;
  return [
    {
      template: MailMessage.WEBHOOK_ENDPOINT_DISABLED,
      language,
      from: senders[0]!.from,
      to: to.join(', '),
      context: {
        shopName: merchant.name,
        url: String(url),
        endpointId: String(endpointId),
        reason: DISABLED_BECAUSE[language][String(reasonCode)] ?? String(event.data.reason ?? ''),
        ...(typeof failingSince === 'string' ? { failingSince: formatDate(Date.parse(failingSince), language, timeZone) } : {}),
      },
    },
  ];
}

/** 12345, 978, fr → "123,45 €"; exact: the digits come from the integer, never a float sum. */
export function formatAmount(amount: number, currency: number, language: Language): string {
  const alpha = currencyByNumeric(currency)?.alpha;
  if (!alpha) return `${amount} (${currency})`;
  return new Intl.NumberFormat(LOCALE[language], { style: 'currency', currency: alpha }).format(toMajorString(amount, currency) as `${number}`);
}

function formatDate(ms: number, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'long', timeStyle: 'short', timeZone }).format(ms);
}
