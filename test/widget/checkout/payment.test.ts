/**
 * Paying with <guichet-checkout> on the fake gateway: keyboard only across origins, a refusal
 * then a retry, the last attempt, cancel, 3-D Secure in the iframe and by redirect, and the
 * widget inside a merchant's shadow root. The card digits stay in the iframe.
 */
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { GuichetCheckout } from '../../../widget/checkout/checkout.component.js';
import {
  CROSS_ORIGIN_GATEWAY,
  cardFrame,
  fieldsValid,
  fillCard,
  mount,
  part,
  pay,
  typeCard,
} from '../support/checkout-harness.js';
import { expectAccessible, nextEvent, token, until } from '../support/helpers.js';

let element: GuichetCheckout | undefined;
afterEach(() => element?.remove());

/** The card the fake gateway received for `sessionToken`. */
async function lastPay(sessionToken: string): Promise<Record<string, string>> {
  return (await fetch(`/fake/last-pay/${sessionToken}`)).json();
}

describe('payment: keyboard only, gateway on another origin', () => {
  it('pays with Tab, typing and Enter, then reads the ticket', async () => {
    const sessionToken = token('open');
    element = await mount({ token: sessionToken, gateway: CROSS_ORIGIN_GATEWAY });
    const before = nextEvent(element, 'guichet-before-payment');
    const final = nextEvent(element, 'guichet-final-state');
    await typeCard(element, { number: '4111111111111111' });
    await fieldsValid(element);
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement?.getAttribute('part')).to.equal('pay-button');
    await sendKeys({ press: 'Enter' });
    await before;
    expect((await final).detail.state).to.equal('PAYMENT_SUCCESS');
    await until(() => element!.shadowRoot!.activeElement?.tagName === 'GUICHET-RESULT', 'focus on the result');
    expect(await lastPay(sessionToken)).to.deep.equal({ number: '4111111111111111', expirationDate: '1255', cvx: '123', cardholder: 'Jeanne Martin', type: 'VISA' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => part(element!, 'guichet-ticket'), 'the ticket');
    await expectAccessible(element);
  });

  it('pays an Amex with its 4-digit CID by keyboard', async () => {
    const sessionToken = token('open');
    element = await mount({ token: sessionToken, gateway: CROSS_ORIGIN_GATEWAY });
    await typeCard(element, { number: '378282246310005', cvx: '1234' });
    await fieldsValid(element);
    await sendKeys({ press: 'Enter' });
    await until(() => element!.currentState === 'PAYMENT_SUCCESS', 'success');
    expect(await lastPay(sessionToken)).to.include({ number: '378282246310005', cvx: '1234', type: 'AMEX' });
  });

  it('never lets the page read the card number', async () => {
    element = await mount({ token: token('open'), gateway: CROSS_ORIGIN_GATEWAY });
    const frame = await cardFrame(element);
    expect(frame.contentDocument).to.equal(null);
    const seen: string[] = [];
    const spy = (event: MessageEvent) => seen.push(JSON.stringify(event.data));
    window.addEventListener('message', spy);
    await typeCard(element, { number: '4111111111111111' });
    await fieldsValid(element);
    window.removeEventListener('message', spy);
    expect(seen.length).to.be.greaterThan(0);
    expect(seen.join()).to.not.match(/4111|1255|Jeanne/);
  });
});

describe('payment: invalid card', () => {
  it('shows the errors in the iframe and does not start a payment', async () => {
    element = await mount({ token: token('open') });
    const frame = await cardFrame(element);
    let started = false;
    element.addEventListener('guichet-before-payment', () => (started = true));
    part(element, '[part="pay-button"]')!.click();
    const doc = frame.contentDocument!;
    await until(() => doc.getElementById('number-error')!.textContent !== '', 'the errors');
    expect(doc.getElementById('number-error')!.textContent).to.equal('Enter your card number.');
    expect(started).to.equal(false);
    expect(element.currentState).to.equal('PAYMENT_METHODS_LIST');
  });
});

describe('payment: refused', () => {
  it('offers a retry with the reason, then accepts another card', async () => {
    element = await mount({ token: token('open') });
    const message = nextEvent(element, 'guichet-message');
    await fillCard(element, { number: '4000000000011009' });
    expect(await pay(element)).to.equal('PAYMENT_FAILURE_WITH_RETRY');
    expect((await message).detail).to.include({
      type: 'error',
      key: 'refusedRetry',
      message: 'Your bank declined the payment. Your payment was refused. You can try again (2 attempts left).',
    });
    expect(part(element, '[part="message"]')!.textContent).to.equal((await message).detail.message);
    await expectAccessible(element);
    const removed = nextEvent(element, 'guichet-message-remove');
    await fillCard(element, { number: '5555555555554444' });
    expect(await pay(element)).to.equal('PAYMENT_SUCCESS');
    expect((await removed).detail.id).to.equal((await message).detail.id);
  });

  it('says why in French: the amount exceeds the card limit', async () => {
    element = await mount({ token: token('fr') });
    await fillCard(element, { number: '5132100000011161' });
    expect(await pay(element)).to.equal('PAYMENT_FAILURE_WITH_RETRY');
    expect(part(element, '[part="message"]')!.textContent).to.equal(
      'Le montant dépasse le plafond de votre carte. Votre paiement a été refusé. Vous pouvez réessayer (2 essais restants).',
    );
  });

  it('ends in PAYMENT_FAILURE on the last attempt, with the way back', async () => {
    element = await mount({ token: token('last') });
    await fillCard(element, { number: '4000000000011009' });
    expect(await pay(element)).to.equal('PAYMENT_FAILURE');
    expect(part(element, '[part="result-title"]')!.textContent).to.equal('Payment refused');
    expect(part<HTMLAnchorElement>(element, '[part="back-link"]')!.href).to.equal('https://shop.example/cancel');
    await expectAccessible(element);
  });

  it('can hide a message (willdisplaymessage returning false)', async () => {
    element = await mount({ token: token('open') });
    element.addEventListener('guichet-message', (event) => event.preventDefault());
    await fillCard(element, { number: '4000000000011009' });
    expect(await pay(element)).to.equal('PAYMENT_FAILURE_WITH_RETRY');
    expect(part(element, '[part="message"]')!.textContent).to.equal('');
  });
});

describe('payment: cancel', () => {
  it('cancels the session and hands over to the merchant', async () => {
    element = await mount({ token: token('open') });
    element.addEventListener('guichet-final-state', (event) => event.preventDefault());
    const final = nextEvent(element, 'guichet-final-state');
    part(element, '[part="cancel-link"]')!.click();
    expect((await final).detail.state).to.equal('PAYMENT_CANCELED');
    expect(element.currentState).to.equal('PAYMENT_CANCELED');
  });
});

describe('payment: 3-D Secure', () => {
  it('shows the challenge in an iframe; passed, the payment is accepted', async () => {
    element = await mount({ token: token('open') });
    await fillCard(element, { number: '4970103000000026' });
    await fieldsValid(element);
    part(element, '[part="pay-button"]')!.click();
    await until(() => part(element!, '#challenge-frame'), 'the challenge');
    const challenge = part<HTMLIFrameElement>(element, '#challenge-frame')!;
    expect(challenge.title).to.equal('3-D Secure verification by your bank');
    expect(new URL(challenge.src).searchParams.get('origin')).to.equal(location.origin);
    expect(part(element, 'guichet-methods')!.hidden).to.equal(true);
    await expectAccessible(element);
    await until(() => challenge.contentDocument?.getElementById('finish'), 'the bank page');
    const final = nextEvent(element, 'guichet-final-state');
    challenge.contentDocument!.getElementById('finish')!.click();
    expect((await final).detail.state).to.equal('PAYMENT_SUCCESS');
  });

  it('failed, offers a retry saying the bank could not authenticate', async () => {
    element = await mount({ token: token('open') });
    await fillCard(element, { number: '4970103000000034' });
    await fieldsValid(element);
    part(element, '[part="pay-button"]')!.click();
    await until(() => part<HTMLIFrameElement>(element!, '#challenge-frame')?.contentDocument?.getElementById('finish'), 'the bank page');
    const shown = nextEvent(element, 'guichet-state', (event) => event.detail.state === 'PAYMENT_FAILURE_WITH_RETRY');
    part<HTMLIFrameElement>(element, '#challenge-frame')!.contentDocument!.getElementById('finish')!.click();
    await shown;
    expect(part(element, '#challenge-frame')).to.equal(null);
    expect(part(element, '[part="message"]')!.textContent).to.match(/^Your bank could not authenticate you\./);
  });

  it('shows again a challenge still waiting when the page is reloaded', async () => {
    element = await mount({ token: token('authenticating') });
    expect(element.currentState).to.equal('ACTIVE_WAITING');
    await until(() => part(element!, '#challenge-frame'), 'the challenge');
    const challenge = new URL(part<HTMLIFrameElement>(element, '#challenge-frame')!.src);
    expect(challenge.pathname).to.equal('/acs/challenge/authenticating');
    expect(challenge.searchParams.get('origin')).to.equal(location.origin);
  });

  it('offers a link to a waiting challenge, without leaving unasked, when embedded redirection is not allowed', async () => {
    element = await mount({ token: token('authenticating'), 'embedded-redirection-allowed': 'false' });
    await until(() => part(element!, '[part="challenge-link"]'), 'the link');
    const link = new URL(part<HTMLAnchorElement>(element, '[part="challenge-link"]')!.href);
    expect(link.searchParams.get('returnURL')).to.equal(location.href);
    expect(part(element, '#challenge-frame')).to.equal(null);
    await expectAccessible(element);
  });

  it('leaves for the challenge page when embedded redirection is not allowed', async () => {
    const sessionToken = token('open');
    const frame = document.createElement('iframe');
    frame.src = `/fake/host.html?token=${sessionToken}`;
    document.body.append(frame);
    await until(() => frame.contentDocument?.querySelector('guichet-checkout')?.currentState, 'the hosted checkout');
    const hosted = frame.contentDocument!.querySelector('guichet-checkout')!;
    expect(hosted.embeddedRedirectionAllowed).to.equal(false);
    await fillCard(hosted, { number: '4970103000000026' });
    await fieldsValid(hosted);
    part(hosted, '[part="pay-button"]')!.click();
    await until(() => frame.contentWindow?.location.pathname.startsWith('/acs/challenge/'), 'the redirect');
    const target = new URL(frame.contentWindow!.location.href);
    expect(target.searchParams.get('returnURL')).to.equal(`${location.origin}/fake/host.html?token=${sessionToken}`);
    frame.remove();
  });
});

describe('payment: inside a merchant shadow root', () => {
  it('finds its iframe and pays', async () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'closed' });
    document.body.append(host);
    const final = nextEvent(document, 'guichet-final-state');
    element = await mount({ token: token('open'), gateway: CROSS_ORIGIN_GATEWAY }, shadow);
    await typeCard(element, { number: '5555555555554444' });
    await fieldsValid(element);
    await sendKeys({ press: 'Enter' });
    expect((await final).detail.state).to.equal('PAYMENT_SUCCESS');
    host.remove();
  });
});
