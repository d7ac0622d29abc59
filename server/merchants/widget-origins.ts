import type { Merchant } from './merchant.js';

/**
 * Which web origins may embed a merchant's widget (merchants file `widgetOrigins`): exact
 * origins `scheme://host[:port]`, or `*` for any (the sandbox merchant).
 */
export const ANY_ORIGIN = '*';

/** Whether `value` is a bare http(s) origin, as browsers send it in `Origin` (no path, no trailing slash). */
export function isWebOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/** Whether `origin` may embed this merchant's widget. */
export function allowsWidgetOrigin(merchant: Merchant, origin: string): boolean {
  return merchant.widgetOrigins.includes(ANY_ORIGIN) || merchant.widgetOrigins.includes(origin);
}

/** Whether any merchant lets `origin` embed the widget: the scripts are the same for all. */
export function anyAllowsWidgetOrigin(merchants: Iterable<Merchant>, origin: string): boolean {
  for (const merchant of merchants) if (allowsWidgetOrigin(merchant, origin)) return true;
  return false;
}
