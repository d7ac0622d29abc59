/**
 * <guichet-gift-cards>: the gift-card method (Carte Cadeau, docs/WIDGET-PROTOCOL.md "Gift cards").
 * The shopper types a card's number and secret code; the gateway checks it and reserves what it
 * pays. The cards entered are listed with what each pays and the balance it keeps, each with its
 * remove button, then the amount left to pay: by card (the checkout's card fields pay it), or,
 * when nothing is left, by the confirm button. A refused card is said beside the field at fault
 * (or under the form when a limit is reached) and nothing else changes.
 *
 * Adding and removing talk to the gateway from here (the card's number and code never leave
 * this element but to the gateway); confirming is a payment, so the checkout runs it.
 *
 * @event gift-cards-change - internal, not composed: a card was added or removed, or the gateway
 *   answered that the session ended meanwhile; `detail` `{session, added?, removed?}`.
 * @event gift-cards-confirm - internal, not composed: the confirm button was pressed.
 * @csspart gift-cards - the list of cards entered. @csspart gift-card - one card in it.
 * @csspart gift-card-remove - its remove button. @csspart amount-left - what is left to pay.
 * @csspart gift-card-form - the form. @csspart gift-card-number @csspart gift-card-code - its inputs.
 * @csspart gift-card-add - its submit button. @csspart add-another-button - reopens the form.
 * @csspart confirm-button - pays with the gift cards alone.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatAmount } from '../i18n/format-amount.js';
import type { Translation } from '../i18n/translation.js';
import { addGiftCard, removeGiftCard } from '../protocol/gateway-client.js';
import type { GiftCardEntry, PublicSession, SessionGiftCards } from '../protocol/session.js';
import { giftCardRefusal, type GiftCardField, type GiftCardRefusal } from './gift-card-reason.js';
import { giftCardsStyles } from './gift-cards.styles.js';

/** `gift-cards-change`'s detail. */
export interface GiftCardsChange {
  session: PublicSession;
  /** The entry just added. */
  added?: GiftCardEntry;
  /** A card was removed. */
  removed?: boolean;
}

/** What the shopper typed: spaces and dashes dropped, the rest kept to be judged. */
function digitsOf(value: string): string {
  return value.replace(/[\s-]/g, '');
}

export class GuichetGiftCards extends LitElement {
  static override styles = giftCardsStyles;

  @property({ attribute: false }) t!: Translation;
  /** The gateway's `/widget/` URL and the session's token: where cards are added and removed. */
  @property({ attribute: false }) base!: URL;
  @property() token = '';
  @property({ attribute: false }) giftCards!: SessionGiftCards;
  /** ISO 4217 numeric currency of the session, and the locale amounts are written for. */
  @property({ type: Number }) currency = 978;
  @property() locale = 'en';
  /** A payment is under way: nothing may change. */
  @property({ type: Boolean }) busy = false;
  /** The session takes cards too: what the gift cards leave can be paid by card. */
  @property({ type: Boolean, attribute: 'card-offered' }) cardOffered = true;

  /** The form is open again after "add another card". */
  @state() private adding = false;
  /** A request to the gateway is awaited. */
  @state() private waiting = false;
  @state() private errors: Partial<Record<GiftCardField, string>> = {};
  /** A card came or went: once the checkout hands down the new list, the focus goes to it. */
  private focusListOnChange = false;

  private amount(value: number): string {
    return formatAmount(value, this.currency, this.locale);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.focusListOnChange || !changed.has('giftCards')) return;
    this.focusListOnChange = false;
    // The list's heading, so the shopper hears it; with no card left, the number field.
    const target = this.renderRoot.querySelector<HTMLElement>('#gift-cards-title') ?? this.renderRoot.querySelector<HTMLElement>('#gift-card-number');
    target?.focus();
  }

  private input(id: 'number' | 'code'): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>(`#gift-card-${id}`)!;
  }

  /** Shows `errors` and focuses the first field at fault. */
  private showErrors(errors: Partial<Record<GiftCardField, string>>): void {
    this.errors = errors;
    void this.updateComplete.then(() => {
      if (errors.number) this.input('number').focus();
      else if (errors.code) this.input('code').focus();
    });
  }

  private refusalText(refusal: GiftCardRefusal): string {
    const t = this.t;
    if (refusal.key === 'giftCardMaxAmount') return t.giftCardMaxAmount(this.amount(this.giftCards.maxAmount));
    if (refusal.key === 'giftCardMaxCards') return t.giftCardMaxCards(this.giftCards.maxCards);
    return t[refusal.key];
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy || this.waiting) return;
    const t = this.t;
    const number = digitsOf(this.input('number').value);
    const code = digitsOf(this.input('code').value);
    const errors: Partial<Record<GiftCardField, string>> = {};
    if (number === '') errors.number = t.giftCardNumberRequired;
    else if (!/^\d+$/.test(number)) errors.number = t.giftCardNumberInvalid;
    if (code === '') errors.code = t.giftCardCodeRequired;
    else if (!/^\d+$/.test(code)) errors.code = t.giftCardCodeInvalid;
    if (errors.number || errors.code) return this.showErrors(errors);
    this.errors = {};
    this.waiting = true;
    const answer = await addGiftCard(this.base, this.token, number, code);
    this.waiting = false;
    if (answer.error) return this.showErrors({ form: t.networkError });
    if (answer.result.code !== '00000' || !answer.session || !answer.giftCard) {
      if (this.ended(answer.session)) return;
      const refusal = giftCardRefusal(answer.result.reason);
      return this.showErrors({ [refusal.field]: this.refusalText(refusal) });
    }
    this.input('number').value = '';
    this.input('code').value = '';
    this.adding = false;
    this.changed({ session: answer.session, added: answer.giftCard });
  }

  private async onRemove(entry: GiftCardEntry): Promise<void> {
    if (this.busy || this.waiting) return;
    this.waiting = true;
    const answer = await removeGiftCard(this.base, this.token, entry.id);
    this.waiting = false;
    if (answer.error || !answer.session) return this.showErrors({ form: this.t.networkError });
    if (this.ended(answer.session)) return;
    this.errors = {};
    this.changed({ session: answer.session, removed: true });
  }

  /** The session ended meanwhile (paid, cancelled or expired elsewhere): the checkout shows how. */
  private ended(session: PublicSession | undefined): boolean {
    if (!session || session.state === 'WAITING' || session.state === 'PROCESSING' || session.state === 'AUTHENTICATING') return false;
    this.dispatchEvent(new CustomEvent<GiftCardsChange>('gift-cards-change', { detail: { session } }));
    return true;
  }

  private changed(detail: GiftCardsChange): void {
    this.focusListOnChange = true;
    this.dispatchEvent(new CustomEvent<GiftCardsChange>('gift-cards-change', { detail }));
  }

  /** A field's input: typing again clears what was said about it, and the form's own error. */
  private onInput(field: 'number' | 'code'): void {
    if (!this.errors[field] && !this.errors.form) return;
    const { [field]: _field, form: _form, ...rest } = this.errors;
    this.errors = rest;
  }

  private openForm(): void {
    this.adding = true;
    void this.updateComplete.then(() => this.input('number').focus());
  }

  override render() {
    const { t, giftCards } = this;
    const entries = giftCards.entries;
    const inactive = this.busy || this.waiting;
    return html`
      ${entries.length > 0 ? this.renderList(entries, inactive) : nothing}
      ${giftCards.amountLeft === 0 && entries.length > 0
        ? html`<button type="button" part="confirm-button" class="primary" aria-disabled=${String(inactive)}
            @click=${() => !inactive && this.dispatchEvent(new Event('gift-cards-confirm'))}>
            ${this.busy ? t.processing : t.confirmGiftCards(this.amount(giftCards.coveredAmount))}</button>`
        : entries.length === 0 || this.adding
          ? this.renderForm(inactive)
          : html`<button type="button" part="add-another-button" class="secondary" @click=${() => this.openForm()}>${t.giftCardAddAnother}</button>`}
      <p id="gift-card-form-error" class="error">${this.errors.form ?? ''}</p>
      <p class="visually-hidden" role="status">${Object.values(this.errors).join(' ')}</p>
    `;
  }

  private renderList(entries: GiftCardEntry[], inactive: boolean) {
    const { t, giftCards } = this;
    return html`<section part="gift-cards" aria-labelledby="gift-cards-title">
      <h4 id="gift-cards-title" tabindex="-1">${t.giftCardsEntered}</h4>
      <ul>
        ${entries.map(
          (entry) => html`<li part="gift-card">
            <span class="masked" id="entry-${entry.id}">${entry.maskedNumber}</span>
            <span class="pays">${t.giftCardPays(this.amount(entry.amount))}</span>
            <span class="balance">${t.giftCardBalanceLeft(this.amount(entry.remainingBalance))}</span>
            ${entry.capped ? html`<span class="capped">${t.giftCardCapped(this.amount(giftCards.maxAmount))}</span>` : nothing}
            <button type="button" part="gift-card-remove" class="secondary" aria-describedby="entry-${entry.id}"
              aria-disabled=${String(inactive)} @click=${() => void this.onRemove(entry)}>${t.giftCardRemove}</button>
          </li>`,
        )}
      </ul>
      <p part="amount-left" class="left"><span>${t.amountLeft}</span> <strong>${this.amount(giftCards.amountLeft)}</strong></p>
      ${giftCards.amountLeft > 0 && this.cardOffered ? html`<p class="hint">${t.restByCard(this.amount(giftCards.amountLeft))}</p>` : nothing}
    </section>`;
  }

  private renderForm(inactive: boolean) {
    const { t, errors } = this;
    const field = (id: 'number' | 'code', label: string) => html`<div class="field">
      <label for="gift-card-${id}">${label}</label>
      <input id="gift-card-${id}" part="gift-card-${id}" name="gift-card-${id}" type="text" inputmode="numeric"
        autocomplete="off" spellcheck="false" aria-invalid=${String(errors[id] !== undefined)}
        aria-describedby="gift-card-${id}-error" @input=${() => this.onInput(id)} />
      <p id="gift-card-${id}-error" class="error">${errors[id] ?? ''}</p>
    </div>`;
    return html`<form part="gift-card-form" novalidate @submit=${(event: Event) => void this.onSubmit(event)}>
      <div class="row">${field('number', t.giftCardNumber)}${field('code', t.giftCardCode)}</div>
      <button type="submit" part="gift-card-add" class="secondary" aria-disabled=${String(inactive)}
        aria-describedby="gift-card-form-error">${this.waiting ? t.processing : t.giftCardAdd}</button>
    </form>`;
  }
}
