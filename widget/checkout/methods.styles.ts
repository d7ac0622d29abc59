/** Styles of <guichet-methods>: every colour and space a --guichet-* property. */
import { css } from 'lit';

export const methodsStyles = css`
  :host { display: block; }
  [role='tablist'] { display: flex; gap: var(--guichet-space, 8px); border-bottom: 1px solid var(--guichet-color-border, #6b7280); margin-bottom: var(--guichet-space, 8px); }
  [role='tab'] {
    min-height: 44px; padding: 0 calc(2 * var(--guichet-space, 8px)); font: inherit; color: var(--guichet-color-text, #1f2937);
    background: none; border: 0; border-bottom: 3px solid transparent; cursor: pointer;
  }
  [role='tab'][aria-selected='true'] { border-bottom-color: var(--guichet-color-primary, #1d4ed8); font-weight: 700; }
  [role='tab']:focus-visible { outline: 3px solid var(--guichet-color-focus, #2563eb); outline-offset: 2px; }
  [hidden] { display: none; }
  section + section { margin-top: calc(2 * var(--guichet-space, 8px)); }
  h3 { margin: 0 0 var(--guichet-space, 8px); font-size: 1em; }
`;
