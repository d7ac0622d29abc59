/** Styles of <guichet-wallet-manager>: every colour and space a --guichet-* property. */
import { css } from 'lit';

export const walletManagerStyles = css`
  :host { display: block; }
  section { display: grid; gap: calc(1.5 * var(--guichet-space, 8px)); }
  h3 { margin: 0; font-size: 1em; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--guichet-space, 8px); }
  li {
    display: grid; gap: var(--guichet-space, 8px); padding: var(--guichet-space, 8px);
    border: 1px solid var(--guichet-color-border, #6b7280); border-radius: var(--guichet-radius, 6px);
  }
  .card { font-variant-numeric: tabular-nums; }
  .badge, .empty { color: var(--guichet-color-muted, #4b5563); }
  .actions { display: flex; flex-wrap: wrap; gap: var(--guichet-space, 8px); }
  button {
    min-height: 44px; padding: 0 calc(2 * var(--guichet-space, 8px)); font: inherit; cursor: pointer;
    color: var(--guichet-color-primary, #1d4ed8); background: none; border: 1px solid currentColor; border-radius: var(--guichet-radius, 6px);
  }
  button.primary { color: var(--guichet-color-on-primary, #fff); background: var(--guichet-color-primary, #1d4ed8); border: 0; font-weight: 700; justify-self: start; }
  button[aria-disabled='true'] { opacity: 0.7; cursor: progress; }
  button:focus-visible, input:focus-visible { outline: 3px solid var(--guichet-color-focus, #2563eb); outline-offset: 2px; }
  .expiry { display: grid; gap: 4px; justify-items: start; }
  input {
    min-height: 44px; padding: 0 var(--guichet-space, 8px); font: inherit; color: inherit; background: var(--guichet-color-background, #fff);
    border: 1px solid var(--guichet-color-border, #6b7280); border-radius: var(--guichet-radius, 6px);
  }
  input[aria-invalid='true'] { border-color: var(--guichet-color-error, #b91c1c); }
  .error { margin: 0; color: var(--guichet-color-error, #b91c1c); min-height: 1em; }
  .error:empty { display: none; }
  .add { display: grid; gap: var(--guichet-space, 8px); }
  iframe { border: 0; width: 100%; display: block; }
`;
