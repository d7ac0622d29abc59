/** Styles of <guichet-gift-cards>: every colour, space and radius a --guichet-* property, as the checkout's. */
import { css } from 'lit';

export const giftCardsStyles = css`
  :host { display: grid; gap: calc(1.5 * var(--guichet-space, 8px)); justify-items: start; }
  section, form, .row { justify-self: stretch; }
  section {
    display: grid; gap: var(--guichet-space, 8px); padding: calc(1.5 * var(--guichet-space, 8px));
    border: 1px solid var(--guichet-color-border, #6b7280); border-radius: var(--guichet-radius, 6px);
  }
  h4 { margin: 0; font-size: 1em; }
  h4:focus { outline: none; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--guichet-space, 8px); }
  li { display: flex; flex-wrap: wrap; align-items: center; gap: 4px calc(1.5 * var(--guichet-space, 8px)); }
  .masked { font-weight: 600; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
  .balance, .hint, .capped { color: var(--guichet-color-muted, #4b5563); font-size: 0.9em; }
  li button { margin-inline-start: auto; }
  p { margin: 0; }
  .left { display: flex; justify-content: space-between; gap: var(--guichet-space, 8px); font-variant-numeric: tabular-nums; }
  form { display: grid; gap: calc(1.5 * var(--guichet-space, 8px)); justify-items: start; }
  .row { display: grid; grid-template-columns: 2fr 1fr; gap: calc(1.5 * var(--guichet-space, 8px)); }
  .field { display: grid; gap: 4px; align-content: start; }
  label { font-weight: 600; }
  input {
    box-sizing: border-box; width: 100%; min-height: 44px; padding: var(--guichet-space, 8px) 10px; font: inherit;
    color: var(--guichet-color-text, #1f2937); background: var(--guichet-color-background, #fff);
    border: 1px solid var(--guichet-color-border, #6b7280); border-radius: var(--guichet-radius, 6px);
  }
  input[aria-invalid='true'] { border-color: var(--guichet-color-error, #b91c1c); }
  .error { color: var(--guichet-color-error, #b91c1c); font-size: 0.9em; }
  .error:empty { display: none; }
  button {
    min-height: 44px; padding: 0 calc(2 * var(--guichet-space, 8px)); font: inherit; cursor: pointer;
    border-radius: var(--guichet-radius, 6px);
  }
  .secondary { color: var(--guichet-color-primary, #1d4ed8); background: none; border: 1px solid currentColor; }
  .primary {
    min-height: 48px; padding: 0 calc(3 * var(--guichet-space, 8px)); font-weight: 700; border: 0;
    color: var(--guichet-color-on-primary, #fff); background: var(--guichet-color-primary, #1d4ed8);
  }
  button[aria-disabled='true'] { opacity: 0.7; cursor: progress; }
  input:focus-visible, button:focus-visible { outline: 3px solid var(--guichet-color-focus, #2563eb); outline-offset: 2px; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  @media (max-width: 24rem) { .row { grid-template-columns: 1fr; } }
  @media print { form, button { display: none; } }
`;
