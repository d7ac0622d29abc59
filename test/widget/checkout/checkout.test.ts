/**
 * <guichet-checkout> on the fake gateway: accessible first, then what it shows by default, its
 * locale, theme and states, its events, and what it does with bad input.
 */
import { expect } from '@esm-bundle/chai';
import type { GuichetCheckout } from '../../../widget/checkout/checkout.component.js';
import { CROSS_ORIGIN_GATEWAY, cardFrame, mount, part } from '../support/checkout-harness.js';
import { expectAccessible, nextEvent, token, until } from '../support/helpers.js';

let element: GuichetCheckout | undefined;
afterEach(() => element?.remove());

/** Every element of the checkout's shadow trees, nested components included. */
function shadowElements(root: ShadowRoot): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? shadowElements(el.shadowRoot) : [])]);
}

describe('checkout: accessibility', () => {
  it('has no axe violation with the methods shown', async () => {
    element = await mount({ token: token('open') });
    await cardFrame(element);
    await expectAccessible(element);
  });

  it('has no axe violation in tab layout', async () => {
    element = await mount({ token: token('open'), layout: 'tab' });
    await expectAccessible(element);
    const tab = part(element.shadowRoot!.querySelector('guichet-methods') as unknown as GuichetCheckout, '[role="tab"]');
    expect(tab?.getAttribute('aria-selected')).to.equal('true');
  });
});

describe('checkout: defaults', () => {
  it('shows the shop, the amount and the order, and loads the card fields from the gateway', async () => {
    element = await mount({ token: token('open'), gateway: CROSS_ORIGIN_GATEWAY });
    expect(element.layout).to.equal('column');
    expect(part(element, '[part="shop"]')!.textContent).to.equal('Demo Shop');
    expect(part(element, '[part="amount"]')!.textContent).to.equal('€12.34');
    expect(part(element, '[part="order"]')!.textContent).to.equal('Order ORDER-42');
    const frame = await cardFrame(element);
    const src = new URL(frame.src);
    expect(src.origin).to.equal(CROSS_ORIGIN_GATEWAY);
    expect(src.pathname).to.equal('/widget/fields.html');
    expect(src.searchParams.get('origin')).to.equal(location.origin);
    expect(src.searchParams.get('locale')).to.equal('en');
    expect(frame.title).to.equal('Secure card details');
    expect(part(element, '[part="pay-button"]')!.textContent!.trim()).to.equal('Pay €12.34');
    expect(part<HTMLAnchorElement>(element, '[part="cancel-link"]')!.href).to.equal('https://shop.example/cancel');
  });

  it('writes no style attribute anywhere (strict CSP)', async () => {
    element = await mount({ token: token('paid'), 'force-ticket': '' });
    await until(() => part(element!, 'guichet-ticket'), 'the ticket');
    const styled = shadowElements(element.shadowRoot!).filter((el) => el.hasAttribute('style'));
    expect(styled.map((el) => el.tagName)).to.deep.equal([]);
  });

  it('hands a nonce to Lit for strict CSP', async () => {
    const global = window as { litNonce?: string };
    delete global.litNonce;
    const el = document.createElement('guichet-checkout');
    el.setAttribute('nonce', 'n0nce');
    document.body.append(el);
    expect(global.litNonce).to.equal('n0nce');
    el.remove();
  });
});

describe('checkout: locale', () => {
  it('takes the attribute first', async () => {
    element = await mount({ token: token('fr'), locale: 'it' });
    expect(element.getLanguage()).to.equal('it');
    expect(part(element, '[part="pay-button"]')!.textContent!.trim()).to.equal('Paga 12,34\u00a0€');
  });

  it('takes the session’s languageCode next', async () => {
    element = await mount({ token: token('fr') });
    expect(element.getLanguage()).to.equal('fr');
    expect(part(element, '[part="amount"]')!.textContent).to.equal('12,34\u00a0€');
    expect(part(element, '[part="order"]')!.textContent).to.equal('Commande ORDER-42');
    expect(new URL(part<HTMLIFrameElement>(element, '#card-frame')!.src).searchParams.get('locale')).to.equal('fr');
  });

  it('reads ISO 639-2 languageCodes', async () => {
    element = await mount({ token: token('de') });
    expect(element.getLanguage()).to.equal('de');
  });

  it('takes the browser’s language last', async () => {
    element = await mount({ token: token('open') });
    expect(element.getLanguage()).to.equal('en');
  });

  it('switches when the attribute changes', async () => {
    element = await mount({ token: token('open') });
    element.locale = 'pl';
    await until(() => element!.getLanguage() === 'pl', 'Polish');
    await element.updateComplete;
    expect(part(element, '[part="pay-button"]')!.textContent!.trim()).to.equal('Zapłać 12,34\u00a0€');
  });
});

describe('checkout: theme', () => {
  it('applies the shop’s theme and logo, dropping a value that is not a colour', async () => {
    element = await mount({ token: token('themed') });
    const style = getComputedStyle(element);
    expect(style.getPropertyValue('--guichet-color-primary').trim()).to.equal('rgb(1, 2, 3)');
    expect(style.getPropertyValue('--guichet-color-text').trim()).to.equal('');
    expect(part(element, '[part="shop"]')!.textContent).to.equal('Boutique Soleil');
    expect(part<HTMLImageElement>(element, '[part="logo"]')!.alt).to.equal('');
    expect(getComputedStyle(part(element, '[part="pay-button"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });
});

describe('checkout: parts', () => {
  it('lets the page style its parts, nested ones included', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('guichet-checkout::part(pay-button) { color: rgb(9, 8, 7); } guichet-checkout::part(print-button) { color: rgb(7, 8, 9); }');
    document.adoptedStyleSheets = [sheet];
    element = await mount({ token: token('open') });
    expect(getComputedStyle(part(element, '[part="pay-button"]')!).color).to.equal('rgb(9, 8, 7)');
    element.remove();
    element = await mount({ token: token('paid'), 'force-ticket': '' });
    const ticket = part(element, 'guichet-ticket')!;
    await (ticket as unknown as GuichetCheckout).updateComplete;
    expect(getComputedStyle(ticket.shadowRoot!.querySelector('[part="print-button"]')!).color).to.equal('rgb(7, 8, 9)');
    document.adoptedStyleSheets = [];
  });
});

describe('checkout: states and events', () => {
  it('fires will-show, then the state, bubbling and composed out of a shadow root', async () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    const seen: string[] = [];
    document.addEventListener('guichet-will-show', () => seen.push('will-show'), { once: true });
    document.addEventListener('guichet-state', (event) => seen.push(event.detail.state), { once: true });
    element = await mount({ token: token('open') }, shadow);
    expect(seen).to.deep.equal(['will-show', 'PAYMENT_METHODS_LIST']);
    expect(element.currentState).to.equal('PAYMENT_METHODS_LIST');
    await cardFrame(element);
    host.remove();
  });

  it('shows TOKEN_EXPIRED for an unknown token, as a final state', async () => {
    const final = nextEvent(document, 'guichet-final-state');
    element = await mount({ token: token('unknown') });
    expect((await final).detail.state).to.equal('TOKEN_EXPIRED');
    expect(part(element, '[part="result-title"]')!.textContent).to.equal('This payment session has expired.');
    expect(part(element, '[part="back-link"]')).to.equal(null);
    await expectAccessible(element);
  });

  it('shows TOKEN_EXPIRED with the way back for an expired session', async () => {
    element = await mount({ token: token('expired'), locale: 'fr' });
    expect(element.currentState).to.equal('TOKEN_EXPIRED');
    expect(part(element, '[part="result-title"]')!.textContent).to.equal('Cette session de paiement a expiré.');
    expect(part<HTMLAnchorElement>(element, '[part="back-link"]')!.href).to.equal('https://shop.example/cancel');
  });

  it('shows an accepted session with its ticket on demand', async () => {
    element = await mount({ token: token('paid') });
    expect(element.currentState).to.equal('PAYMENT_SUCCESS');
    expect(part(element, '[part="result-title"]')!.textContent).to.equal('Payment accepted');
    await expectAccessible(element);
    part(element, '[part="ticket-button"]')!.click();
    await until(() => part(element!, 'guichet-ticket'), 'the ticket');
    await expectAccessible(element);
  });

  it('shows the ticket at once with force-ticket: shop, date, card, amount, authorization, transaction', async () => {
    element = await mount({ token: token('paid'), 'force-ticket': '', locale: 'fr' });
    expect(element.currentState).to.equal('PAYMENT_SUCCESS_FORCE_TICKET_DISPLAY');
    const ticket = part(element, 'guichet-ticket')!;
    await (ticket as unknown as GuichetCheckout).updateComplete;
    const lines = [...ticket.shadowRoot!.querySelectorAll('dl div')].map((line) => [line.querySelector('dt')!.textContent, line.querySelector('dd')!.textContent]);
    expect(lines).to.deep.equal([
      ['Boutique', 'Demo Shop'],
      ['Date', '5 mars 2026 à 14:07'],
      ['Carte', '378282XXXXX0005'],
      ['Montant', '12,34\u00a0€'],
      ['Numéro d’autorisation', 'A55X21'],
      ['Transaction', '26064140000123'],
      ['Commande', 'ORDER-42'],
    ]);
    expect(ticket.shadowRoot!.querySelector('[part="print-button"]')!.textContent).to.equal('Imprimer le ticket');
    expect(part<HTMLAnchorElement>(element, '[part="back-link"]')!.href).to.equal('https://shop.example/return');
  });

  it('lets the merchant take over a final state', async () => {
    const taken = (event: Event) => event.preventDefault();
    document.addEventListener('guichet-final-state', taken);
    element = await mount({ token: token('paid') });
    document.removeEventListener('guichet-final-state', taken);
    expect(element.currentState).to.equal('PAYMENT_SUCCESS');
    expect(part(element, 'guichet-result')).to.equal(null);
  });
});

describe('checkout: JS API', () => {
  it('answers getContextInfo, isSandbox, getCancelAndReturnUrls', async () => {
    element = await mount({ token: token('open') });
    expect(element.getContextInfo('PaylineAmountSmallestUnit')).to.equal(1234);
    expect(element.getContextInfo('PaylineCurrencyDigits')).to.equal(2);
    expect(element.getContextInfo('PaylineCurrencyCode')).to.equal('978');
    expect(element.getContextInfo('PaylineFormattedAmount')).to.equal('€12.34');
    expect(element.getContextInfo('PaylineOrderRef')).to.equal('ORDER-42');
    expect(element.getContextInfo('PaylineBuyerFirstName')).to.equal(undefined);
    expect(element.isSandbox()).to.equal(true);
    expect(element.getCancelAndReturnUrls()).to.deep.equal({ cancelUrl: 'https://shop.example/cancel', returnUrl: 'https://shop.example/return' });
  });

  it('hides and shows, and resets onto another token', async () => {
    element = await mount({ token: token('open') });
    element.hide();
    await element.updateComplete;
    expect(getComputedStyle(element).display).to.equal('none');
    element.show();
    await element.updateComplete;
    expect(getComputedStyle(element).display).to.equal('block');
    const shown = nextEvent(element, 'guichet-state');
    element.reset(token('paid'));
    expect((await shown).detail.state).to.equal('PAYMENT_SUCCESS');
  });
});

describe('checkout: bad input', () => {
  it('ignores messages that do not come from its iframe', async () => {
    element = await mount({ token: token('open') });
    window.postMessage({ type: 'guichet:pay-result', result: { code: '00000', shortMessage: 'ACCEPTED', longMessage: '' } }, '*');
    window.postMessage({ type: 'guichet:3ds-complete', token: element.token }, '*');
    window.postMessage('guichet:pay-result', '*');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(element.currentState).to.equal('PAYMENT_METHODS_LIST');
  });

  it('says so when the gateway cannot be reached', async () => {
    const el = document.createElement('guichet-checkout');
    el.gateway = 'http://127.0.0.1:9';
    el.token = token('open');
    const message = nextEvent(el, 'guichet-message');
    document.body.append(el);
    expect((await message).detail).to.include({ type: 'error', key: 'networkError' });
    el.remove();
  });
});
