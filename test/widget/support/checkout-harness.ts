/**
 * Drives a <guichet-checkout> in tests: mount it on a fake-gateway token, reach its parts, fill
 * the card fields (directly when the gateway is same-origin, by keyboard when it is not) and pay.
 */
import { sendKeys } from '@web/test-runner-commands';
import '../../../widget/checkout/checkout.js';
import type { GuichetCheckout } from '../../../widget/checkout/checkout.component.js';
import { nextEvent, until } from './helpers.js';

/** The fake gateway on another origin than the test page (localhost vs 127.0.0.1). */
export const CROSS_ORIGIN_GATEWAY = `http://localhost:${location.port}`;

/** A card to type: number, then expiry, security code and name. */
export interface TestCard {
  number: string;
  expiry?: string;
  cvx?: string;
  name?: string;
}

/** Mounts a checkout with `attributes` under `parent`, resolved once its first state shows. */
export async function mount(attributes: Record<string, string>, parent: Node = document.body): Promise<GuichetCheckout> {
  const element = document.createElement('guichet-checkout');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const shown = nextEvent(element, 'guichet-state');
  parent.appendChild(element);
  await shown;
  await element.updateComplete;
  return element;
}

/** The first element matching `selector` in the checkout's shadow root or a nested component's. */
export function part<E extends Element = HTMLElement>(element: Element, selector: string): E | null {
  const root = element.shadowRoot!;
  const found = root.querySelector<E>(selector);
  if (found) return found;
  for (const nested of root.querySelectorAll('guichet-methods, guichet-challenge, guichet-result, guichet-ticket, guichet-gift-cards, guichet-saved-cards')) {
    const inside = part<E>(nested, selector);
    if (inside) return inside;
  }
  return null;
}

/** The card-fields iframe, once it said it is ready (its height is known). */
export async function cardFrame(element: GuichetCheckout): Promise<HTMLIFrameElement> {
  const frame = part<HTMLIFrameElement>(element, '#card-frame')!;
  await until(() => Number(frame.getAttribute('height')) > 0, 'the card fields');
  return frame;
}

/** Waits for the fields' report that the card is valid (their state as the component knows it). */
export async function fieldsValid(element: GuichetCheckout): Promise<void> {
  await until(() => (element as unknown as { fields?: { valid: boolean } }).fields?.valid, 'valid fields');
}

/** Fills the card fields of a same-origin gateway as a paste would, field by field. */
export async function fillCard(element: GuichetCheckout, card: TestCard): Promise<void> {
  const doc = (await cardFrame(element)).contentDocument!;
  const values = { number: card.number, expiry: card.expiry ?? '1255', cvx: card.cvx ?? (card.number.startsWith('3') && card.number.length === 15 ? '1234' : '123'), cardholder: card.name ?? 'Jeanne Martin' };
  for (const [id, value] of Object.entries(values)) {
    const input = doc.getElementById(id) as HTMLInputElement;
    input.focus();
    input.select();
    doc.execCommand('insertText', false, value);
  }
}

/** Types a card with the keyboard into the focused iframe, its first field first. */
export async function typeCard(element: GuichetCheckout, card: TestCard): Promise<void> {
  (await cardFrame(element)).focus();
  // The fields live in another origin's process: focus reaches it a few frames later, and a Tab
  // pressed before that would move the page's focus instead.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))));
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: card.number });
  // The iframe took the number once it reports its brand; from there focus moves on by itself.
  await until(() => (element as unknown as { fields?: { brand?: string } }).fields?.brand, 'the number in the card fields');
  await sendKeys({ type: card.expiry ?? '1255' });
  await sendKeys({ type: card.cvx ?? '123' });
  await sendKeys({ type: card.name ?? 'Jeanne Martin' });
}

/** Clicks Pay once the fields are valid; resolves with the next state shown after ACTIVE_WAITING. */
export async function pay(element: GuichetCheckout): Promise<string> {
  await fieldsValid(element);
  const settled = nextEvent(element, 'guichet-state', (event) => event.detail.state !== 'ACTIVE_WAITING');
  part(element, '[part="pay-button"]')!.click();
  return (await settled).detail.state;
}
