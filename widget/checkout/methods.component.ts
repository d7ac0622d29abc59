/**
 * <guichet-methods>: the payment methods of a session laid out as a column (methods stacked,
 * each under its heading) or as tabs (one tab per method, arrow keys move between them). Each
 * method's content is slotted by <guichet-checkout>, which keeps its iframe alive across layouts.
 *
 * @slot card - the card method: the card-fields iframe and the pay button.
 * @slot giftcard - the gift-card method: <guichet-gift-cards>.
 * @csspart tabs - the tab list. @csspart tab - a tab. @csspart method - a method's section.
 */
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Translation, TextKey } from '../i18n/translation.js';
import type { PublicSession } from '../protocol/session.js';
import { CARD_TYPE_BRANDS } from '../../server/core/card-brand.js';
import { methodsStyles } from './methods.styles.js';

/** A payment method offered to the shopper; `id` is also its slot name. */
export interface PaymentMethod {
  id: 'card' | 'giftcard';
  title: TextKey;
}

/**
 * The methods a session offers: gift cards first when it takes them (they are entered before the
 * card pays the rest), then the card when a contract takes a card type, unless the gift cards
 * entered already pay everything.
 */
export function methodsOf(session: Pick<PublicSession, 'contracts' | 'giftCards'>): PaymentMethod[] {
  const { contracts, giftCards } = session;
  const methods: PaymentMethod[] = giftCards ? [{ id: 'giftcard', title: 'methodGiftCard' }] : [];
  const card = contracts.some((contract) => contract.cardTypes.some((type) => Object.hasOwn(CARD_TYPE_BRANDS, type)));
  const covered = giftCards !== undefined && giftCards.entries.length > 0 && giftCards.amountLeft === 0;
  if (card && !covered) methods.push({ id: 'card', title: 'methodCard' });
  return methods;
}

export class GuichetMethods extends LitElement {
  static override styles = methodsStyles;

  @property({ attribute: false }) methods: PaymentMethod[] = [];
  @property({ attribute: false }) t!: Translation;
  @property() layout: 'column' | 'tab' = 'column';
  @property({ attribute: false }) selected: string | undefined;

  override render() {
    const t = this.t;
    const selected = this.selected ?? this.methods[0]?.id;
    if (this.layout === 'tab') {
      return html`
        <div role="tablist" part="tabs" aria-label=${t.methods} @keydown=${this.onTabKey}>
          ${this.methods.map(
            (method) => html`<button role="tab" part="tab" id="tab-${method.id}" aria-controls="panel-${method.id}"
              aria-selected=${String(method.id === selected)} tabindex=${method.id === selected ? 0 : -1}
              @click=${() => this.select(method.id)}>${t[method.title]}</button>`,
          )}
        </div>
        ${this.methods.map(
          (method) => html`<div role="tabpanel" part="method" id="panel-${method.id}" aria-labelledby="tab-${method.id}"
            ?hidden=${method.id !== selected}><slot name=${method.id}></slot></div>`,
        )}
      `;
    }
    return html`<div role="group" aria-label=${t.methods}>
      ${this.methods.map(
        (method) => html`<section part="method" aria-labelledby="heading-${method.id}">
          <h3 id="heading-${method.id}">${t[method.title]}</h3><slot name=${method.id}></slot></section>`,
      )}
    </div>`;
  }

  private select(id: string): void {
    this.selected = id;
  }

  /** Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern). */
  private onTabKey(event: KeyboardEvent): void {
    const ids = this.methods.map((method) => method.id);
    const index = ids.indexOf((this.selected ?? ids[0]) as PaymentMethod['id']);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: ids.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = ids[(moves[event.key]! + ids.length) % ids.length]!;
    this.select(next);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }
}
