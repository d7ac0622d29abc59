/**
 * <guichet-result>: a final state shown to the shopper: its heading (focused, so screen readers
 * read it), why it failed when it did, the ticket of an accepted payment (at once, or behind a
 * button) and the link back to the shop.
 *
 * @csspart result - the whole view. @csspart result-title - the heading.
 * @csspart ticket-button - shows the ticket. @csspart back-link - back to the shop.
 */
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Translation, TextKey } from '../i18n/translation.js';
import { WidgetState } from './widget-state.js';
import type { TicketData } from './ticket.component.js';
import { resultStyles } from './result.styles.js';

const HEADINGS: Partial<Record<WidgetState, TextKey>> = {
  PAYMENT_SUCCESS: 'accepted',
  PAYMENT_SUCCESS_FORCE_TICKET_DISPLAY: 'accepted',
  PAYMENT_FAILURE: 'refused',
  PAYMENT_CANCELED: 'cancelled',
  TOKEN_EXPIRED: 'expired',
};

export class GuichetResult extends LitElement {
  static override styles = resultStyles;

  @property({ attribute: false }) t!: Translation;
  @property() state: WidgetState = WidgetState.TOKEN_EXPIRED;
  /** Why it failed (Translation key), if known. */
  @property({ attribute: false }) reason: TextKey | undefined;
  @property({ attribute: false }) ticket: TicketData | undefined;
  /** Where the back link goes (returnURL or cancelURL); none when unknown. */
  @property({ attribute: false }) backURL: string | undefined;
  /** A heading other than the state's (a web-wallet session's end: walletSaved). */
  @property({ attribute: false }) heading: TextKey | undefined;
  @state() private ticketShown = false;

  override render() {
    const { t } = this;
    const heading = this.heading ?? HEADINGS[this.state] ?? 'expired';
    const success = this.state === WidgetState.PAYMENT_SUCCESS || this.state === WidgetState.PAYMENT_SUCCESS_FORCE_TICKET_DISPLAY;
    const showTicket = this.state === WidgetState.PAYMENT_SUCCESS_FORCE_TICKET_DISPLAY || this.ticketShown;
    return html`<div part="result" class=${success ? 'success' : 'failure'}>
      <h2 part="result-title" tabindex="-1">${t[heading]}</h2>
      ${this.reason ? html`<p>${t[this.reason]}</p>` : nothing}
      ${success && this.ticket
        ? showTicket
          ? html`<guichet-ticket exportparts="ticket, print-button" .t=${t} .ticket=${this.ticket}></guichet-ticket>`
          : html`<button type="button" part="ticket-button" @click=${() => (this.ticketShown = true)}>${t.showTicket}</button>`
        : nothing}
      ${this.backURL ? html`<a part="back-link" href=${this.backURL}>${t.backToShop}</a>` : nothing}
    </div>`;
  }

  /** Moves focus to the heading, so the outcome is read out. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }
}
