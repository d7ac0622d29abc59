/**
 * <guichet-ticket>: the payment ticket (receipt) of an accepted payment, as Payline shows it
 * (seed 000, Amex: "le résultat et le ticket de paiement"): shop, date, masked card, amount,
 * authorization number, transaction id and order reference; printable.
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

/** What the ticket shows, already formatted; a missing line is left out. */
export interface TicketData {
  shop: string;
  date?: string;
  card?: string;
  amount: string;
  authorization?: string;
  transaction?: string;
  order: string;
}

/** What the ticket needs from the gateway's answers: the session's, or the last pay answer's. */
export type PaymentFacts = Pick<PayAnswer, 'transaction' | 'authorization' | 'card'>;

/** The ticket of `session` paid as `payment` says, written for `locale`. */
export function ticketOf(session: PublicSession, payment: PaymentFacts, locale: string): TicketData {
  const { transaction, authorization, card } = payment;
  return {
    shop: session.shop?.name ?? session.merchantName,
    date: transaction?.date && formatPaylineDate(transaction.date, locale),
    card: card?.number,
    amount: formatAmount(session.amount, session.currency, locale),
    authorization: authorization?.number,
    transaction: transaction?.id,
    order: session.orderRef,
  };
}

const LINES: ReadonlyArray<readonly [keyof TicketData, TextKey]> = [
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
        ${LINES.map(([field, label]) =>
          ticket[field] ? html`<div><dt>${t[label]}</dt><dd>${ticket[field]}</dd></div>` : nothing,
        )}
      </dl>
      <button type="button" part="print-button" @click=${() => window.print()}>${t.print}</button>
    </section>`;
  }
}
