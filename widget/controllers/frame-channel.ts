/**
 * The component's side of a postMessage channel with one iframe of the gateway (the card fields,
 * the 3-D Secure page): it accepts a message only from that iframe's window and the gateway's
 * origin, with a known `guichet:` type, and posts only to that origin.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isMessage, type Message, type MessageMap, type MessageType } from '../protocol/messages.js';

/** One channel per iframe; `frame` and `origin` are set once the iframe is rendered. */
export class FrameChannel implements ReactiveController {
  /** The iframe talked to; messages from elsewhere are dropped. */
  frame: HTMLIFrameElement | undefined;
  /** The gateway's origin (`https://pay.example`). */
  origin = '';

  constructor(host: ReactiveControllerHost, private readonly onMessage: (message: Message) => void) {
    host.addController(this);
  }

  private readonly listener = (event: MessageEvent): void => {
    const window = this.frame?.contentWindow;
    if (!window || event.source !== window || event.origin !== this.origin || !isMessage(event.data)) return;
    this.onMessage(event.data);
  };

  hostConnected(): void {
    window.addEventListener('message', this.listener);
  }

  hostDisconnected(): void {
    window.removeEventListener('message', this.listener);
  }

  /** Posts `{type, ...payload}` to the iframe, for the gateway's origin only. */
  post<T extends MessageType>(type: T, payload: MessageMap[T]): void {
    this.frame?.contentWindow?.postMessage({ ...payload, type }, this.origin);
  }
}
