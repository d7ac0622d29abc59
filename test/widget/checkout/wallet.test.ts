/**
 * Saved cards and web wallets in <guichet-checkout> on the fake gateway: the saved-card list of a
 * payment with buyer.walletId (the default chosen, the CVV asked again in the card-fields page
 * where the card's contract requires it, paid straight away where not), another card with "save
 * this card", and MANAGE_WEB_WALLET (default, expiry, remove, add through the card fields, done),
 * in English and in other locales.
 */
import { expect } from '@esm-bundle/chai';
import type { GuichetCheckout } from '../../../widget/checkout/checkout.component.js';
import { cardFrame, fillCard, mount, part, pay } from '../support/checkout-harness.js';
import { expectAccessible, nextEvent, token, until } from '../support/helpers.js';

let element: GuichetCheckout | undefined;
afterEach(() => element?.remove());

async function lastPay(sessionToken: string): Promise<Record<string, unknown>> {
  return (await fetch(`/fake/last-pay/${sessionToken}`)).json();
}

/** The radio button of a saved card (or '' for another card). */
function choice(el: GuichetCheckout, cardInd: string): HTMLInputElement {
  return part<HTMLInputElement>(el, `#saved-${cardInd || 'other'}`)!;
}

/** Types a saved card's CVV into the CVV page (same origin as the test page). */
async function fillCvx(el: GuichetCheckout, cvx: string): Promise<void> {
  const frame = await cardFrame(el);
  await until(() => new URL(frame.src).searchParams.get('mode') === 'cvx' && frame.contentDocument?.getElementById('cvx'), 'the CVV field');
  const doc = frame.contentDocument!;
  const input = doc.getElementById('cvx') as HTMLInputElement;
  input.focus();
  doc.execCommand('insertText', false, cvx);
}

/** The wallet manager, once its chunk is loaded. */
async function manager(el: GuichetCheckout): Promise<HTMLElement> {
  await until(() => el.shadowRoot!.querySelector('guichet-wallet-manager')?.shadowRoot?.querySelector('section'), 'the wallet manager');
  return el.shadowRoot!.querySelector('guichet-wallet-manager')!;
}

function inManager<E extends Element = HTMLElement>(m: HTMLElement, selector: string): E | null {
  return m.shadowRoot!.querySelector<E>(selector);
}

function buttonsOf(m: HTMLElement, text: string): HTMLButtonElement[] {
  return [...m.shadowRoot!.querySelectorAll('button')].filter((b) => b.textContent!.trim() === text);
}

describe('saved cards (buyer.walletId)', () => {
  it('lists the saved cards, the default chosen, and asks its CVV again in the card fields', async () => {
    const sessionToken = token('wallet');
    element = await mount({ token: sessionToken });
    expect(element.currentState).to.equal('PAYMENT_METHODS_LIST');
    const labels = [...part(element, '[part~="saved-cards"]')!.querySelectorAll('label')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim());
    expect(labels).to.deep.equal(['CB 497010XXXXXX4455, expires 12/30 Default', 'AMEX 378282XXXXX0005, expires 03/31', 'Use another card']);
    expect(choice(element, '1').checked).to.equal(true);
    const frame = await cardFrame(element);
    expect(frame.title).to.equal('Security code of the saved card');
    expect(new URL(frame.src).searchParams.get('card')).to.equal('1');
    expect(part(element, '[part~="save-card"]')).to.equal(null);
    await expectAccessible(element);

    await fillCvx(element, '123');
    expect(await pay(element)).to.equal('PAYMENT_SUCCESS');
    expect(await lastPay(sessionToken)).to.deep.equal({ cardInd: '1', cvx: '123' });
  });

  it('refuses to pay without the CVV the card needs: the field says so, nothing is sent', async () => {
    const sessionToken = token('wallet');
    element = await mount({ token: sessionToken });
    const frame = await cardFrame(element);
    await until(() => frame.contentDocument?.getElementById('cvx'), 'the CVV field');
    part(element, '[part="pay-button"]')!.click();
    const input = frame.contentDocument!.getElementById('cvx') as HTMLInputElement;
    await until(() => input.getAttribute('aria-invalid') === 'true', 'the CVV error');
    expect(frame.contentDocument!.getElementById('cvx-error')!.textContent).to.equal('Enter the security code.');
    expect(element.currentState).to.equal('PAYMENT_METHODS_LIST');
    expect(await lastPay(sessionToken)).to.equal(null);
  });

  it('pays a saved card whose contract asks no CVV at once, without an iframe', async () => {
    const sessionToken = token('wallet');
    element = await mount({ token: sessionToken });
    choice(element, '2').click();
    await element.updateComplete;
    expect(part(element, '#card-frame')).to.equal(null);
    const settled = nextEvent(element, 'guichet-state', (event) => event.detail.state !== 'ACTIVE_WAITING');
    part(element, '[part="pay-button"]')!.click();
    expect((await settled).detail.state).to.equal('PAYMENT_SUCCESS');
    expect(await lastPay(sessionToken)).to.deep.equal({ cardInd: '2' });
  });

  it('takes another card and saves it when asked', async () => {
    const sessionToken = token('wallet');
    element = await mount({ token: sessionToken });
    choice(element, '').click();
    await element.updateComplete;
    const frame = await cardFrame(element);
    expect(new URL(frame.src).searchParams.get('mode')).to.equal(null);
    const save = part<HTMLInputElement>(element, '[part~="save-card"]')!;
    expect(save.closest('label')!.textContent!.trim()).to.equal('Save this card for my next purchases');
    save.click();
    await fillCard(element, { number: '4111111111111111' });
    expect(await pay(element)).to.equal('PAYMENT_SUCCESS');
    expect(await lastPay(sessionToken)).to.include({ number: '4111111111111111', saveCard: true });
  });

  it('offers "save this card" under the card form when the wallet has no card yet; unticked, nothing is saved', async () => {
    const sessionToken = token('newwallet');
    element = await mount({ token: sessionToken });
    expect(part(element, '[part~="saved-cards"]')).to.equal(null);
    expect(part<HTMLInputElement>(element, '[part~="save-card"]')!.checked).to.equal(false);
    await fillCard(element, { number: '4970101122334455' });
    expect(await pay(element)).to.equal('PAYMENT_SUCCESS');
    expect(await lastPay(sessionToken)).to.not.have.property('saveCard');
  });

  it('speaks French', async () => {
    element = await mount({ token: token('frwallet') });
    const labels = [...part(element, '[part~="saved-cards"]')!.querySelectorAll('label')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim());
    expect(labels).to.deep.equal(['CB 497010XXXXXX4455, expire fin 12/30 Par défaut', 'AMEX 378282XXXXX0005, expire fin 03/31', 'Utiliser une autre carte']);
    expect((await cardFrame(element)).title).to.equal('Cryptogramme de la carte enregistrée');
  });
});

describe('MANAGE_WEB_WALLET', () => {
  it('shows the wallet: no amount, the cards, their actions; accessible', async () => {
    element = await mount({ token: token('manage') });
    expect(element.currentState).to.equal('MANAGE_WEB_WALLET');
    const m = await manager(element);
    expect(part(element, '[part="amount"]')).to.equal(null);
    expect(inManager(m, 'h3')!.textContent).to.equal('Your saved cards');
    expect([...m.shadowRoot!.querySelectorAll('li .card')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'CB 497010XXXXXX4455, expires 12/30 Default',
      'AMEX 378282XXXXX0005, expires 03/31',
    ]);
    expect(buttonsOf(m, 'Make default')).to.have.length(1);
    expect(buttonsOf(m, 'Remove')).to.have.length(2);
    await expectAccessible(element);
  });

  it('makes a card the default, changes an expiry, removes a card, each said in the live region', async () => {
    element = await mount({ token: token('manage') });
    const m = await manager(element);
    const message = () => part(element!, '[part="message"]')!.textContent;

    buttonsOf(m, 'Make default')[0]!.click();
    await until(() => message() === 'Default card changed.', 'the default changed');
    expect(m.shadowRoot!.querySelectorAll('li')[1]!.textContent).to.include('Default');

    buttonsOf(m, 'Change the expiry date')[0]!.click();
    await until(() => inManager(m, '#expiry-1'), 'the expiry form');
    const input = inManager<HTMLInputElement>(m, '#expiry-1')!;
    expect(m.shadowRoot!.activeElement).to.equal(input);
    input.value = '13/40';
    inManager<HTMLButtonElement>(m, 'form button')!.click();
    await until(() => input.getAttribute('aria-invalid') === 'true', 'the expiry error');
    expect(inManager(m, '#expiry-1-error')!.textContent).to.equal('Enter the expiry date as MM / YY.');
    input.value = '06/33';
    inManager<HTMLButtonElement>(m, 'form button')!.click();
    await until(() => message() === 'Expiry date changed.', 'the expiry changed');
    expect(m.shadowRoot!.querySelector('li .card')!.textContent).to.include('06/33');

    buttonsOf(m, 'Remove')[1]!.click();
    await until(() => message() === 'Card removed.', 'the card removed');
    expect(m.shadowRoot!.querySelectorAll('li')).to.have.length(1);
    await expectAccessible(element);
  });

  it('adds a card through the card fields, refuses one already saved, then is done', async () => {
    element = await mount({ token: token('manage') });
    const m = await manager(element);
    const message = () => part(element!, '[part="message"]')!.textContent;
    buttonsOf(m, 'Add a card')[0]!.click();
    await until(() => Number(inManager(m, 'iframe')?.getAttribute('height')) > 0, 'the card fields');
    const frame = inManager<HTMLIFrameElement>(m, 'iframe')!;
    expect(new URL(frame.src).searchParams.get('mode')).to.equal('add');
    await fillAddFrame(frame, '4111111111111111');
    inManager<HTMLButtonElement>(m, '[part="save-card-button"]')!.click();
    await until(() => message() === 'Card added.', 'the card added');
    expect(m.shadowRoot!.querySelectorAll('li')).to.have.length(3);
    expect(inManager(m, 'iframe')).to.equal(null);

    buttonsOf(m, 'Add a card')[0]!.click();
    await until(() => Number(inManager(m, 'iframe')?.getAttribute('height')) > 0, 'the card fields again');
    await fillAddFrame(inManager<HTMLIFrameElement>(m, 'iframe')!, '4970101122334455');
    inManager<HTMLButtonElement>(m, '[part="save-card-button"]')!.click();
    await until(() => message() === 'This card is already saved.', 'the refusal');

    const final = nextEvent(element, 'guichet-final-state');
    inManager<HTMLButtonElement>(m, '[part="done-button"]')!.click();
    expect((await final).detail.state).to.equal('PAYMENT_SUCCESS');
    await element.updateComplete;
    expect(part(element, '[part="result-title"]')!.textContent).to.equal('Your cards are saved');
  });

  it('createWebWallet: the card fields at once; the card saved ends the session', async () => {
    element = await mount({ token: token('create') });
    const m = await manager(element);
    expect(inManager(m, '.empty')!.textContent).to.equal('No card saved yet.');
    expect(inManager(m, '[part="done-button"]')).to.equal(null);
    await until(() => Number(inManager(m, 'iframe')?.getAttribute('height')) > 0, 'the card fields');
    await fillAddFrame(inManager<HTMLIFrameElement>(m, 'iframe')!, '5555555555554444');
    const final = nextEvent(element, 'guichet-final-state');
    inManager<HTMLButtonElement>(m, '[part="save-card-button"]')!.click();
    expect((await final).detail.state).to.equal('PAYMENT_SUCCESS');
  });

  it('speaks German', async () => {
    element = await mount({ token: token('demanage') });
    const m = await manager(element);
    expect(inManager(m, 'h3')!.textContent).to.equal('Ihre gespeicherten Karten');
    expect(buttonsOf(m, 'Fertig')).to.have.length(1);
    expect(buttonsOf(m, 'Entfernen')).to.have.length(2);
  });
});

/** Fills the add-card page (same origin as the test page) as a paste would. */
async function fillAddFrame(frame: HTMLIFrameElement, number: string): Promise<void> {
  await until(() => frame.contentDocument?.getElementById('number'), 'the card number field');
  const doc = frame.contentDocument!;
  for (const [id, value] of Object.entries({ number, expiry: '1255', cvx: '123', cardholder: 'Jeanne Martin' })) {
    const input = doc.getElementById(id) as HTMLInputElement;
    input.focus();
    input.select();
    doc.execCommand('insertText', false, value);
  }
}
