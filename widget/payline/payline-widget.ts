/**
 * The Payline container, `<div id="PaylineWidget" data-token data-template …>` (payline-api.md
 * §6.1–6.3), mounted as a <guichet-checkout> inside it: a Payline page switches by changing its
 * script URL. Its `data-event-*` callbacks are global functions called by name; `return false`
 * is honoured where Payline honours it (finalstatehasbeenreached, willdisplaymessage).
 */
import type { GuichetCheckout, Layout } from '../checkout/checkout.component.js';

/** The id Payline's pages give the container. */
export const CONTAINER_ID = 'PaylineWidget';

/** Payline's callbacks, as their `data-event-` suffix. */
type Callback =
  | 'willinit'
  | 'willshow'
  | 'finalstatehasbeenreached'
  | 'didshowstate'
  | 'willdisplaymessage'
  | 'willremovemessage'
  | 'beforepayment';

/** Calls the global function `data-event-<name>` names, if there is one; what it returns. */
function call(container: HTMLElement, name: Callback, argument?: object): unknown {
  const functionName = container.getAttribute(`data-event-${name}`);
  const target = functionName ? (window as unknown as Record<string, unknown>)[functionName] : undefined;
  return typeof target === 'function' ? target(argument) : undefined;
}

/** Payline's data-template as a layout: `shortcut` and unknown templates show the column. */
function layoutOf(template: string | undefined): Layout {
  return template === 'tab' || template === 'lightbox' ? template : 'column';
}

/**
 * Mounts a <guichet-checkout> in `container` for `token` and `template` (default: the container's
 * data-token and data-template), replacing any earlier one, and wires the callbacks.
 */
export function mountPaylineWidget(container: HTMLElement, token?: string, template?: string): GuichetCheckout {
  call(container, 'willinit');
  const data = container.dataset;
  const element = document.createElement('guichet-checkout');
  element.layout = layoutOf(template ?? data.template);
  element.embeddedRedirectionAllowed = data.embeddedredirectionallowed !== 'false';
  if (data.cspnonce) element.nonce = data.cspnonce;
  element.addEventListener('guichet-will-show', () => call(container, 'willshow'));
  element.addEventListener('guichet-state', (event) => call(container, 'didshowstate', { state: event.detail.state }));
  element.addEventListener('guichet-final-state', (event) => {
    if (call(container, 'finalstatehasbeenreached', { state: event.detail.state }) === false) event.preventDefault();
  });
  element.addEventListener('guichet-message', (event) => {
    if (call(container, 'willdisplaymessage', { ...event.detail }) === false) event.preventDefault();
  });
  element.addEventListener('guichet-message-remove', (event) => call(container, 'willremovemessage', { id: event.detail.id }));
  element.addEventListener('guichet-before-payment', () => call(container, 'beforepayment'));
  element.token = token ?? data.token ?? '';
  container.replaceChildren(element);
  return element;
}
