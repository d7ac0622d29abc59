/**
 * <guichet-wallet-manager>: the MANAGE_WEB_WALLET state of a web-wallet session (manageWebWallet,
 * createWebWallet, updateWebWallet): the wallet's cards (masked number, type, expiry, the default
 * marked) and what the session offers: add a card (typed in the gateway's card-fields iframe,
 * `mode=add`, posted by it), change a card's expiry, remove a card, make one the default, be
 * done. Its own chunk, loaded by <guichet-checkout> when the state is first shown.
 *
 * @event wallet-answer - the gateway answered a change: `{answer, done}` (`done`: the Translation key said on success).
 * @csspart wallet - the whole list. @csspart wallet-card - one card. @csspart wallet-button - a card's or the add button.
 * @csspart card-frame - the card-fields iframe. @csspart save-card-button @csspart done-button
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FrameChannel } from '../controllers/frame-channel.js';
import type { TextKey, Translation } from '../i18n/translation.js';
import { changeWallet } from '../protocol/gateway-client.js';
import type { Message } from '../protocol/messages.js';
import type { PayAnswer, PublicSession, SavedCard, WalletAction } from '../protocol/session.js';
import { computedThemeVars } from '../theme.js';
import { describeCard } from '../checkout/saved-cards.component.js';
import { walletManagerStyles } from './wallet-manager.styles.js';

/** The expiry typed as `MM / YY` (or `MMYY`): `MMYY` when it is a real month, else undefined. */
export function expiryOf(typed: string): string | undefined {
  const digits = typed.replace(/\D/g, '');
  return /^(0[1-9]|1[0-2])\d{2}$/.test(digits) ? digits : undefined;
}

export class GuichetWalletManager extends LitElement {
  static override styles = walletManagerStyles;

  @property({ attribute: false }) t!: Translation;
  @property({ attribute: false }) session!: PublicSession;
  /** The gateway's `/widget/` URL. */
  @property({ attribute: false }) gateway!: URL;
  /** The card-fields page's URL with extra parameters (the checkout's). */
  @property({ attribute: false }) fieldsUrl!: (extra: Record<string, string>) => string;

  /** The card-fields iframe is shown to add a card (createWebWallet: from the start). */
  @state() private adding = false;
  /** Bumped after each card added: the next one gets a fresh iframe. */
  @state() private addSerial = 0;
  /** The card whose expiry is being changed. */
  @state() private editing: string | undefined;
  @state() private expiryError = false;
  @state() private busy = false;
  @state() private frameHeight = 0;
  private fieldsValid = false;
  private readonly channel = new FrameChannel(this, (message) => this.onFrameMessage(message));

  private get actions(): readonly WalletAction[] {
    return this.session.wallet?.actions ?? [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && !changed.get('session') && this.session.wallet?.operation === 'createWebWallet') this.adding = true;
  }

  protected override updated(): void {
    this.channel.origin = this.gateway.origin;
    this.channel.frame = this.renderRoot.querySelector<HTMLIFrameElement>('iframe') ?? undefined;
  }

  override render() {
    const { t } = this;
    const cards = this.session.wallet?.cards ?? [];
    const can = (action: WalletAction) => this.actions.includes(action);
    return html`<section part="wallet" aria-labelledby="wallet-title" aria-busy=${String(this.busy)}>
      <h3 id="wallet-title">${t.savedCards}</h3>
      ${cards.length > 0 ? html`<ul>${cards.map((card) => this.renderCard(card))}</ul>` : html`<p class="empty">${t.walletEmpty}</p>`}
      ${can('add') ? this.renderAdd() : nothing}
      ${can('finish') ? html`<button type="button" part="done-button" class="primary" @click=${() => void this.change('finish', undefined, 'walletSaved')}>${t.walletDone}</button>` : nothing}
    </section>`;
  }

  private renderCard(card: SavedCard) {
    const { t } = this;
    const can = (action: WalletAction) => this.actions.includes(action);
    const label = `card-${card.cardInd}`;
    const button = (text: string, onClick: () => void) =>
      html`<button type="button" part="wallet-button" aria-describedby=${label} aria-disabled=${String(this.busy)} @click=${onClick}>${text}</button>`;
    return html`<li part="wallet-card">
      <span id=${label} class="card">${describeCard(t, card)}${card.isDefault ? html` <span class="badge">${t.defaultCard}</span>` : nothing}</span>
      <div class="actions">
        ${can('default') && !card.isDefault ? button(t.makeDefault, () => void this.change(`cards/${card.cardInd}/default`, undefined, 'defaultChanged')) : nothing}
        ${can('update') ? button(t.changeExpiry, () => this.startEditing(card.cardInd)) : nothing}
        ${can('remove') ? button(t.removeCard, () => void this.change(`cards/${card.cardInd}/remove`, undefined, 'cardRemoved')) : nothing}
      </div>
      ${this.editing === card.cardInd ? this.renderExpiryForm(card.cardInd) : nothing}
    </li>`;
  }

  private renderExpiryForm(cardInd: string) {
    const { t } = this;
    const id = `expiry-${cardInd}`;
    return html`<form class="expiry" novalidate @submit=${(event: Event) => this.submitExpiry(event, cardInd)}>
      <label for=${id}>${t.newExpiry}</label>
      <input id=${id} name="expiry" type="text" inputmode="numeric" autocomplete="cc-exp" maxlength="7"
        aria-invalid=${String(this.expiryError)} aria-describedby="${id}-error" />
      <p id="${id}-error" class="error">${this.expiryError ? t.expiryInvalid : ''}</p>
      <button type="submit" part="wallet-button">${t.saveExpiry}</button>
    </form>`;
  }

  private renderAdd() {
    const { t } = this;
    if (!this.adding) return html`<button type="button" part="wallet-button" @click=${() => (this.adding = true)}>${t.addCard}</button>`;
    return html`<div class="add">
      <iframe part="card-frame" title=${t.cardFrameTitle} src=${this.fieldsUrl({ mode: 'add', n: String(this.addSerial) })}
        height=${this.frameHeight} sandbox="allow-scripts allow-same-origin allow-forms" allow="payment"></iframe>
      <button type="button" part="save-card-button" class="primary" aria-disabled=${String(this.busy)} @click=${() => this.submitCard()}>${t.saveNewCard}</button>
    </div>`;
  }

  private startEditing(cardInd: string): void {
    this.editing = this.editing === cardInd ? undefined : cardInd;
    this.expiryError = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#expiry-${cardInd}`)?.focus());
  }

  private submitExpiry(event: Event, cardInd: string): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#expiry-${cardInd}`)!;
    const expirationDate = expiryOf(input.value);
    this.expiryError = expirationDate === undefined;
    if (!expirationDate) return input.focus();
    void this.change(`cards/${cardInd}/expiry`, { expirationDate }, 'expiryChanged').then(() => (this.editing = undefined));
  }

  /** Save: the iframe judges the card (showing its errors) and posts it to the gateway. */
  private submitCard(): void {
    if (this.busy) return;
    if (this.fieldsValid) this.busy = true;
    this.channel.post('guichet:submit', {});
  }

  private onFrameMessage(message: Message): void {
    if (message.type === 'guichet:fields-ready') {
      this.frameHeight = message.height;
      this.channel.post('guichet:set-theme', { vars: computedThemeVars(this) });
    } else if (message.type === 'guichet:fields-state') {
      this.frameHeight = message.height;
      this.fieldsValid = message.valid;
      if (!message.valid) this.busy = false;
    } else if (message.type === 'guichet:submit-request') {
      this.submitCard();
    } else if (message.type === 'guichet:pay-result') {
      this.busy = false;
      if (message.result.code === '02500') {
        this.adding = false;
        this.addSerial++;
      }
      this.answered(message, 'cardAdded');
    }
  }

  private async change(path: string, body: object | undefined, done: TextKey): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const answer = await changeWallet(this.gateway, this.session.token, path, body);
    this.busy = false;
    this.answered(answer, done);
  }

  private answered(answer: PayAnswer, done: TextKey): void {
    this.dispatchEvent(new CustomEvent('wallet-answer', { detail: { answer, done } }));
  }
}
