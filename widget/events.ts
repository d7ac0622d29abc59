/**
 * The widget's DOM events: bubbling, composed CustomEvents (they leave a merchant's shadow root),
 * one per Payline callback (payline-api.md §6.3). Cancelable ones honour `preventDefault()` where
 * Payline honours a callback's `return false`.
 */
import type { WidgetState } from './checkout/widget-state.js';

/** `guichet-state`: a state was shown (didshowstate). */
export interface StateDetail {
  state: WidgetState;
  previous: WidgetState | undefined;
}

/** `guichet-final-state`, cancelable: a final state is about to show (finalstatehasbeenreached); cancel to take over. */
export interface FinalStateDetail {
  state: WidgetState;
}

/** `guichet-message`, cancelable: a message is about to show (willdisplaymessage); cancel to hide it. */
export interface MessageDetail {
  id: string;
  type: 'success' | 'info' | 'error' | 'warn';
  /** The Translation key of the message. */
  key: string;
  message: string;
}

/** `guichet-message-remove`: a message is about to go (willremovemessage). */
export interface MessageRemoveDetail {
  id: string;
}

/** Every event of the widget, by name. */
export interface GuichetEventMap {
  /** The session is read, its state about to show (willshow). */
  'guichet-will-show': CustomEvent<Record<string, never>>;
  'guichet-state': CustomEvent<StateDetail>;
  'guichet-final-state': CustomEvent<FinalStateDetail>;
  'guichet-message': CustomEvent<MessageDetail>;
  'guichet-message-remove': CustomEvent<MessageRemoveDetail>;
  /** Pay was clicked and the card is valid; the payment starts (beforepayment). */
  'guichet-before-payment': CustomEvent<Record<string, never>>;
}

declare global {
  interface GlobalEventHandlersEventMap extends GuichetEventMap {}
}

/** Dispatches `name` from `target`; false when a listener cancelled it. */
export function emit<K extends keyof GuichetEventMap>(
  target: EventTarget,
  name: K,
  detail: GuichetEventMap[K]['detail'],
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}
