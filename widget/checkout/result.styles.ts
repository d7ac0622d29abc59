/** Styles of <guichet-result>. */
import { css } from 'lit';

export const resultStyles = css`
  :host { display: block; }
  div { display: grid; gap: calc(2 * var(--guichet-space, 8px)); justify-items: start; }
  h2 { margin: 0; font-size: 1.25em; }
  h2:focus { outline: none; }
  .success h2 { color: var(--guichet-color-success, #15803d); }
  .failure h2 { color: var(--guichet-color-error, #b91c1c); }
  p { margin: 0; }
  guichet-ticket { justify-self: stretch; }
  button, a { min-height: 44px; display: inline-flex; align-items: center; font: inherit; color: var(--guichet-color-primary, #1d4ed8); }
  button {
    cursor: pointer; background: none; border: 1px solid currentColor; border-radius: var(--guichet-radius, 6px);
    padding: 0 calc(2 * var(--guichet-space, 8px));
  }
  button:focus-visible, a:focus-visible { outline: 3px solid var(--guichet-color-focus, #2563eb); outline-offset: 2px; }
  @media print { a { display: none; } }
`;
