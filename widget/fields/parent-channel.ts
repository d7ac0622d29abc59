/**
 * The fields page's side of the postMessage channel: it speaks only to `window.parent`, only
 * with the origin given in its URL (`?origin=`), and ignores every other message.
 */
import { isMessage, type Message, type MessageMap, type MessageType } from '../protocol/messages.js';

/** The channel to the page embedding the fields. */
export class ParentChannel {
  /** Listens to the parent at `origin`; `onMessage` receives its well-formed messages. */
  constructor(private readonly origin: string, onMessage: (message: Message) => void) {
    window.addEventListener('message', (event) => {
      if (event.source !== window.parent || event.origin !== origin || !isMessage(event.data)) return;
      onMessage(event.data);
    });
  }

  /** Posts `{type, ...payload}` to the parent, to its origin only. */
  post<T extends MessageType>(type: T, payload: MessageMap[T]): void {
    window.parent.postMessage({ ...payload, type }, this.origin);
  }
}
