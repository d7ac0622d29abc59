/**
 * guichet.js, the script a merchant page loads with one tag
 * (`<script type="module" src="https://GATEWAY/widget/guichet.js">`): it registers
 * <guichet-checkout>, sets `window.Payline.Api`, and mounts a Payline container
 * (`<div id="PaylineWidget" data-token=…>`) unless it says `data-auto-init="false"`.
 */
import './checkout/checkout.js';
import { installPaylineApi } from './payline/payline-api.js';
import { CONTAINER_ID, mountPaylineWidget } from './payline/payline-widget.js';

installPaylineApi();

/** Mounts the Payline container if the page has one that starts by itself. */
function autoInit(): void {
  const container = document.getElementById(CONTAINER_ID);
  if (container?.dataset.token && container.dataset.autoInit !== 'false') mountPaylineWidget(container);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', autoInit, { once: true });
else autoInit();
