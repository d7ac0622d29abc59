/**
 * <guichet-ticket>: the payment ticket (receipt) of an accepted payment, as Payline shows it
 * (seed 000, Amex: "le résultat et le ticket de paiement"): shop, date, masked card, amount,
 * authorization number, transaction id and order reference; printable. An order paid with gift
 * cards lists each gift card (masked) with what it paid, then the card payment of the rest.
 *
 * @csspart ticket - the receipt. @csspart print-button - the print button.
 */
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { formatAmount } from '../i18n/format-amount.js';
import { formatPaylineDate } from '../i18n/format-date.js';
import type { Translation, TextKey } from '../i18n/translation.js';
import type { PayAnswer, PublicSession } from '../protocol/session.js';
import { ticketStyles } from './ticket.styles.js';

/** One part of an order paid with gift cards: a gift card, or the card that paid the rest. */
export type TicketPart =
  | { kind: 'giftCard'; /** Masked number. */ card: string; amount: string }
  /** `card` (masked) is unknown when only a live event told the payment. */
  | { kind: 'card'; card?: string; amount: string };

/** The card type of gift cards: a session's own `card` once paid by them alone (docs/WIDGET-PROTOCOL.md). */
const GIFT_CARD_TYPE = 'CADEAU_CARREFOUR';

/** What the ticket shows, already formatted; a missing line is left out. */
export interface TicketData {
  shop: string;
  date?: string;
  card?: string;
  /** Paid with gift cards: each gift card, then the card payment if any (`card` is then left out). */
  parts?: TicketPart[];
  amount: string;
  authorization?: string;
  transaction?: string;
  order: string;
}

/** What the ticket needs from the gateway's answers: the session's, or the last pay answer's. */
export type PaymentFacts = Pick<PayAnswer, 'transaction' | 'authorization' | 'card'>;

/**
 * The parts of an order paid with gift cards: each card entered with what it paid, then the card
 * payment of the rest (the session's complement, else what the gift cards left and the card paid).
 */
function partsOf(session: PublicSession, payment: PaymentFacts, locale: string): TicketPart[] | undefined {
  const giftCards = session.giftCards;
  if (!giftCards || giftCards.entries.length === 0) return undefined;
  const money = (amount: number) => formatAmount(amount, session.currency, locale);
  const parts: TicketPart[] = giftCards.entries.map((entry) => ({ kind: 'giftCard' as const, card: entry.maskedNumber, amount: money(entry.amount) }));
  // The complement's card; a live event's ticket carries the order's (gift-card) card, not the card payment's.
  const card = session.complement?.card ?? (payment.card?.type === GIFT_CARD_TYPE ? undefined : payment.card);
  const rest = session.complement?.amount ?? giftCards.amountLeft;
  if (rest > 0) parts.push({ kind: 'card', card: card?.number, amount: money(rest) });
  return parts;
}

/** The ticket of `session` paid as `payment` says, written for `locale`. */
export function ticketOf(session: PublicSession, payment: PaymentFacts, locale: string): TicketData {
  const { authorization, card } = payment;
  const parts = partsOf(session, payment, locale);
  // Paid with gift cards, the order's transaction is the gift-card one (the session's), not the card payment's.
  const transaction = (parts && session.state === 'ACCEPTED' ? session.transaction : undefined) ?? payment.transaction;
  return {
    shop: session.shop?.name ?? session.merchantName,
    date: transaction?.date && formatPaylineDate(transaction.date, locale),
    card: parts ? undefined : card?.number,
    parts,
    amount: formatAmount(session.amount, session.currency, locale),
    authorization: authorization?.number,
    transaction: transaction?.id,
    order: session.orderRef,
  };
}

const LINES: ReadonlyArray<readonly [Exclude<keyof TicketData, 'parts'>, TextKey]> = [
  ['shop', 'ticketShop'],
  ['date', 'ticketDate'],
  ['card', 'ticketCard'],
  ['amount', 'ticketAmount'],
  ['authorization', 'ticketAuthorization'],
  ['transaction', 'ticketTransaction'],
  ['order', 'ticketOrder'],
];

export class GuichetTicket extends LitElement {
  static override styles = ticketStyles;

  @property({ attribute: false }) t!: Translation;
  @property({ attribute: false }) ticket!: TicketData;

  override render() {
    const { t, ticket } = this;
    return html`<section part="ticket" aria-labelledby="ticket-title">
      <h3 id="ticket-title">${t.ticketTitle}</h3>
      <dl>
        ${LINES.map(([field, label]) => html`${ticket[field] ? html`<div><dt>${t[label]}</dt><dd>${ticket[field]}</dd></div>` : nothing}
          ${field === 'card' ? ticket.parts?.map((part) => html`<div class="part">
            <dt>${part.kind === 'giftCard' ? t.ticketGiftCard(part.card) : part.card ? t.ticketCardPayment(part.card) : t.methodCard}</dt><dd>${part.amount}</dd></div>`) : nothing}`)}
      </dl>
      <button type="button" part="print-button" @click=${() => window.print()}>${t.print}</button>
    </section>`;
  }
}
