/**
 * <guichet-challenge>: a 3-D Secure challenge (docs/WIDGET-PROTOCOL.md). Embedded, the gateway's
 * page shows in an iframe and says `guichet:3ds-complete` when the shopper is done; without
 * embedded redirection, a link leaves for it (the page comes back by itself after a redirect).
 *
 * @event challenge-complete - internal, not composed: the shopper finished the embedded challenge.
 * @csspart challenge - the view. @csspart challenge-frame - the iframe. @csspart challenge-link - the link.
 */
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { FrameChannel } from '../controllers/frame-channel.js';
import type { Translation } from '../i18n/translation.js';
import { challengeStyles } from './challenge.styles.js';

export class GuichetChallenge extends LitElement {
  static override styles = challengeStyles;
  /** focus() goes to the iframe or the link. */
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  @property({ attribute: false }) t!: Translation;
  /** The challenge page, with the query the gateway needs to come back (origin or returnURL). */
  @property() url = '';
  @property({ type: Boolean }) embedded = true;
  /** The session's token: a completion for another token is ignored. */
  @property() token = '';
  /** The gateway's origin, the only one the iframe's messages may come from. */
  @property() origin = '';

  private readonly channel = new FrameChannel(this, (message) => {
    if (message.type === 'guichet:3ds-complete' && message.token === this.token) this.dispatchEvent(new Event('challenge-complete'));
  });

  protected override updated(): void {
    this.channel.origin = this.origin;
    this.channel.frame = this.renderRoot.querySelector('iframe') ?? undefined;
  }

  override render() {
    const t = this.t;
    return html`<div part="challenge">
      <p>${t.challengeHint}</p>
      ${this.embedded
        ? html`<iframe id="challenge-frame" part="challenge-frame" title=${t.challengeTitle} src=${this.url}
            sandbox="allow-scripts allow-same-origin allow-forms"></iframe>`
        : html`<a part="challenge-link" href=${this.url}>${t.challengeTitle}</a>`}
    </div>`;
  }
}
