/** Styles of <guichet-saved-cards> (and the wallet manager's card list): every colour and space a --guichet-* property. */
import { css } from 'lit';

export const savedCardsStyles = css`
  :host { display: block; }
  fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: var(--guichet-space, 8px); }
  legend { font-weight: 700; margin-bottom: var(--guichet-space, 8px); padding: 0; }
  .choice {
    display: flex; align-items: center; gap: var(--guichet-space, 8px); min-height: 44px;
    padding: 0 var(--guichet-space, 8px); border: 1px solid var(--guichet-color-border, #6b7280); border-radius: var(--guichet-radius, 6px);
  }
  .choice:has(input:checked) { border-color: var(--guichet-color-primary, #1d4ed8); }
  input { width: 20px; height: 20px; margin: 0; accent-color: var(--guichet-color-primary, #1d4ed8); }
  input:focus-visible { outline: 3px solid var(--guichet-color-focus, #2563eb); outline-offset: 2px; }
  label { flex: 1; cursor: pointer; font-variant-numeric: tabular-nums; }
  .badge { color: var(--guichet-color-muted, #4b5563); font-size: 0.9em; }
`;
