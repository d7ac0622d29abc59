/** Registers <guichet-checkout> and the elements it is made of. */
import { GuichetChallenge } from './challenge.component.js';
import { GuichetCheckout } from './checkout.component.js';
import { GuichetGiftCards } from './gift-cards.component.js';
import { GuichetMethods } from './methods.component.js';
import { GuichetResult } from './result.component.js';
import { GuichetSavedCards } from './saved-cards.component.js';
import { GuichetTicket } from './ticket.component.js';

const ELEMENTS = {
  'guichet-checkout': GuichetCheckout,
  'guichet-challenge': GuichetChallenge,
  'guichet-gift-cards': GuichetGiftCards,
  'guichet-methods': GuichetMethods,
  'guichet-result': GuichetResult,
  'guichet-saved-cards': GuichetSavedCards,
  'guichet-ticket': GuichetTicket,
};

for (const [tag, element] of Object.entries(ELEMENTS)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'guichet-checkout': GuichetCheckout;
    'guichet-challenge': GuichetChallenge;
    'guichet-gift-cards': GuichetGiftCards;
    'guichet-methods': GuichetMethods;
    'guichet-result': GuichetResult;
    'guichet-saved-cards': GuichetSavedCards;
    'guichet-ticket': GuichetTicket;
  }
}
