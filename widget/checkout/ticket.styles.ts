/** Styles of <guichet-ticket>; the print button is not printed. */
import { css } from 'lit';

export const ticketStyles = css`
  :host { display: block; }
  section {
    border: 1px dashed var(--guichet-color-border, #6b7280); border-radius: var(--guichet-radius, 6px);
    padding: calc(2 * var(--guichet-space, 8px));
  }
  h3 { margin: 0 0 var(--guichet-space, 8px); font-size: 1em; }
  dl { margin: 0; display: grid; gap: 4px; }
  dl div { display: flex; justify-content: space-between; gap: var(--guichet-space, 8px); }
  dt { color: var(--guichet-color-muted, #4b5563); }
  dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; text-align: end; overflow-wrap: anywhere; }
  button {
    margin-top: var(--guichet-space, 8px); min-height: 44px; font: inherit; cursor: pointer;
    color: var(--guichet-color-primary, #1d4ed8); background: none; border: 1px solid currentColor;
    border-radius: var(--guichet-radius, 6px); padding: 0 calc(2 * var(--guichet-space, 8px));
  }
  button:focus-visible { outline: 3px solid var(--guichet-color-focus, #2563eb); outline-offset: 2px; }
  @media print { button { display: none; } }
`;
