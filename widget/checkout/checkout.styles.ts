/**
 * Styles of <guichet-checkout>. Every colour, space and radius is a --guichet-* custom property
 * with a default (docs/WIDGET-PROTOCOL.md "Theming"); the shop's theme and the merchant's CSS set
 * them, and ::part() reaches the named parts. No inline style anywhere.
 */
import { css } from 'lit';

export const checkoutStyles = css`
  :host {
    display: block;
    color: var(--guichet-color-text, #1f2937);
    background: var(--guichet-color-background, #fff);
    font-family: var(--guichet-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--guichet-font-size, 16px);
    line-height: 1.4;
  }
  :host([hidden]) { display: none; }
  [hidden] { display: none !important; }
  .base { display: grid; gap: calc(2 * var(--guichet-space, 8px)); padding: var(--guichet-padding, 16px); }
  header { display: grid; grid-template-columns: auto 1fr auto; align-items: center; column-gap: var(--guichet-space, 8px); }
  header img { max-height: 40px; max-width: 120px; grid-row: span 2; }
  .shop { font-weight: 700; }
  .amount { font-size: 1.25em; font-weight: 700; grid-row: span 2; font-variant-numeric: tabular-nums; }
  .order { color: var(--guichet-color-muted, #4b5563); font-size: 0.9em; }
  .message:empty { display: none; }
  .message {
    padding: var(--guichet-space, 8px) calc(1.5 * var(--guichet-space, 8px));
    border-radius: var(--guichet-radius, 6px); border-left: 4px solid var(--guichet-color-primary, #1d4ed8);
  }
  .message.error { border-left-color: var(--guichet-color-error, #b91c1c); }
  .card { display: grid; gap: calc(1.5 * var(--guichet-space, 8px)); justify-items: start; }
  iframe { border: 0; width: 100%; display: block; }
  .cancel { justify-self: start; }
  guichet-saved-cards { width: 100%; }
  .save-card { display: flex; align-items: center; gap: var(--guichet-space, 8px); min-height: 44px; cursor: pointer; }
  .save-card input { width: 20px; height: 20px; margin: 0; accent-color: var(--guichet-color-primary, #1d4ed8); }
  .pay {
    min-height: 48px; padding: 0 calc(3 * var(--guichet-space, 8px)); font: inherit; font-weight: 700; cursor: pointer;
    color: var(--guichet-color-on-primary, #fff); background: var(--guichet-color-primary, #1d4ed8);
    border: 0; border-radius: var(--guichet-radius, 6px);
  }
  .pay[aria-disabled='true'] { opacity: 0.7; cursor: progress; }
  a, .link { color: var(--guichet-color-primary, #1d4ed8); min-height: 24px; }
  .pay:focus-visible, a:focus-visible, button:focus-visible { outline: 3px solid var(--guichet-color-focus, #2563eb); outline-offset: 2px; }
  dialog {
    border: 0; padding: 0; border-radius: var(--guichet-radius, 6px); width: min(32rem, calc(100vw - 2rem));
    color: inherit; background: var(--guichet-color-background, #fff);
  }
  dialog::backdrop { background: var(--guichet-color-backdrop, rgb(0 0 0 / 0.5)); }
  .dialog-head { display: flex; justify-content: space-between; align-items: center; padding: var(--guichet-padding, 16px) var(--guichet-padding, 16px) 0; }
  .dialog-head h2 { margin: 0; font-size: 1.1em; }
  .close { min-height: 44px; min-width: 44px; font: inherit; background: none; border: 1px solid var(--guichet-color-border, #6b7280); border-radius: var(--guichet-radius, 6px); cursor: pointer; color: inherit; }
  @media print {
    .card, .gift-cards, .cancel, .message, .open, .dialog-head .close { display: none; }
  }
`;
