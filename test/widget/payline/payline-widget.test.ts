/**
 * A Payline page switching to Guichet by its script URL: `<div id="PaylineWidget" data-token
 * data-template data-event-*>` mounted on load, callbacks called by global name with `return
 * false` honoured where Payline honours it, and `window.Payline.Api`.
 */
import { expect } from '@esm-bundle/chai';
import type { GuichetCheckout } from '../../../widget/checkout/checkout.component.js';
import { installPaylineApi, paylineApi } from '../../../widget/payline/payline-api.js';
import { fillCard, part, pay } from '../support/checkout-harness.js';
import { token, until } from '../support/helpers.js';

type Calls = Array<[string, unknown]>;
const calls: Calls = [];
const globals = window as unknown as Record<string, unknown>;
let takeOver = false;
let hideMessages = false;

globals.onWillInit = () => calls.push(['willinit', undefined]);
globals.onWillShow = () => calls.push(['willshow', undefined]);
globals.onDidShowState = (arg: unknown) => calls.push(['didshowstate', arg]);
globals.onFinalState = (arg: unknown) => (calls.push(['finalstatehasbeenreached', arg]), takeOver ? false : undefined);
globals.onMessage = (arg: unknown) => (calls.push(['willdisplaymessage', arg]), hideMessages ? false : undefined);
globals.onRemoveMessage = (arg: unknown) => calls.push(['willremovemessage', arg]);
globals.onBeforePayment = () => calls.push(['beforepayment', undefined]);

/** A Payline container with every callback wired. */
function container(attributes: Record<string, string>): HTMLDivElement {
  document.getElementById('PaylineWidget')?.remove();
  const div = document.createElement('div');
  div.id = 'PaylineWidget';
  const events = {
    willinit: 'onWillInit', willshow: 'onWillShow', didshowstate: 'onDidShowState', finalstatehasbeenreached: 'onFinalState',
    willdisplaymessage: 'onMessage', willremovemessage: 'onRemoveMessage', beforepayment: 'onBeforePayment',
  };
  for (const [name, fn] of Object.entries(events)) div.setAttribute(`data-event-${name}`, fn);
  for (const [name, value] of Object.entries(attributes)) div.setAttribute(name, value);
  document.body.append(div);
  return div;
}

const widget = () => document.querySelector('#PaylineWidget guichet-checkout') as GuichetCheckout;
const names = () => calls.map(([name]) => name);

beforeEach(() => {
  calls.length = 0;
  takeOver = false;
  hideMessages = false;
});

describe('PaylineWidget container', () => {
  it('is mounted when guichet.js loads, with its template, and calls willinit, willshow, didshowstate', async () => {
    container({ 'data-token': token('open'), 'data-template': 'tab', 'data-embeddedredirectionallowed': 'false' });
    await import('../../../widget/guichet.js');
    await until(() => calls.some(([name]) => name === 'didshowstate'), 'didshowstate');
    expect(names()).to.deep.equal(['willinit', 'willshow', 'didshowstate']);
    expect(calls[2]![1]).to.deep.equal({ state: 'PAYMENT_METHODS_LIST' });
    expect(widget().layout).to.equal('tab');
    expect(widget().embeddedRedirectionAllowed).to.equal(false);
  });

  it('waits for Payline.Api.init() with data-auto-init="false"', async () => {
    container({ 'data-token': token('open'), 'data-auto-init': 'false' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(widget()).to.equal(null);
    window.Payline!.Api!.init();
    await until(() => widget()?.currentState === 'PAYMENT_METHODS_LIST', 'the widget');
    expect(names()).to.deep.equal(['willinit', 'willshow', 'didshowstate']);
  });

  it('calls beforepayment, willdisplaymessage and willremovemessage around a refused then accepted payment', async () => {
    container({ 'data-token': token('open') });
    window.Payline!.Api!.init();
    await until(() => widget()?.currentState === 'PAYMENT_METHODS_LIST', 'the widget');
    await fillCard(widget(), { number: '4000000000011009' });
    expect(await pay(widget())).to.equal('PAYMENT_FAILURE_WITH_RETRY');
    const message = calls.find(([name]) => name === 'willdisplaymessage')![1] as { id: string; type: string; key: string; message: string };
    expect(message).to.include({ type: 'error', key: 'refusedRetry' });
    expect(part(widget(), '[part="message"]')!.textContent).to.equal(message.message);
    await fillCard(widget(), { number: '4111111111111111' });
    expect(await pay(widget())).to.equal('PAYMENT_SUCCESS');
    expect(names().filter((name) => name !== 'didshowstate')).to.deep.equal([
      'willinit', 'willshow', 'beforepayment', 'willdisplaymessage', 'beforepayment', 'willremovemessage', 'finalstatehasbeenreached',
    ]);
    expect(calls.find(([name]) => name === 'willremovemessage')![1]).to.deep.equal({ id: message.id });
    expect(calls.find(([name]) => name === 'finalstatehasbeenreached')![1]).to.deep.equal({ state: 'PAYMENT_SUCCESS' });
    expect(part(widget(), 'guichet-result')).to.not.equal(null);
  });

  it('hides a message when willdisplaymessage returns false', async () => {
    hideMessages = true;
    container({ 'data-token': token('open') });
    window.Payline!.Api!.init();
    await until(() => widget()?.currentState === 'PAYMENT_METHODS_LIST', 'the widget');
    await fillCard(widget(), { number: '4000000000011009' });
    expect(await pay(widget())).to.equal('PAYMENT_FAILURE_WITH_RETRY');
    expect(part(widget(), '[part="message"]')!.textContent).to.equal('');
  });

  it('lets the merchant take over when finalstatehasbeenreached returns false', async () => {
    takeOver = true;
    container({ 'data-token': token('paid') });
    window.Payline!.Api!.init();
    await until(() => widget()?.currentState === 'PAYMENT_SUCCESS', 'the final state');
    await widget().updateComplete;
    expect(part(widget(), 'guichet-result')).to.equal(null);
  });
});

describe('Payline.Api', () => {
  it('answers about the session', async () => {
    container({ 'data-token': token('fr') });
    window.Payline!.Api!.init();
    await until(() => widget()?.currentState === 'PAYMENT_METHODS_LIST', 'the widget');
    const api = window.Payline!.Api!;
    expect(api.getLanguage()).to.equal('fr');
    expect(api.isSandbox()).to.equal(true);
    expect(api.getContextInfo('PaylineFormattedAmount')).to.equal('12,34\u00a0€');
    expect(api.getContextInfo('PaylineOrderRef')).to.equal('ORDER-42');
    expect(api.getCancelAndReturnUrls()).to.deep.equal({ cancelUrl: 'https://shop.example/cancel', returnUrl: 'https://shop.example/return' });
  });

  it('resets onto another token and template', async () => {
    container({ 'data-token': token('open') });
    window.Payline!.Api!.init();
    await until(() => widget()?.currentState === 'PAYMENT_METHODS_LIST', 'the widget');
    window.Payline!.Api!.reset(token('paid'), 'column');
    await until(() => widget()?.currentState === 'PAYMENT_SUCCESS', 'the new session');
  });

  it('opens and closes a lightbox, even when show() comes before the session', async () => {
    container({ 'data-token': token('open'), 'data-template': 'lightbox' });
    window.Payline!.Api!.init();
    window.Payline!.Api!.show();
    await until(() => part<HTMLDialogElement>(widget(), 'dialog')?.open, 'the open lightbox');
    window.Payline!.Api!.hide();
    await until(() => !part<HTMLDialogElement>(widget(), 'dialog')!.open, 'the closed lightbox');
  });

  it('keeps what the page put under window.Payline', () => {
    const page = window.Payline;
    (window as unknown as { Payline: object }).Payline = { Models: 'kept' };
    installPaylineApi();
    expect(window.Payline).to.deep.equal({ Models: 'kept', Api: paylineApi });
    window.Payline = page;
  });
});
