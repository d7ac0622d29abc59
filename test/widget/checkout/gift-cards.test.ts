/**
 * The gift-card method of <guichet-checkout> on the fake gateway (`gift-…` sessions of 50.00 EUR,
 * the test gift cards of test/widget/support/fake-gateway.mjs): accessible first; one card paying
 * everything then confirmed; two cards and a card paying the rest; every refusal said beside its
 * field with nothing else changed; remove; the complementary card refused then accepted, with
 * 3-D Secure, and cancel; the locales; the keyboard.
 */
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { SessionState } from '../../../server/notify/socket-protocol.js';
import type { GuichetCheckout } from '../../../widget/checkout/checkout.component.js';
import type { GuichetGiftCards } from '../../../widget/checkout/gift-cards.component.js';
import { CROSS_ORIGIN_GATEWAY, fieldsValid, fillCard, mount, part, pay } from '../support/checkout-harness.js';
import { expectAccessible, nextEvent, token, until } from '../support/helpers.js';

/** Test gift cards of the fake gateway (secret code 1234): 30.00, 15.00, 100.00 EUR and the faulty ones. */
const GIFT = {
  thirty: '6000000000000001',
  fifteen: '6000000000000002',
  hundred: '6000000000000003',
  expired: '6000000000000004',
  blocked: '6000000000000005',
  empty: '6000000000000006',
  discounted: '6000000000000007',
  unknown: '6000000000000099',
};

let element: GuichetCheckout | undefined;
let other: GuichetCheckout | undefined;
afterEach(() => {
  element?.remove();
  other?.remove();
  other = undefined;
});

function giftCardsOf(checkout: GuichetCheckout): GuichetGiftCards {
  return checkout.shadowRoot!.querySelector('guichet-gift-cards')!;
}

/** An element of the gift-card method, by selector. */
function inGiftCards<E extends Element = HTMLElement>(checkout: GuichetCheckout, selector: string): E | null {
  return giftCardsOf(checkout).shadowRoot!.querySelector<E>(selector);
}

/** The text of an element of the gift-card method, the template's spaces and newlines collapsed (not the NBSPs of amounts). */
function text(checkout: GuichetCheckout, selector: string): string {
  return (inGiftCards(checkout, selector)?.textContent ?? '').replace(/[ \t\n]+/g, ' ').trim();
}

/** Types a gift card as a paste would and presses Add; resolves once the gateway answered. */
async function addGiftCard(checkout: GuichetCheckout, number: string, code = '1234'): Promise<void> {
  const cards = giftCardsOf(checkout);
  await cards.updateComplete;
  if (!inGiftCards(checkout, 'form')) inGiftCards(checkout, '[part="add-another-button"]')!.click();
  await cards.updateComplete;
  for (const [id, value] of [['number', number], ['code', code]] as const) {
    const input = inGiftCards<HTMLInputElement>(checkout, `#gift-card-${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  inGiftCards(checkout, '[part="gift-card-add"]')!.click();
  await until(() => !(cards as unknown as { waiting: boolean }).waiting, 'the gateway’s answer');
  await checkout.updateComplete;
  await cards.updateComplete;
}

/** The list of cards entered, one line each: masked number, what it pays, its balance left. */
function entries(checkout: GuichetCheckout): string[] {
  return [...giftCardsOf(checkout).shadowRoot!.querySelectorAll('[part="gift-card"]')].map((li) =>
    [...li.querySelectorAll('span')].map((span) => span.textContent).join(' | '),
  );
}

function payButton(checkout: GuichetCheckout): string {
  return part(checkout, '[part="pay-button"]')!.textContent!.trim();
}

/** The ticket's lines, `term: value`. */
async function ticketLines(checkout: GuichetCheckout): Promise<string[]> {
  await until(() => part(checkout, 'guichet-ticket'), 'the ticket');
  const ticket = part(checkout, 'guichet-ticket')!;
  return [...ticket.shadowRoot!.querySelectorAll('dl div')].map((line) => `${line.querySelector('dt')!.textContent!.trim()}: ${line.querySelector('dd')!.textContent}`);
}

/** The methods shown, by their headings (column layout). */
function methodHeadings(checkout: GuichetCheckout): string[] {
  const methods = checkout.shadowRoot!.querySelector('guichet-methods')!;
  return [...methods.shadowRoot!.querySelectorAll('h3')].map((h3) => h3.textContent!);
}

describe('gift cards: accessibility and defaults', () => {
  it('offers the gift card first, then the card for the whole amount; accessible', async () => {
    element = await mount({ token: token('gift') });
    expect(methodHeadings(element)).to.deep.equal(['Gift card', 'Card']);
    expect(payButton(element)).to.equal('Pay €50.00');
    const number = inGiftCards<HTMLInputElement>(element, '#gift-card-number')!;
    expect(number.labels![0]!.textContent).to.equal('Gift card number');
    expect(number.inputMode).to.equal('numeric');
    expect(number.getAttribute('aria-describedby')).to.equal('gift-card-number-error');
    expect(inGiftCards<HTMLInputElement>(element, '#gift-card-code')!.labels![0]!.textContent).to.equal('Secret code');
    expect(inGiftCards(element, '[part="gift-cards"]')).to.equal(null);
    await expectAccessible(element);
  });

  it('offers gift cards alone when the session takes no card: no card to pay the rest', async () => {
    element = await mount({ token: token('giftonly') });
    expect(methodHeadings(element)).to.deep.equal(['Gift card']);
    await addGiftCard(element, GIFT.thirty);
    expect(text(element, '[part="amount-left"]')).to.equal('Left to pay €20.00');
    expect(inGiftCards(element, '.hint')).to.equal(null);
    expect(text(element, '[part="add-another-button"]')).to.equal('Add another gift card');
    await addGiftCard(element, GIFT.hundred);
    expect(text(element, '[part="confirm-button"]')).to.equal('Pay €50.00 with gift cards');
  });

  it('shows no gift-card method to a session without gift cards', async () => {
    element = await mount({ token: token('open') });
    expect(methodHeadings(element)).to.deep.equal(['Card']);
    expect(giftCardsOf(element)).to.equal(null);
  });
});

describe('gift cards: one card pays everything', () => {
  it('lists it, leaves nothing to pay, confirms without a card and shows it on the ticket', async () => {
    const sessionToken = token('gift');
    element = await mount({ token: sessionToken });
    const message = nextEvent(element, 'guichet-message');
    await addGiftCard(element, '6000 0000 0000 0003', '12 34');
    expect(await (await fetch(`/fake/last-gift-card/${sessionToken}`)).json()).to.deep.equal({ number: GIFT.hundred, code: '1234' });
    expect((await message).detail).to.include({ type: 'info', key: 'giftCardAdded', message: 'Gift card added: it pays €50.00.' });
    expect(part(element, '[part="message"]')!.textContent).to.equal('Gift card added: it pays €50.00.');
    expect(entries(element)).to.deep.equal(['XXXXXXXXXXXX0003 | Pays €50.00 | Balance left: €50.00']);
    expect(text(element, '[part="amount-left"]')).to.equal('Left to pay €0.00');
    expect(methodHeadings(element)).to.deep.equal(['Gift card']);
    expect(inGiftCards(element, 'form')).to.equal(null);
    expect(text(element, '[part="confirm-button"]')).to.equal('Pay €50.00 with gift cards');
    expect(giftCardsOf(element).shadowRoot!.activeElement?.id).to.equal('gift-cards-title');
    expect(element.currentState).to.equal('PAYMENT_METHODS_LIST');
    await expectAccessible(element);

    const before = nextEvent(element, 'guichet-before-payment');
    const states: string[] = [];
    element.addEventListener('guichet-state', (event) => states.push(event.detail.state));
    const final = nextEvent(element, 'guichet-final-state');
    inGiftCards(element, '[part="confirm-button"]')!.click();
    await before;
    expect((await final).detail.state).to.equal('PAYMENT_SUCCESS');
    await until(() => part(element!, '[part="ticket-button"]'), 'the result');
    expect(states).to.deep.equal(['ACTIVE_WAITING', 'PAYMENT_SUCCESS']);
    part(element, '[part="ticket-button"]')!.click();
    expect(await ticketLines(element)).to.deep.equal([
      'Shop: Demo Shop',
      'Date: March 5, 2026 at 2:07 PM',
      'Gift card XXXXXXXXXXXX0003: €50.00',
      'Amount: €50.00',
      'Transaction: 26064140000999',
      'Order: ORDER-42',
    ]);
    await expectAccessible(element);
  });
});

describe('gift cards: two cards and a card for the rest', () => {
  it('pays each card’s share, then the card pays what is left; the ticket shows all three', async () => {
    element = await mount({ token: token('gift') });
    await addGiftCard(element, GIFT.thirty);
    expect(entries(element)).to.deep.equal(['XXXXXXXXXXXX0001 | Pays €30.00 | Balance left: €0.00']);
    expect(text(element, '[part="amount-left"]')).to.equal('Left to pay €20.00');
    expect(text(element, '.hint')).to.equal('Pay the remaining €20.00 by card.');
    expect(payButton(element)).to.equal('Pay €20.00');
    expect(methodHeadings(element)).to.deep.equal(['Gift card', 'Card']);
    expect(inGiftCards(element, 'form')).to.equal(null);
    expect(text(element, '[part="add-another-button"]')).to.equal('Add another gift card');
    await expectAccessible(element);

    await addGiftCard(element, GIFT.fifteen);
    expect(entries(element)).to.deep.equal([
      'XXXXXXXXXXXX0001 | Pays €30.00 | Balance left: €0.00',
      'XXXXXXXXXXXX0002 | Pays €15.00 | Balance left: €0.00',
    ]);
    expect(text(element, '[part="amount-left"]')).to.equal('Left to pay €5.00');
    expect(payButton(element)).to.equal('Pay €5.00');

    await fillCard(element, { number: '4111111111111111' });
    expect(await pay(element)).to.equal('PAYMENT_SUCCESS');
    part(element, '[part="ticket-button"]')!.click();
    expect(await ticketLines(element)).to.deep.equal([
      'Shop: Demo Shop',
      'Date: March 5, 2026 at 2:07 PM',
      'Gift card XXXXXXXXXXXX0001: €30.00',
      'Gift card XXXXXXXXXXXX0002: €15.00',
      'Card 411111XXXXXX1111: €5.00',
      'Amount: €50.00',
      'Authorization number: A12345',
      'Transaction: 26064140000888',
      'Order: ORDER-42',
    ]);
  });

  it('caps a card at the basket’s maximum: the rest goes to the card', async () => {
    element = await mount({ token: token('giftmax') });
    await addGiftCard(element, GIFT.hundred);
    expect(entries(element)).to.deep.equal(['XXXXXXXXXXXX0003 | Pays €40.00 | Balance left: €60.00 | Gift cards pay at most €40.00 per order.']);
    expect(payButton(element)).to.equal('Pay €10.00');
  });
});

describe('gift cards: refusals', () => {
  type Field = 'number' | 'code' | 'form';

  /**
   * Adds a card and expects `message` under `field` only (or each of `message`'s fields): no card
   * added, no state, no amount, no checkout message changed.
   */
  async function expectRefusal(checkout: GuichetCheckout, number: string, code: string, field: Field | Partial<Record<Field, string>>, message?: string): Promise<void> {
    const expected: Partial<Record<Field, string>> = typeof field === 'string' ? { [field]: message } : field;
    const before = entries(checkout);
    const pay = payButton(checkout);
    const messages: string[] = [];
    checkout.addEventListener('guichet-message', (event) => messages.push(event.detail.key));
    await addGiftCard(checkout, number, code);
    const fields = { number: '#gift-card-number-error', code: '#gift-card-code-error', form: '#gift-card-form-error' };
    for (const [name, selector] of Object.entries(fields)) {
      expect(text(checkout, selector), `${number}/${code}: ${name}`).to.equal(expected[name as Field] ?? '');
    }
    for (const name of ['number', 'code'] as const) {
      const input = inGiftCards(checkout, `#gift-card-${name}`)!;
      expect(input.getAttribute('aria-invalid'), name).to.equal(String(expected[name] !== undefined));
    }
    const first = expected.number ? 'number' : expected.code ? 'code' : undefined;
    if (first) expect(giftCardsOf(checkout).shadowRoot!.activeElement).to.equal(inGiftCards(checkout, `#gift-card-${first}`));
    expect(text(checkout, '[role="status"]')).to.equal(Object.values(expected).join(' '));
    expect(entries(checkout)).to.deep.equal(before);
    expect(payButton(checkout)).to.equal(pay);
    expect(checkout.currentState).to.equal('PAYMENT_METHODS_LIST');
    expect(messages).to.deep.equal([]);
  }

  it('says what is wrong with the card beside the field at fault', async () => {
    element = await mount({ token: token('gift') });
    await expectRefusal(element, '', '', { number: 'Enter the gift card number.', code: 'Enter the secret code.' });
    await expectRefusal(element, GIFT.thirty, '', 'code', 'Enter the secret code.');
    await expectRefusal(element, '6000abc', '1234', 'number', 'This gift card number is not valid. Check it.');
    await expectRefusal(element, '123', '1234', 'number', 'This gift card number is not valid. Check it.');
    await expectRefusal(element, GIFT.thirty, '12', 'code', 'This secret code is not valid. Check it.');
    await expectRefusal(element, GIFT.unknown, '1234', 'number', 'This gift card is not recognised. Check its number.');
    await expectRefusal(element, GIFT.thirty, '9999', 'code', 'The secret code does not match this gift card.');
    await expectRefusal(element, GIFT.expired, '1234', 'number', 'This gift card has expired.');
    await expectRefusal(element, GIFT.blocked, '1234', 'number', 'This gift card is blocked.');
    await expectRefusal(element, GIFT.empty, '1234', 'number', 'This gift card has no balance left.');
    await expectRefusal(element, GIFT.discounted, '1234', 'number', 'This shop does not accept discounted gift cards.');
    await expectAccessible(element);
  });

  it('refuses a card entered twice, and clears the error once the shopper types again', async () => {
    element = await mount({ token: token('gift') });
    await addGiftCard(element, GIFT.thirty);
    await expectRefusal(element, GIFT.thirty, '1234', 'number', 'You have already entered this gift card.');
    const number = inGiftCards<HTMLInputElement>(element, '#gift-card-number')!;
    number.value = '6';
    number.dispatchEvent(new Event('input'));
    await giftCardsOf(element).updateComplete;
    expect(text(element, '#gift-card-number-error')).to.equal('');
    expect(number.getAttribute('aria-invalid')).to.equal('false');
  });

  it('says the most cards a basket takes under the form', async () => {
    element = await mount({ token: token('giftmax') });
    await addGiftCard(element, GIFT.thirty);
    await addGiftCard(element, GIFT.hundred);
    expect(entries(element)).to.deep.equal([
      'XXXXXXXXXXXX0001 | Pays €30.00 | Balance left: €0.00',
      'XXXXXXXXXXXX0003 | Pays €10.00 | Balance left: €90.00 | Gift cards pay at most €40.00 per order.',
    ]);
    await expectRefusal(element, GIFT.fifteen, '1234', 'form', 'Maximum number of gift cards reached: 2.');
  });

  it('says the basket’s maximum under the form', async () => {
    element = await mount({ token: token('giftmax') });
    await addGiftCard(element, GIFT.hundred);
    await expectRefusal(element, GIFT.fifteen, '1234', 'form', 'Gift cards can pay at most €40.00 of this order, and that limit is reached.');
  });

  it('says when another tab’s cards already pay everything', async () => {
    const sessionToken = token('gift');
    element = await mount({ token: sessionToken });
    other = await mount({ token: sessionToken });
    await addGiftCard(other, GIFT.hundred);
    await expectRefusal(element, GIFT.thirty, '1234', 'form', 'Your gift cards already pay the whole amount.');
  });

  it('shows TOKEN_EXPIRED when the session expired before the card was added', async () => {
    element = await mount({ token: token('giftgone') });
    const final = nextEvent(element, 'guichet-final-state');
    await addGiftCard(element, GIFT.thirty);
    expect((await final).detail.state).to.equal('TOKEN_EXPIRED');
  });

  it('says so when the gateway cannot be reached, and keeps what was typed', async () => {
    element = await mount({ token: token('gift') });
    giftCardsOf(element).base = new URL('http://127.0.0.1:9/widget/');
    await expectRefusal(element, GIFT.thirty, '1234', 'form', 'We could not reach the payment server. Check your connection and try again.');
    expect(inGiftCards<HTMLInputElement>(element, '#gift-card-number')!.value).to.equal(GIFT.thirty);
  });
});

describe('gift cards: remove', () => {
  it('releases the card: the amount left and the form come back', async () => {
    element = await mount({ token: token('gift') });
    await addGiftCard(element, GIFT.thirty);
    await addGiftCard(element, GIFT.fifteen);
    expect(payButton(element)).to.equal('Pay €5.00');
    const removeButtons = giftCardsOf(element).shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="gift-card-remove"]');
    const describedBy = removeButtons[0]!.getAttribute('aria-describedby')!;
    expect(giftCardsOf(element).shadowRoot!.getElementById(describedBy)!.textContent).to.equal('XXXXXXXXXXXX0001');
    const message = nextEvent(element, 'guichet-message', (event) => event.detail.key === 'giftCardRemoved');
    removeButtons[0]!.click();
    expect((await message).detail.message).to.equal('Gift card removed.');
    await until(() => entries(element!).length === 1, 'the removal');
    expect(entries(element)).to.deep.equal(['XXXXXXXXXXXX0002 | Pays €15.00 | Balance left: €0.00']);
    expect(text(element, '[part="amount-left"]')).to.equal('Left to pay €35.00');
    expect(payButton(element)).to.equal('Pay €35.00');
    inGiftCards(element, '[part="gift-card-remove"]')!.click();
    await until(() => entries(element!).length === 0, 'the second removal');
    await giftCardsOf(element).updateComplete;
    expect(inGiftCards(element, '[part="gift-cards"]')).to.equal(null);
    expect(payButton(element)).to.equal('Pay €50.00');
    expect(giftCardsOf(element).shadowRoot!.activeElement?.id).to.equal('gift-card-number');
  });

  it('brings the card back when a card that paid everything is removed', async () => {
    element = await mount({ token: token('gift') });
    await addGiftCard(element, GIFT.hundred);
    expect(methodHeadings(element)).to.deep.equal(['Gift card']);
    inGiftCards(element, '[part="gift-card-remove"]')!.click();
    await until(() => methodHeadings(element!).length === 2, 'the card method');
    expect(inGiftCards(element, '[part="confirm-button"]')).to.equal(null);
    expect(payButton(element)).to.equal('Pay €50.00');
  });
});

describe('gift cards: confirm', () => {
  it('says so when the cards no longer pay everything, and stays', async () => {
    const sessionToken = token('gift');
    other = await mount({ token: sessionToken });
    await addGiftCard(other, GIFT.hundred);
    element = await mount({ token: sessionToken });
    expect(text(element, '[part="confirm-button"]')).to.equal('Pay €50.00 with gift cards');
    inGiftCards(other, '[part="gift-card-remove"]')!.click();
    await until(() => entries(other!).length === 0, 'the removal in the other tab');
    const message = nextEvent(element, 'guichet-message');
    inGiftCards(element, '[part="confirm-button"]')!.click();
    expect((await message).detail).to.include({ type: 'error', key: 'giftCardAmountLeft', message: 'Your gift cards no longer cover the whole amount: pay the rest by card.' });
    await element.updateComplete;
    expect(element.currentState).to.equal('PAYMENT_METHODS_LIST');
    expect(entries(element)).to.deep.equal([]);
    expect(payButton(element)).to.equal('Pay €50.00');
  });
});

describe('gift cards: the complementary card payment', () => {
  it('refused, keeps the gift cards for a retry, then accepted', async () => {
    element = await mount({ token: token('gift') });
    await addGiftCard(element, GIFT.thirty);
    await fillCard(element, { number: '4000000000011009' });
    expect(await pay(element)).to.equal('PAYMENT_FAILURE_WITH_RETRY');
    expect(part(element, '[part="message"]')!.textContent).to.match(/^Your bank declined the payment\. .*2 attempts left/);
    expect(entries(element)).to.deep.equal(['XXXXXXXXXXXX0001 | Pays €30.00 | Balance left: €0.00']);
    expect(payButton(element)).to.equal('Pay €20.00');
    await fillCard(element, { number: '5555555555554444' });
    expect(await pay(element)).to.equal('PAYMENT_SUCCESS');
    part(element, '[part="ticket-button"]')!.click();
    expect(await ticketLines(element)).to.include.members(['Gift card XXXXXXXXXXXX0001: €30.00', 'Card 555555XXXXXX4444: €20.00']);
  });

  it('refused on the last attempt, ends in PAYMENT_FAILURE', async () => {
    element = await mount({ token: token('giftlast') });
    await addGiftCard(element, GIFT.thirty);
    await fillCard(element, { number: '4000000000011009' });
    expect(await pay(element)).to.equal('PAYMENT_FAILURE');
    expect(part(element, '[part="result-title"]')!.textContent).to.equal('Payment refused');
  });

  it('goes through a 3-D Secure challenge for the rest', async () => {
    element = await mount({ token: token('gift') });
    await addGiftCard(element, GIFT.fifteen);
    await fillCard(element, { number: '4970103000000026' });
    await fieldsValid(element);
    part(element, '[part="pay-button"]')!.click();
    await until(() => part<HTMLIFrameElement>(element!, '#challenge-frame')?.contentDocument?.getElementById('finish'), 'the bank page');
    expect(part(element, 'guichet-methods')!.hidden).to.equal(true);
    expect(part(element, '[part="cancel-link"]')!.hidden).to.equal(true);
    const final = nextEvent(element, 'guichet-final-state');
    part<HTMLIFrameElement>(element, '#challenge-frame')!.contentDocument!.getElementById('finish')!.click();
    expect((await final).detail.state).to.equal('PAYMENT_SUCCESS');
    await until(() => part(element!, '[part="ticket-button"]'), 'the result');
    part(element, '[part="ticket-button"]')!.click();
    expect(await ticketLines(element)).to.include.members(['Gift card XXXXXXXXXXXX0002: €15.00', 'Card 497010XXXXXX0026: €35.00']);
  });

  it('paid in another tab: the ticket shows the gift cards and the card’s share from the live event', async () => {
    const sessionToken = token('gift');
    element = await mount({ token: sessionToken });
    await addGiftCard(element, GIFT.thirty);
    while (((await (await fetch(`/fake-live/${sessionToken}`)).json()) as { clients: number }).clients === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const final = nextEvent(element, 'guichet-final-state');
    const body: SessionState = {
      token: sessionToken, state: 'ACCEPTED', code: '00000', attempts: 1, attemptsLeft: 0, expiresAt: '2099-01-01T00:00:00.000Z', transactionId: '26064140000888',
      ticket: { transaction: { id: '26064140000888', date: '05/03/2026 14:07:00' }, card: { number: 'XXXXXXXXXXXX0001', type: 'CADEAU_CARREFOUR' } },
    };
    await fetch(`/fake-live/${sessionToken}`, { method: 'POST', body: JSON.stringify(body) });
    expect((await final).detail.state).to.equal('PAYMENT_SUCCESS');
    await until(() => part(element!, '[part="ticket-button"]'), 'the result');
    part(element, '[part="ticket-button"]')!.click();
    expect(await ticketLines(element)).to.deep.equal([
      'Shop: Demo Shop',
      'Date: March 5, 2026 at 2:07 PM',
      'Gift card XXXXXXXXXXXX0001: €30.00',
      'Card: €20.00',
      'Amount: €50.00',
      'Transaction: 26064140000888',
      'Order: ORDER-42',
    ]);
  });

  it('cancels with gift cards entered', async () => {
    element = await mount({ token: token('gift') });
    await addGiftCard(element, GIFT.thirty);
    element.addEventListener('guichet-final-state', (event) => event.preventDefault());
    const final = nextEvent(element, 'guichet-final-state');
    part(element, '[part="cancel-link"]')!.click();
    expect((await final).detail.state).to.equal('PAYMENT_CANCELED');
  });
});

describe('gift cards: locales', () => {
  it('speaks French: labels, amounts, messages and refusals', async () => {
    element = await mount({ token: token('giftfr') });
    expect(methodHeadings(element)).to.deep.equal(['Carte cadeau', 'Carte']);
    expect(inGiftCards<HTMLInputElement>(element, '#gift-card-number')!.labels![0]!.textContent).to.equal('Numéro de la carte cadeau');
    await addGiftCard(element, GIFT.expired);
    expect(text(element, '#gift-card-number-error')).to.equal('Cette carte cadeau est expirée.');
    await addGiftCard(element, GIFT.thirty);
    expect(part(element, '[part="message"]')!.textContent).to.equal('Carte cadeau ajoutée : elle règle 30,00\u00a0€.');
    expect(entries(element)).to.deep.equal(['XXXXXXXXXXXX0001 | Règle 30,00\u00a0€ | Solde restant : 0,00\u00a0€']);
    expect(text(element, '[part="amount-left"]')).to.equal('Reste à payer 20,00\u00a0€');
    expect(payButton(element)).to.equal('Payer 20,00\u00a0€');
    expect(text(element, '[part="add-another-button"]')).to.equal('Ajouter une autre carte cadeau');
  });

  it('follows a change of locale', async () => {
    element = await mount({ token: token('gift') });
    await addGiftCard(element, GIFT.thirty);
    element.locale = 'de';
    await until(() => text(element!, '[part="amount-left"]') === 'Noch zu zahlen 20,00\u00a0€', 'German');
    expect(entries(element)).to.deep.equal(['XXXXXXXXXXXX0001 | Zahlt 30,00\u00a0€ | Restguthaben: 0,00\u00a0€']);
    expect(text(element, '[part="add-another-button"]')).to.equal('Weitere Geschenkkarte hinzufügen');
  });
});

describe('gift cards: keyboard and layouts', () => {
  it('adds a card, removes it and adds another with the keyboard only, gateway on another origin', async () => {
    element = await mount({ token: token('gift'), gateway: CROSS_ORIGIN_GATEWAY });
    const cards = giftCardsOf(element);
    inGiftCards(element, '#gift-card-number')!.focus();
    await sendKeys({ type: GIFT.thirty });
    await sendKeys({ press: 'Tab' });
    expect(cards.shadowRoot!.activeElement?.id).to.equal('gift-card-code');
    await sendKeys({ type: '1234' });
    await sendKeys({ press: 'Enter' });
    await until(() => entries(element!).length === 1, 'the card added');
    await until(() => cards.shadowRoot!.activeElement?.id === 'gift-cards-title', 'focus on the list');
    await sendKeys({ press: 'Tab' });
    expect(cards.shadowRoot!.activeElement?.getAttribute('part')).to.equal('gift-card-remove');
    await sendKeys({ press: 'Tab' });
    expect(cards.shadowRoot!.activeElement?.getAttribute('part')).to.equal('add-another-button');
    await sendKeys({ press: 'Enter' });
    await until(() => cards.shadowRoot!.activeElement?.id === 'gift-card-number', 'focus on the form');
    await sendKeys({ type: GIFT.fifteen });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '1234' });
    await sendKeys({ press: 'Enter' });
    await until(() => entries(element!).length === 2, 'the second card');
    expect(payButton(element)).to.equal('Pay €5.00');
    await until(() => cards.shadowRoot!.activeElement?.id === 'gift-cards-title', 'focus on the list');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => entries(element!).length === 1, 'the card removed');
    expect(payButton(element)).to.equal('Pay €35.00');
    await expectAccessible(element);
  });

  it('in tab layout: the gift-card tab first, the card tab paying the rest', async () => {
    element = await mount({ token: token('gift'), layout: 'tab' });
    const methods = element.shadowRoot!.querySelector('guichet-methods')!;
    const tabs = [...methods.shadowRoot!.querySelectorAll('[role="tab"]')];
    expect(tabs.map((tab) => tab.textContent)).to.deep.equal(['Gift card', 'Card']);
    expect(tabs[0]!.getAttribute('aria-selected')).to.equal('true');
    await addGiftCard(element, GIFT.thirty);
    await expectAccessible(element);
    (tabs[1] as HTMLElement).click();
    await methods.updateComplete;
    expect(methods.shadowRoot!.querySelector<HTMLElement>('#panel-card')!.hidden).to.equal(false);
    expect(payButton(element)).to.equal('Pay €20.00');
  });

  it('keeps Tab inside the lightbox through the gift-card fields', async () => {
    element = await mount({ token: token('gift'), layout: 'lightbox' });
    element.show();
    await until(() => part<HTMLDialogElement>(element!, 'dialog')!.open, 'the dialog');
    await addGiftCard(element, GIFT.thirty);
    expect(entries(element)).to.have.length(1);
    await expectAccessible(element);
  });
});
