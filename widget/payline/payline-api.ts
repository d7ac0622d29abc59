/**
 * `window.Payline.Api` (payline-api.md §6.5): init, reset, show, hide, getContextInfo,
 * getLanguage, isSandbox, getCancelAndReturnUrls, acting on the widget mounted in the Payline
 * container, else on the page's first <guichet-checkout>.
 */
import type { GuichetCheckout, Layout } from '../checkout/checkout.component.js';
import { CONTAINER_ID, mountPaylineWidget } from './payline-widget.js';

/** The subset of Payline's JS API the gateway serves. */
export interface PaylineApi {
  init(token?: string, template?: string): void;
  reset(token?: string, template?: string): void;
  show(): void;
  hide(): void;
  getContextInfo(key: string): string | number | undefined;
  getLanguage(): string | undefined;
  isSandbox(): boolean;
  getCancelAndReturnUrls(): { cancelUrl: string | undefined; returnUrl: string | undefined } | undefined;
}

function container(): HTMLElement | null {
  return document.getElementById(CONTAINER_ID);
}

/** The widget the API acts on. */
function current(): GuichetCheckout | null {
  return container()?.querySelector('guichet-checkout') ?? document.querySelector('guichet-checkout');
}

/** The object set as `window.Payline.Api`. */
export const paylineApi: PaylineApi = {
  init(token, template) {
    const target = container();
    if (target) mountPaylineWidget(target, token, template);
    else current()?.init();
  },
  reset(token, template) {
    const target = container();
    if (target) mountPaylineWidget(target, token, template);
    else current()?.reset(token, template as Layout | undefined);
  },
  show: () => current()?.show(),
  hide: () => current()?.hide(),
  getContextInfo: (key) => current()?.getContextInfo(key),
  getLanguage: () => current()?.getLanguage(),
  isSandbox: () => current()?.isSandbox() ?? false,
  getCancelAndReturnUrls: () => current()?.getCancelAndReturnUrls(),
};

declare global {
  interface Window {
    Payline?: { Api?: PaylineApi };
  }
}

/** Sets `window.Payline.Api`, keeping anything else the page put under `window.Payline`. */
export function installPaylineApi(): void {
  window.Payline = { ...window.Payline, Api: paylineApi };
}
