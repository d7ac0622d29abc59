/**
 * <guichet-saved-cards>: the saved cards a payment with buyer.walletId offers, as a group of
 * radio buttons (masked number, type, expiry; the default card marked), and the choice of
 * another card. The checkout shows the CVV field under a card whose contract asks for it.
 *
 * @event saved-card-change - a card was chosen: `{cardInd}`, '' for another card.
 * @csspart saved-cards - the group. @csspart saved-card - one choice.
 */
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Translation } from '../i18n/translation.js';
import type { SavedCard } from '../protocol/session.js';
import { savedCardsStyles } from './saved-cards.styles.js';

/** A saved card in the shopper's words: type, masked number, expiry MM/YY. */
export function describeCard(t: Translation, card: SavedCard): string {
  return t.savedCard(card.type, card.number, `${card.expirationDate.slice(0, 2)}/${card.expirationDate.slice(2)}`);
}

export class GuichetSavedCards extends LitElement {
  static override styles = savedCardsStyles;

  @property({ attribute: false }) t!: Translation;
  @property({ attribute: false }) cards: SavedCard[] = [];
  /** The chosen cardInd; '' for another card. */
  @property({ attribute: false }) selected = '';

  override render() {
    const t = this.t;
    return html`<fieldset part="saved-cards">
      <legend>${t.savedCards}</legend>
      ${this.cards.map((card) => this.choice(card.cardInd, describeCard(t, card), card.isDefault ? t.defaultCard : undefined))}
      ${this.choice('', t.useAnotherCard, undefined)}
    </fieldset>`;
  }

  private choice(value: string, label: string, badge: string | undefined) {
    const id = `saved-${value || 'other'}`;
    return html`<div part="saved-card" class="choice">
      <input type="radio" name="saved-card" id=${id} .value=${value} .checked=${this.selected === value} @change=${() => this.choose(value)} />
      <label for=${id}>${label}${badge ? html` <span class="badge">${badge}</span>` : nothing}</label>
    </div>`;
  }

  private choose(cardInd: string): void {
    this.selected = cardInd;
    this.dispatchEvent(new CustomEvent('saved-card-change', { detail: { cardInd } }));
  }
}
