/**
 * <guichet-checkout token="…" locale="fr" layout="column|tab|lightbox">: reads the session of its
 * token from the gateway, shows the shop, the amount and the methods, takes the payment through
 * the gateway's card-fields iframe (the card never reaches this page), runs 3-D Secure and shows
 * the result and its ticket. A session taking gift cards offers them first (gift-cards.component.ts):
 * the card then pays what they leave, or, when they cover everything, a confirm button pays.
 * States and callbacks follow Payline's widget (payline-api.md §6).
 * While the session is open it follows it live over socket.io (controllers/live-session.ts):
 * what happens in another window or tab, or the expiry, shows without polling.
 *
 * Attributes: `token`; `locale` (else the session's languageCode, else the browser's);
 * `layout` column | tab | lightbox; `embedded-redirection-allowed` ("false": 3-D Secure by
 * full-page redirect); `force-ticket` (PAYMENT_SUCCESS_FORCE_TICKET_DISPLAY); `gateway` (origin,
 * default: where this script came from); `nonce` (strict CSP: given to Lit for any <style> it
 * must write where constructed stylesheets are missing).
 *
 * @event guichet-will-show - the session is read, its state about to show.
 * @event guichet-state - a state was shown: `{state, previous}`.
 * @event guichet-final-state - cancelable, a final state is about to show: cancel to take over.
 * @event guichet-message - cancelable, a message is about to show: `{id, type, key, message}`.
 * @event guichet-message-remove - a message is about to go: `{id}`.
 * @event guichet-before-payment - the card is valid (or the gift cards cover everything) and the payment starts.
 *
 * @csspart base - everything but the lightbox's dialog frame. @csspart header - logo, shop, amount.
 * @csspart logo @csspart shop @csspart amount @csspart order
 * @csspart message - the message line (a polite live region).
 * @csspart card-frame - the card-fields iframe (or a saved card's CVV). @csspart pay-button @csspart cancel-link
 * @csspart save-card - the "save this card" checkbox (buyer.walletId).
 * @csspart open-button - lightbox: opens the dialog. @csspart dialog @csspart close-button
 * Exported from the nested elements: tabs, tab, method (methods.component.ts); gift-cards,
 * gift-card, gift-card-remove, amount-left, gift-card-form, gift-card-number, gift-card-code,
 * gift-card-add, add-another-button, confirm-button (gift-cards.component.ts); challenge,
 * challenge-frame, challenge-link (challenge.component.ts); result, result-title, ticket-button,
 * back-link (result.component.ts); ticket, print-button (ticket.component.ts); saved-cards,
 * saved-card (saved-cards.component.ts); wallet, wallet-card, wallet-button, save-card-button,
 * done-button (wallet/wallet-manager.component.ts, MANAGE_WEB_WALLET).
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { emit, type MessageDetail } from '../events.js';
import { FrameChannel } from '../controllers/frame-channel.js';
import { LiveSession } from '../controllers/live-session.js';
import { LocaleController } from '../controllers/locale.js';
import { formatAmount } from '../i18n/format-amount.js';
import { DEFAULT_LOCALE } from '../i18n/locales.js';
import type { TextKey, Translation } from '../i18n/translation.js';
import { cancelSession, confirmGiftCards, paySavedCard, readSession } from '../protocol/gateway-client.js';
import type { FieldsState, Message } from '../protocol/messages.js';
import type { PayAnswer, PaylineResult, PublicSession, SavedCard } from '../protocol/session.js';
import type { SessionState } from '../../server/notify/socket-protocol.js';
import { contextInfo } from '../payline/context-info.js';
import { computedThemeVars, shopThemeVars, themeRule } from '../theme.js';
import { checkoutStyles } from './checkout.styles.js';
import { trapTab } from './focus-trap.js';
import { giftCardRefusal } from './gift-card-reason.js';
import type { GiftCardsChange } from './gift-cards.component.js';
import { methodsOf } from './methods.component.js';
import type { GuichetResult } from './result.component.js';
import { reasonKey } from './result-reason.js';
import { ticketOf, type PaymentFacts } from './ticket.component.js';
import { WidgetState, isFinal, isPayable, resultOfLive, stateAfterPayment, stateOfLive, stateOfSession } from './widget-state.js';

/** The layouts of Payline's `data-template` that render a widget. */
export type Layout = 'column' | 'tab' | 'lightbox';

/** The gateway this script was served by: the default of `gateway`. */
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

export class GuichetCheckout extends LitElement {
  static override styles = checkoutStyles;

  @property() token = '';
  @property() locale = '';
  @property({ reflect: true }) layout: Layout = 'column';
  @property({ attribute: 'embedded-redirection-allowed', converter: (value) => value !== 'false' })
  embeddedRedirectionAllowed = true;
  @property({ type: Boolean, attribute: 'force-ticket' }) forceTicket = false;
  @property() gateway = SCRIPT_ORIGIN;

  /** The session as last read from the gateway. */
  @state() session: PublicSession | undefined;
  @state() private widgetState: WidgetState | undefined;
  /** Bumped on each state entered, so re-entering a state is shown (and announced) again. */
  @state() private stateSerial = 0;
  @state() private fields: FieldsState | undefined;
  @state() private frameHeight = 0;
  /** The card-fields page's query: token, origin, locale (a mode is added for a saved card's CVV). */
  @state() private fieldsQuery = '';
  /** The saved card chosen (buyer.walletId), '' for a new card. */
  @state() private savedChoice = '';
  /** "Save this card" is ticked. */
  @state() private saveCard = false;
  /** The web-wallet manager's chunk is loaded (MANAGE_WEB_WALLET). */
  @state() private walletManagerReady = false;
  /** The 3-D Secure challenge shown: in an iframe (embedded), else behind a link to leave for it. */
  @state() private challenge: { url: string; embedded: boolean } | undefined;
  @state() private message: MessageDetail | undefined;
  @state() private payment: PaymentFacts = {};
  @state() private result: PaylineResult | undefined;
  /** The merchant cancelled guichet-final-state: it shows the outcome itself. */
  @state() private takenOver = false;

  private readonly i18n = new LocaleController(this);
  private readonly cardChannel = new FrameChannel(this, (message) => this.onCardMessage(message));
  /** The session's live events while it is open: what happens in another window shows here. */
  private readonly live = new LiveSession(this, (state) => this.onLiveState(state));
  private readonly themeSheet = new CSSStyleSheet();
  private previousState: WidgetState | undefined;
  /** The state a payment started from, while its answer is awaited. */
  private payingFrom: WidgetState | undefined;
  /** The payment awaited is the gift cards' confirmation, not the card fields'. */
  private confirming = false;
  private loads = 0;
  private messages = 0;
  private hadFocus = false;
  /** show() came before the lightbox was rendered: open it once it is. */
  private openWhenRendered = false;

  /** The state shown (Payline's name), undefined while loading. */
  get currentState(): WidgetState | undefined {
    return this.widgetState;
  }

  /** The gateway's `/widget/` URL, base of every endpoint and of the fields page. */
  private get base(): URL {
    return new URL('/widget/', this.gateway);
  }

  override connectedCallback(): void {
    const global = window as { litNonce?: string };
    if (this.nonce && !global.litNonce) global.litNonce = this.nonce;
    super.connectedCallback();
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot() as ShadowRoot;
    if (root.adoptedStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.themeSheet];
    return root;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.hadFocus = this.matches(':focus-within');
    if ((changed.has('token') || changed.has('gateway')) && this.token) void this.load();
    else if (changed.has('locale') && this.session) void this.switchLocale();
  }

  protected override updated(changed: PropertyValues): void {
    this.cardChannel.origin = this.base.origin;
    this.cardChannel.frame = this.renderRoot.querySelector<HTMLIFrameElement>('#card-frame') ?? undefined;
    if (this.openWhenRendered) this.show();
    if (changed.has('challenge') && this.challenge && this.hadFocus) this.renderRoot.querySelector('guichet-challenge')?.focus();
    if (!changed.has('stateSerial') || !this.widgetState) return;
    emit(this, 'guichet-state', { state: this.widgetState, previous: this.previousState });
    const result = this.renderRoot.querySelector<GuichetResult>('guichet-result');
    if (result && (this.hadFocus || this.dialog?.open)) void result.updateComplete.then(() => result.focusHeading());
  }

  /** (Re)starts from the gateway's session: the JS API's init. */
  init(): void {
    void this.load();
  }

  /** Starts again, with another token or layout if given (Payline.Api.reset). */
  reset(token?: string, layout?: Layout): void {
    if (layout) this.layout = layout;
    if (token && token !== this.token) this.token = token;
    else void this.load();
  }

  /** The lightbox's dialog, once rendered. */
  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Opens the lightbox (as soon as it is rendered), or shows the widget (Payline.Api.show). */
  show(): void {
    if (this.layout !== 'lightbox') {
      this.hidden = false;
      return;
    }
    const dialog = this.dialog;
    this.openWhenRendered = !dialog;
    if (dialog && !dialog.open) dialog.showModal();
  }

  /** Closes the lightbox, or hides the widget (Payline.Api.hide). */
  hide(): void {
    if (this.layout === 'lightbox') this.dialog?.close();
    else this.hidden = true;
  }

  /** Payline.Api.getContextInfo: amount, currency, order facts by Payline's key. */
  getContextInfo(key: string): string | number | undefined {
    return contextInfo(this.session, key, this.getLanguage());
  }

  /** The language shown (fr, en…). */
  getLanguage(): string {
    return this.i18n.locale ?? DEFAULT_LOCALE;
  }

  /** Whether the session belongs to the gateway's sandbox. */
  isSandbox(): boolean {
    return this.session?.sandbox === true;
  }

  /** The merchant's URLs, under the names Magento reads. */
  getCancelAndReturnUrls(): { cancelUrl: string | undefined; returnUrl: string | undefined } {
    return { cancelUrl: this.session?.cancelURL, returnUrl: this.session?.returnURL };
  }

  /** Reads the session afresh and shows its state; the first read fires guichet-will-show. */
  private async load(): Promise<void> {
    const load = ++this.loads;
    const first = this.widgetState === undefined;
    const read = await readSession(this.base, this.token);
    if (load !== this.loads) return;
    const session = read.ok ? read.session : undefined;
    await this.i18n.use([this.locale, session?.languageCode]);
    if (load !== this.loads) return;
    if (!read.ok && read.reason === 'network') return this.say('error', 'networkError');
    this.session = session;
    if (session) {
      this.themeSheet.replaceSync(themeRule(':host', shopThemeVars(session.shop?.theme)));
      if (session.transaction || session.card) this.payment = session;
      this.result = session.result;
      this.fieldsQuery ||= new URLSearchParams({ token: session.token, origin: location.origin, locale: this.getLanguage() }).toString();
      const cards = this.savedCards();
      if (first || !cards.some((c) => c.cardInd === this.savedChoice)) this.savedChoice = (cards.find((c) => c.isDefault) ?? cards[0])?.cardInd ?? '';
    }
    if (first) emit(this, 'guichet-will-show', {});
    const next = session ? stateOfSession(session, this.forceTicket) : WidgetState.TOKEN_EXPIRED;
    // A challenge still waiting (the page was reloaded): shown again, but never left for unasked.
    this.challenge = undefined;
    if (session?.challenge && next === WidgetState.ACTIVE_WAITING) this.startChallenge(session.challenge.url, false);
    this.enter(next);
  }

  /** The card-fields page's URL, with `extra` parameters (`mode`, `card`). */
  fieldsUrl(extra: Record<string, string> = {}): string {
    const query = new URLSearchParams(this.fieldsQuery);
    for (const [name, value] of Object.entries(extra)) query.set(name, value);
    return new URL(`fields.html?${query}`, this.base).href;
  }

  /** The saved cards a payment offers (none for a web-wallet session). */
  private savedCards(): SavedCard[] {
    const wallet = this.session?.wallet;
    return wallet && !wallet.operation ? wallet.cards : [];
  }

  /** The saved card chosen to pay with, if any. */
  private chosenCard(): SavedCard | undefined {
    return this.savedCards().find((c) => c.cardInd === this.savedChoice);
  }

  private chooseSaved(cardInd: string): void {
    this.savedChoice = cardInd;
    // Another iframe comes (the CVV's or the card's): its state is not known yet.
    this.fields = undefined;
    this.frameHeight = 0;
  }

  private async switchLocale(): Promise<void> {
    await this.i18n.use([this.locale, this.session?.languageCode]);
    this.cardChannel.post('guichet:set-locale', { locale: this.getLanguage() });
  }

  /** Shows `next`; a final state first asks the merchant (guichet-final-state). An open session is followed live. */
  private enter(next: WidgetState, again = next === WidgetState.PAYMENT_FAILURE_WITH_RETRY): void {
    if (isFinal(next) || !this.session || next === WidgetState.MANAGE_WEB_WALLET) this.live.stop();
    else void this.live.follow(this.base.origin, this.session.token);
    if (next === WidgetState.MANAGE_WEB_WALLET && !this.walletManagerReady) {
      // The web-wallet manager is its own chunk: pages that only take payments never load it.
      void import('../wallet/wallet-manager.js').then(() => (this.walletManagerReady = true));
    }
    if (next === this.widgetState && !again) return;
    if (this.message) this.unsay();
    this.previousState = this.widgetState;
    this.widgetState = next;
    this.stateSerial++;
    if (isFinal(next)) this.takenOver = !emit(this, 'guichet-final-state', { state: next }, true);
    if (next === WidgetState.PAYMENT_FAILURE_WITH_RETRY && this.session) {
      const reason = reasonKey(this.result);
      const t = this.i18n.t!;
      this.say('error', 'refusedRetry', [reason && t[reason], t.refusedRetry(this.session.attemptsLeft)].filter(Boolean).join(' '));
    }
  }

  /** Shows a message unless a guichet-message listener cancels it (willdisplaymessage); a key of a function needs its `text`. */
  private say(type: MessageDetail['type'], key: keyof Translation, text?: string): void {
    if (this.message) this.unsay();
    const detail = { id: `guichet-message-${++this.messages}`, type, key, message: text ?? this.i18n.t![key as TextKey] };
    if (emit(this, 'guichet-message', detail, true)) this.message = detail;
  }

  private unsay(): void {
    emit(this, 'guichet-message-remove', { id: this.message!.id });
    this.message = undefined;
  }

  /**
   * Pay: an invalid form shows its errors (the iframe judges); a valid one is paid. A saved card
   * whose CVV is not asked is paid from here; otherwise the iframe posts the card (or the CVV).
   */
  private onPay(): void {
    if (!isPayable(this.widgetState) || this.payingFrom !== undefined) return;
    const saved = this.chosenCard();
    const direct = saved !== undefined && !saved.cvxRequired;
    if (!direct && !this.fields?.valid) return this.cardChannel.post('guichet:submit', {});
    emit(this, 'guichet-before-payment', {});
    this.payingFrom = this.widgetState;
    this.enter(WidgetState.ACTIVE_WAITING);
    if (direct) void paySavedCard(this.base, this.token, saved.cardInd).then((answer) => this.onPayAnswer(answer));
    else this.cardChannel.post('guichet:submit', saved ? {} : { saveCard: this.saveCard && this.session?.wallet?.saveCard === true });
  }

  /** A web-wallet change answered (from the manager): the session as it is now, what happened said. */
  private onWalletAnswer(answer: PayAnswer, done: TextKey): void {
    if (answer.error) return this.say('error', 'networkError');
    if (answer.session) this.session = answer.session;
    const code = answer.result.code;
    if (code === '02500') this.say('success', done);
    else this.say('error', code === '02521' ? 'cardAlreadySaved' : 'walletChangeFailed');
    if (answer.session && answer.session.state !== 'WAITING') this.enter(stateOfSession(answer.session, false));
  }

  private onCardMessage(message: Message): void {
    switch (message.type) {
      case 'guichet:fields-ready':
        this.frameHeight = message.height;
        this.cardChannel.post('guichet:set-theme', { vars: computedThemeVars(this) });
        return;
      case 'guichet:fields-state':
        this.fields = message;
        this.frameHeight = message.height;
        if (this.payingFrom !== undefined && !this.confirming && !message.valid) this.enter(this.stopPaying());
        return;
      case 'guichet:submit-request':
        return this.onPay();
      case 'guichet:escape':
        return this.hide();
      case 'guichet:pay-result':
        if (this.payingFrom !== undefined && !this.confirming) this.onPayAnswer(message);
        return;
    }
  }

  /**
   * The session moved elsewhere (a challenge passed in another window, a payment in another tab,
   * the expiry): shown at once, an accepted payment with its ticket, without reading the session.
   * While this page's own payment is awaited, its answer decides; while its challenge is in the
   * iframe here, the challenge's own message does (guichet:3ds-complete).
   */
  private onLiveState(live: SessionState): void {
    const session = this.session;
    const next = stateOfLive(live, this.forceTicket);
    if (!session || !next || this.payingFrom !== undefined || this.challenge?.embedded) return;
    if (next === this.widgetState && live.attempts === session.attempts) return;
    this.session = { ...session, state: live.state, attempts: live.attempts, attemptsLeft: live.attemptsLeft };
    this.result = resultOfLive(live);
    if (live.ticket) this.payment = live.ticket;
    this.challenge = undefined;
    this.enter(next, true);
  }

  /** The state the payment started from; no payment is awaited any more. */
  private stopPaying(): WidgetState {
    const from = this.payingFrom ?? WidgetState.PAYMENT_METHODS_LIST;
    this.payingFrom = undefined;
    this.confirming = false;
    return from;
  }

  /**
   * A gift card was added or removed: the session (amount left, methods) changes, and it is said.
   * The gateway may answer that the session ended meanwhile (expired, paid or cancelled elsewhere): shown.
   */
  private onGiftCardsChange(change: GiftCardsChange): void {
    const { session, added } = change;
    this.session = session;
    const next = stateOfSession(session, this.forceTicket);
    if (isFinal(next)) {
      this.result = session.result;
      if (session.transaction || session.card) this.payment = session;
      return this.enter(next);
    }
    const t = this.i18n.t!;
    if (added) this.say('info', 'giftCardAdded', t.giftCardAdded(formatAmount(added.amount, session.currency, this.getLanguage())));
    else if (change.removed) this.say('info', 'giftCardRemoved');
  }

  /**
   * The gift cards cover everything and the shopper confirms: a payment like the card's (the
   * before-payment event, ACTIVE_WAITING, then the outcome); a refusal the gateway explains (the
   * cards no longer cover everything) shows its reason and leaves the form as it was.
   */
  private async onConfirmGiftCards(): Promise<void> {
    if (!isPayable(this.widgetState) || this.payingFrom !== undefined) return;
    emit(this, 'guichet-before-payment', {});
    this.payingFrom = this.widgetState;
    this.confirming = true;
    this.enter(WidgetState.ACTIVE_WAITING);
    const answer = await confirmGiftCards(this.base, this.token);
    const from = this.stopPaying();
    if (answer.session) this.session = answer.session;
    if (answer.error) {
      this.enter(from);
      return this.say('error', 'networkError');
    }
    this.result = answer.result;
    if (answer.transaction) this.payment = { transaction: answer.transaction };
    if (answer.result.reason !== undefined && answer.session?.state === 'WAITING') {
      this.enter(from, true);
      const { key } = giftCardRefusal(answer.result.reason);
      const text = this.i18n.t![key];
      return this.say('error', key, typeof text === 'string' ? text : this.i18n.t!.giftCardRefused);
    }
    this.enter(stateAfterPayment({ result: answer.result, session: answer.session }, from, this.forceTicket), true);
  }

  private onPayAnswer(answer: PayAnswer): void {
    const from = this.stopPaying();
    if (answer.error) {
      this.enter(from);
      return this.say('error', 'networkError');
    }
    if (answer.session) this.session = answer.session;
    if (answer.transaction || answer.card) this.payment = answer;
    this.result = answer.result;
    if (answer.challenge) return this.startChallenge(answer.challenge.url, true);
    this.enter(stateAfterPayment(answer, from, this.forceTicket), true);
  }

  /**
   * 3-D Secure asks for a challenge: shown in an iframe here (the page tells the gateway its
   * origin), or by a full-page redirect (its URL to come back to), at once when `leaveNow`.
   */
  private startChallenge(url: string, leaveNow: boolean): void {
    const target = new URL(url, this.base);
    const embedded = this.embeddedRedirectionAllowed;
    if (embedded) target.searchParams.set('origin', location.origin);
    else target.searchParams.set('returnURL', location.href);
    this.challenge = { url: target.href, embedded };
    if (embedded || !leaveNow) return;
    this.say('info', 'redirecting');
    location.assign(target.href);
  }

  /** The cancel link: cancels the session, then leaves for cancelURL unless the merchant took over. */
  private async onCancel(event: Event): Promise<void> {
    event.preventDefault();
    const answer = await cancelSession(this.base, this.token);
    if (!answer) return this.say('error', 'networkError');
    this.session = answer.session;
    this.enter(WidgetState.PAYMENT_CANCELED);
    if (!this.takenOver) location.assign(answer.session.cancelURL);
  }

  private amount(): string {
    const session = this.session!;
    return formatAmount(session.amount, session.currency, this.getLanguage());
  }

  /** What the card pays: the whole amount, or what the gift cards entered leave. */
  private cardAmount(): string {
    const session = this.session!;
    const giftCards = session.giftCards;
    const amount = giftCards && giftCards.entries.length > 0 ? giftCards.amountLeft : session.amount;
    return formatAmount(amount, session.currency, this.getLanguage());
  }

  override render() {
    const t = this.i18n.t;
    if (!t) return html`<div part="base" class="base" aria-busy="true"></div>`;
    const content = html`<div part="base" class="base" aria-busy=${String(!this.widgetState)}>
      ${this.session ? this.renderHeader() : nothing}
      <div part="message" class="message ${this.message?.type ?? ''}" role="status" aria-live="polite">${this.message?.message ?? ''}</div>
      ${this.renderBody()}
    </div>`;
    if (this.layout !== 'lightbox' || !this.session) return content;
    return html`
      <button type="button" part="open-button" class="pay open" @click=${() => this.show()}>${this.session.wallet?.operation ? t.savedCards : t.pay(this.amount())}</button>
      <dialog part="dialog" aria-labelledby="dialog-title" @keydown=${(event: KeyboardEvent) => trapTab(event, this.dialog!)}>
        <div class="dialog-head">
          <h2 id="dialog-title">${t.dialogTitle(this.session.shop?.name ?? this.session.merchantName)}</h2>
          <button type="button" part="close-button" class="close" @click=${() => this.hide()}>${t.close}</button>
        </div>
        ${content}
      </dialog>`;
  }

  private renderHeader() {
    const session = this.session!;
    const logo = session.shop?.logoURL;
    return html`<header part="header">
      ${logo ? html`<img part="logo" src=${logo} alt="" />` : nothing}
      <span part="shop" class="shop">${session.shop?.name ?? session.merchantName}</span>
      ${session.wallet?.operation
        ? nothing
        : html`<span part="amount" class="amount">${this.amount()}</span>
            <span part="order" class="order">${this.i18n.t!.orderRef(session.orderRef)}</span>`}
    </header>`;
  }

  private renderBody() {
    const state = this.widgetState;
    if (!state || !this.session && state !== WidgetState.TOKEN_EXPIRED) return nothing;
    if (isFinal(state)) {
      if (this.takenOver) return nothing;
      const session = this.session;
      const success = state === WidgetState.PAYMENT_SUCCESS || state === WidgetState.PAYMENT_SUCCESS_FORCE_TICKET_DISPLAY;
      const wallet = session?.wallet?.operation !== undefined;
      return html`<guichet-result exportparts="result, result-title, ticket-button, back-link, ticket, print-button" .t=${this.i18n.t!} .state=${state} .reason=${reasonKey(this.result)}
        .heading=${wallet && success ? 'walletSaved' : undefined}
        .ticket=${session && success && !wallet ? ticketOf(session, this.payment, this.getLanguage()) : undefined}
        .backURL=${session && (success ? session.returnURL : session.cancelURL)}></guichet-result>`;
    }
    if (state === WidgetState.MANAGE_WEB_WALLET) return this.renderWalletManager();
    return html`${this.renderChallenge()}${this.renderMethods()}`;
  }

  /** MANAGE_WEB_WALLET: the wallet's cards and what the session lets the shopper do with them. */
  private renderWalletManager() {
    const session = this.session!;
    const t = this.i18n.t!;
    return html`${this.walletManagerReady
        ? html`<guichet-wallet-manager exportparts="wallet, wallet-card, wallet-button, card-frame, save-card-button, done-button"
            .t=${t} .session=${session} .gateway=${this.base} .fieldsUrl=${(extra: Record<string, string>) => this.fieldsUrl(extra)}
            @wallet-answer=${(event: CustomEvent<{ answer: PayAnswer; done: TextKey }>) => this.onWalletAnswer(event.detail.answer, event.detail.done)}></guichet-wallet-manager>`
        : nothing}
      <a part="cancel-link" class="link" href=${session.cancelURL} @click=${(event: Event) => void this.onCancel(event)}>${t.cancel}</a>`;
  }

  private renderMethods() {
    const t = this.i18n.t!;
    const session = this.session!;
    const busy = !isPayable(this.widgetState);
    const cards = this.savedCards();
    const saved = this.chosenCard();
    // A saved card: its CVV's iframe when its contract asks for it, else no iframe at all.
    const frameSrc = saved ? (saved.cvxRequired ? this.fieldsUrl({ mode: 'cvx', card: saved.cardInd }) : undefined) : this.fieldsUrl();
    return html`<guichet-methods exportparts="tabs, tab, method" .t=${t} .methods=${methodsOf(session)}
        layout=${this.layout === 'tab' ? 'tab' : 'column'} ?hidden=${this.challenge !== undefined}>
      ${session.giftCards ? this.renderGiftCards(busy) : nothing}
      <div slot="card" class="card">
        ${cards.length > 0
          ? html`<guichet-saved-cards exportparts="saved-cards, saved-card" .t=${t} .cards=${cards} .selected=${this.savedChoice}
              @saved-card-change=${(event: CustomEvent<{ cardInd: string }>) => this.chooseSaved(event.detail.cardInd)}></guichet-saved-cards>`
          : nothing}
        ${frameSrc
          ? html`<iframe id="card-frame" part="card-frame" title=${saved ? t.cvxFrameTitle : t.cardFrameTitle} src=${frameSrc}
              height=${this.frameHeight} sandbox="allow-scripts allow-same-origin allow-forms" allow="payment"></iframe>`
          : nothing}
        ${session.wallet?.saveCard && !saved
          ? html`<label class="save-card"><input type="checkbox" part="save-card" .checked=${this.saveCard}
              @change=${(event: Event) => (this.saveCard = (event.target as HTMLInputElement).checked)} />${t.saveCard}</label>`
          : nothing}
        <button type="button" part="pay-button" class="pay" aria-disabled=${String(busy)} @click=${() => this.onPay()}>
          ${busy ? t.processing : t.pay(this.cardAmount())}
        </button>
      </div>
    </guichet-methods>
    <a part="cancel-link" class="link cancel" href=${session.cancelURL} ?hidden=${this.challenge !== undefined}
      @click=${(event: Event) => void this.onCancel(event)}>${t.cancel}</a>`;
  }

  private renderGiftCards(busy: boolean) {
    const session = this.session!;
    return html`<guichet-gift-cards slot="giftcard" class="gift-cards" exportparts="gift-cards, gift-card, gift-card-remove, amount-left,
        gift-card-form, gift-card-number, gift-card-code, gift-card-add, add-another-button, confirm-button"
      .t=${this.i18n.t!} .base=${this.base} token=${session.token} .giftCards=${session.giftCards!}
      currency=${session.currency} locale=${this.getLanguage()} ?busy=${busy} .cardOffered=${methodsOf(session).some((method) => method.id === 'card')}
      @gift-cards-change=${(event: CustomEvent<GiftCardsChange>) => this.onGiftCardsChange(event.detail)}
      @gift-cards-confirm=${() => void this.onConfirmGiftCards()}></guichet-gift-cards>`;
  }

  private renderChallenge() {
    const challenge = this.challenge;
    if (!challenge) return nothing;
    return html`<guichet-challenge exportparts="challenge, challenge-frame, challenge-link" .t=${this.i18n.t!}
      url=${challenge.url} .embedded=${challenge.embedded} token=${this.token} origin=${this.base.origin}
      @challenge-complete=${() => void this.load()}></guichet-challenge>`;
  }
}
