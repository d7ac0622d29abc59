/** The lightbox layout: a button opens a modal dialog (show()), focus stays in it, Escape closes it. */
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { GuichetCheckout } from '../../../widget/checkout/checkout.component.js';
import { cardFrame, mount, part } from '../support/checkout-harness.js';
import { expectAccessible, shiftTab, token, until } from '../support/helpers.js';

let element: GuichetCheckout;
afterEach(() => element.remove());

const dialog = () => part<HTMLDialogElement>(element, 'dialog')!;

/** The focused element, looking into shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether `node` is in the dialog, across shadow boundaries. */
function inDialog(node: Node | null): boolean {
  for (let at = node; at; at = at.parentNode ?? (at as ShadowRoot).host ?? null) {
    if (at === dialog()) return true;
  }
  return false;
}

async function open(): Promise<void> {
  element.show();
  await until(() => dialog().open, 'the dialog');
  await cardFrame(element);
}

describe('lightbox', () => {
  beforeEach(async () => {
    element = await mount({ token: token('open'), layout: 'lightbox' });
  });

  it('shows only its open button until show()', async () => {
    expect(dialog().open).to.equal(false);
    expect(part(element, '[part="open-button"]')!.textContent).to.equal('Pay €12.34');
    await expectAccessible(element);
  });

  it('opens as a modal dialog named after the shop, accessible', async () => {
    await open();
    expect(dialog().matches(':modal')).to.equal(true);
    expect(part(element, '#dialog-title')!.textContent).to.equal('Payment to Demo Shop');
    expect(inDialog(deepActive())).to.equal(true);
    await expectAccessible(element);
  });

  it('opens from its button with the keyboard', async () => {
    part(element, '[part="open-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog().open, 'the dialog');
  });

  it('keeps the focus inside while tabbing forward and back', async () => {
    await open();
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      expect(inDialog(deepActive()), `Tab ${i + 1}: ${deepActive()?.outerHTML.slice(0, 60)}`).to.equal(true);
    }
    for (let i = 0; i < 12; i++) {
      await shiftTab();
      expect(inDialog(deepActive()), `Shift+Tab ${i + 1}`).to.equal(true);
    }
  });

  it('closes on Escape and gives the focus back to its button', async () => {
    part(element, '[part="open-button"]')!.focus();
    await open();
    part(element, '[part="close-button"]')!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog().open, 'the dialog to close');
    expect(deepActive()?.getAttribute('part')).to.equal('open-button');
  });

  it('closes on Escape pressed in the card fields', async () => {
    await open();
    const frame = part<HTMLIFrameElement>(element, '#card-frame')!;
    frame.focus();
    frame.contentDocument!.getElementById('number')!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog().open, 'the dialog to close');
  });

  it('closes with its close button and hide()', async () => {
    await open();
    part(element, '[part="close-button"]')!.click();
    await until(() => !dialog().open, 'the dialog to close');
    await open();
    element.hide();
    await until(() => !dialog().open, 'the dialog to close');
  });
});
