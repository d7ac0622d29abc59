/**
 * The card form as the shopper uses it, typed with the real keyboard: brand detection and layout,
 * focus moving on, Amex CID, errors next to the fields and in the live region (en and fr),
 * paste, the CB network choice, Enter and Escape, and axe-core in every state.
 */
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { CardForm } from '../../../widget/fields/card-form.js';
import { loadTranslation } from '../../../widget/i18n/locales.js';
import { expectAccessible, shiftTab } from '../support/helpers.js';

const ALL = ['CB', 'VISA', 'MASTERCARD', 'AMEX', 'DINERS', 'JCB', 'DISCOVER', 'MAESTRO'];
const NOW = Date.UTC(2026, 2, 15, 12);

let form: CardForm;
let submits: number;
let escapes: number;

const input = (id: string) => document.getElementById(id) as HTMLInputElement;
const errorOf = (id: string) => document.getElementById(`${id}-error`)!.textContent;
const live = () => form.root.querySelector('[role="status"]')!.textContent;
const focused = () => document.activeElement?.id;

async function type(id: string, text: string): Promise<void> {
  input(id).focus();
  await sendKeys({ type: text });
}

beforeEach(async () => {
  submits = 0;
  escapes = 0;
  form = new CardForm(document, { now: () => NOW, onChange: () => {}, onSubmitRequest: () => submits++, onEscape: () => escapes++ });
  document.body.append(form.root);
  form.setTranslation(await loadTranslation('en'));
  form.setAccepted(ALL);
});

afterEach(() => form.root.remove());

describe('card form: markup', () => {
  it('is accessible empty', async () => {
    await expectAccessible(form.root);
  });

  it('gives each input its autofill token, numeric keyboard, label and descriptions', () => {
    const expected: Record<string, [string, string]> = {
      number: ['cc-number', 'numeric'],
      expiry: ['cc-exp', 'numeric'],
      cvx: ['cc-csc', 'numeric'],
      cardholder: ['cc-name', ''],
    };
    for (const [id, [autocomplete, inputMode]] of Object.entries(expected)) {
      const field = input(id);
      expect(field.type).to.equal('text');
      expect(field.autocomplete).to.equal(autocomplete);
      expect(field.inputMode).to.equal(inputMode);
      expect(field.labels?.[0]?.textContent).to.not.equal('');
      for (const described of field.getAttribute('aria-describedby')!.split(' ')) {
        expect(document.getElementById(described), described).to.not.equal(null);
      }
      expect(field.getAttribute('aria-invalid')).to.equal('false');
    }
  });
});

describe('card form: typing', () => {
  it('detects Visa, lays it out 4-4-4-4 and moves on to the expiry', async () => {
    await type('number', '4111111111111111');
    expect(input('number').value).to.equal('4111 1111 1111 1111');
    expect(document.getElementById('number-brand')!.textContent).to.equal('Visa');
    expect(focused()).to.equal('expiry');
    expect(form.state().brand).to.equal('VISA');
  });

  it('detects Amex, lays it out 4-6-5 and asks a 4-digit CID with its own hint', async () => {
    await type('number', '378282246310005');
    expect(input('number').value).to.equal('3782 822463 10005');
    expect(document.getElementById('number-brand')!.textContent).to.equal('American Express');
    expect(document.getElementById('cvx-hint')!.textContent).to.equal('CID: 4 digits on the front of your card');
    expect(input('cvx').maxLength).to.equal(4);
    expect(focused()).to.equal('expiry');
    await sendKeys({ type: '1255' });
    expect(input('expiry').value).to.equal('12 / 55');
    expect(focused()).to.equal('cvx');
    await sendKeys({ type: '12345' });
    expect(input('cvx').value).to.equal('1234');
    expect(focused()).to.equal('cardholder');
  });

  it('keeps a 3-digit code for the other brands', async () => {
    await type('number', '5555555555554444');
    expect(document.getElementById('cvx-hint')!.textContent).to.equal('3 digits on the back of your card');
    expect(input('cvx').maxLength).to.equal(3);
  });

  it('lays out Mastercard 2-series, Diners, JCB, Discover and Maestro', async () => {
    const cases: Array<[string, string, string]> = [
      ['2223003122003222', '2223 0031 2200 3222', 'Mastercard'],
      ['36227206271667', '3622 720627 1667', 'Diners Club'],
      ['3566002020360505', '3566 0020 2036 0505', 'JCB'],
      ['6011111111111117', '6011 1111 1111 1117', 'Discover'],
      ['6759649826438453', '6759 6498 2643 8453', 'Maestro'],
    ];
    for (const [digits, shown, brand] of cases) {
      input('number').value = '';
      await type('number', digits);
      expect(input('number').value, brand).to.equal(shown);
      expect(document.getElementById('number-brand')!.textContent).to.equal(brand);
      expect(focused(), brand).to.equal('expiry');
    }
  });

  it('drops what is not a digit', async () => {
    await type('number', '4a1-1 1');
    expect(input('number').value).to.equal('4111');
  });

  it('deletes the digit before a space on backspace', async () => {
    await type('number', '41111111');
    input('number').setSelectionRange(5, 5);
    await sendKeys({ press: 'Backspace' });
    expect(input('number').value).to.equal('4111 111');
    expect(input('number').selectionStart).to.equal(3);
  });

  it('takes a pasted number with separators', async () => {
    input('number').focus();
    document.execCommand('insertText', false, '4111-1111-1111-1111');
    expect(input('number').value).to.equal('4111 1111 1111 1111');
    expect(focused()).to.equal('expiry');
    document.execCommand('insertText', false, '12/2055');
    expect(input('expiry').value).to.equal('12 / 55');
  });

  it('reads a single-digit month', async () => {
    await type('expiry', '4');
    expect(input('expiry').value).to.equal('04');
  });
});

describe('card form: errors', () => {
  it('shows a wrong check digit at once, beside the field and in the live region', async () => {
    await type('number', '4111111111111112');
    expect(errorOf('number')).to.equal('This card number is not valid. Check it.');
    expect(input('number').getAttribute('aria-invalid')).to.equal('true');
    expect(live()).to.equal('This card number is not valid. Check it.');
    expect(focused()).to.equal('number');
    await expectAccessible(form.root);
  });

  it('shows an incomplete number once the field is left, and clears it once right', async () => {
    await type('number', '4111');
    expect(errorOf('number')).to.equal('');
    await sendKeys({ press: 'Tab' });
    expect(errorOf('number')).to.equal('Your card number is incomplete.');
    input('number').focus();
    await sendKeys({ type: '111111111111' });
    expect(errorOf('number')).to.equal('');
    expect(input('number').getAttribute('aria-invalid')).to.equal('false');
  });

  it('refuses an expired card and a month 13', async () => {
    await type('expiry', '0120');
    expect(errorOf('expiry')).to.equal('This card has expired.');
    input('expiry').value = '';
    await type('expiry', '13');
    expect(errorOf('expiry')).to.equal('Enter the expiry date as MM / YY.');
  });

  it('refuses a brand the shop does not take', async () => {
    form.setAccepted(['CB', 'VISA', 'MASTERCARD']);
    await type('number', '37');
    expect(errorOf('number')).to.equal('This shop does not accept this card.');
  });

  it('asks for the 4-digit CID of an Amex', async () => {
    await type('number', '378282246310005');
    await type('cvx', '123');
    await sendKeys({ press: 'Tab' });
    expect(errorOf('cvx')).to.equal('The security code has 4 digits.');
  });

  it('judges every field on submit, in English', async () => {
    expect(form.submit()).to.equal(undefined);
    expect(errorOf('number')).to.equal('Enter your card number.');
    expect(errorOf('expiry')).to.equal('Enter the expiry date.');
    expect(errorOf('cvx')).to.equal('Enter the security code.');
    expect(errorOf('cardholder')).to.equal('Enter the name on the card.');
    expect(focused()).to.equal('number');
    expect(form.state().valid).to.equal(false);
    await expectAccessible(form.root);
  });

  it('judges every field on submit, in French', async () => {
    form.setTranslation(await loadTranslation('fr'));
    await type('number', '378282246310005');
    await type('cvx', '12');
    expect(form.submit()).to.equal(undefined);
    expect(document.querySelector('label[for="number"]')!.textContent).to.equal('Numéro de carte');
    expect(errorOf('number')).to.equal('');
    expect(errorOf('expiry')).to.equal('Saisissez la date d’expiration.');
    expect(errorOf('cvx')).to.equal('Le cryptogramme visuel comporte 4 chiffres.');
    expect(errorOf('cardholder')).to.equal('Saisissez le nom du titulaire.');
    expect(document.getElementById('cvx-hint')!.textContent).to.equal('CID : 4 chiffres au recto de votre carte');
    expect(focused()).to.equal('expiry');
  });
});

describe('card form: CB co-badged cards', () => {
  it('offers CB or Visa, CB first, and sends the choice', async () => {
    await type('number', '4970101122334455');
    const group = form.root.querySelector('[role="group"]') as HTMLElement;
    expect(group.hidden).to.equal(false);
    const buttons = [...group.querySelectorAll('button')];
    expect(buttons.map((b) => [b.textContent, b.getAttribute('aria-pressed')])).to.deep.equal([['CB', 'true'], ['Visa', 'false']]);
    await expectAccessible(form.root);
    buttons[1]!.click();
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true']);
    expect(live()).to.equal('Visa chosen');
    await type('expiry', '1255');
    await sendKeys({ type: '123' });
    await sendKeys({ type: 'Jeanne Martin' });
    expect(form.submit()).to.deep.equal({ number: '4970101122334455', expirationDate: '1255', cvx: '123', cardholder: 'Jeanne Martin', type: 'VISA' });
    expect(form.state().brands).to.deep.equal(['CB', 'VISA']);
  });

  it('sends CB by default and hides the choice for other cards', async () => {
    await type('number', '5132100000000008');
    expect(form.state().brands).to.deep.equal(['CB', 'MASTERCARD']);
    input('number').value = '';
    await type('number', '4111111111111111');
    expect((form.root.querySelector('[role="group"]') as HTMLElement).hidden).to.equal(true);
  });
});

describe('card form: keyboard', () => {
  it('goes through the fields with Tab and pays with Enter', async () => {
    input('number').focus();
    await sendKeys({ type: '4111111111111111' });
    await sendKeys({ type: '1255' });
    await sendKeys({ type: '123' });
    expect(focused()).to.equal('cardholder');
    await sendKeys({ type: 'Jeanne Martin' });
    await shiftTab();
    expect(focused()).to.equal('cvx');
    await sendKeys({ press: 'Enter' });
    expect(submits).to.equal(1);
    await sendKeys({ press: 'Escape' });
    expect(escapes).to.equal(1);
    const state = form.state();
    expect(state).to.include({ empty: false, complete: true, valid: true, brand: 'VISA' });
    expect(JSON.stringify(state)).to.not.include('4111');
  });
});
