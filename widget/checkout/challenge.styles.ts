/** Styles of <guichet-challenge>. */
import { css } from 'lit';

export const challengeStyles = css`
  :host { display: block; }
  p { margin: 0 0 var(--guichet-space, 8px); }
  iframe { display: block; width: 100%; border: 0; height: var(--guichet-challenge-height, 480px); }
  a { color: var(--guichet-color-primary, #1d4ed8); }
  a:focus-visible { outline: 3px solid var(--guichet-color-focus, #2563eb); outline-offset: 2px; }
  @media print { :host { display: none; } }
`;
