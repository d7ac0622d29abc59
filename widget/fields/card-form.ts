/**
 * The card form of the fields page: number, expiry, security code and holder name, with brand
 * detection while typing, per-brand layout and CVV length, the CB network choice, errors next to
 * each field and in a polite live region, and focus moving on when a field is complete.
 * Errors show once a field was left filled in or a payment was asked ("punish late"), and go
 * as soon as the input is right ("reward early").
 */
import { detectBrand } from '../../server/core/card-brand.js';
import type { TextKey, Translation } from '../i18n/translation.js';
import type { FieldErrors } from '../protocol/messages.js';
import { CardField } from './card-field.js';
import { deleteAcrossSeparator, digitsOf, editCvx, editExpiry, editNumber, type Edit } from './card-input.js';
import {
  cardTypeFor,
  cardholderError,
  cvxError,
  cvxLength,
  expiryError,
  isNumberComplete,
  networkChoices,
  numberError,
} from './card-rules.js';
import { NETWORK_NAMES } from '../network-names.js';
import { NetworkChooser } from './network-chooser.js';

type FieldName = keyof FieldErrors;
const FIELDS: readonly FieldName[] = ['number', 'expiry', 'cvx', 'cardholder'];

/** The card as the pay endpoint takes it (`card` of docs/WIDGET-PROTOCOL.md). */
export interface CardPayload {
  number: string;
  expirationDate: string;
  cvx: string;
  cardholder: string;
  type?: string;
}

/** What the form reports after each change: no digits, only their verdicts. */
export interface CardFormState {
  empty: boolean;
  complete: boolean;
  valid: boolean;
  brand: string | null;
  brands: string[];
  errors: FieldErrors;
}

/** Hooks to the page around the form. */
export interface CardFormOptions {
  /** The current time (ms), for the expiry check. */
  now: () => number;
  onChange: () => void;
  /** Enter was pressed in a field. */
  onSubmitRequest: () => void;
  /** Escape was pressed in a field. */
  onEscape: () => void;
}

/** The form's elements and behaviour, built into `root`; texts come with setTranslation(). */
export class CardForm {
  readonly root: HTMLFormElement;
  private readonly fields: Record<FieldName, CardField>;
  private readonly brandBadge: HTMLSpanElement;
  private readonly networks: NetworkChooser;
  private readonly live: HTMLDivElement;
  private readonly touched = new Set<FieldName>();
  private t: Translation | undefined;
  private accepted: readonly string[] = [];
  private shownErrors: FieldErrors = {};

  constructor(doc: Document, private readonly options: CardFormOptions) {
    this.root = doc.createElement('form');
    this.root.noValidate = true;
    this.fields = {
      number: new CardField(doc, { id: 'number', autocomplete: 'cc-number', numeric: true }),
      expiry: new CardField(doc, { id: 'expiry', autocomplete: 'cc-exp', numeric: true }),
      cvx: new CardField(doc, { id: 'cvx', autocomplete: 'cc-csc', numeric: true }),
      cardholder: new CardField(doc, { id: 'cardholder', autocomplete: 'cc-name', numeric: false }),
    };
    this.brandBadge = doc.createElement('span');
    this.brandBadge.id = 'number-brand';
    this.brandBadge.className = 'brand';
    this.fields.number.input.after(this.brandBadge);
    this.fields.number.input.setAttribute('aria-describedby', 'number-brand number-hint number-error');
    this.networks = new NetworkChooser(doc, (network) => this.announce(this.t?.networkChosen(NETWORK_NAMES[network]!) ?? ''));
    this.live = doc.createElement('div');
    this.live.className = 'visually-hidden';
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    const row = doc.createElement('div');
    row.className = 'row';
    row.append(this.fields.expiry.root, this.fields.cvx.root);
    this.root.append(this.fields.number.root, this.networks.root, row, this.fields.cardholder.root, this.live);
    this.listen();
  }

  /** Applies a language: labels, hints and any error on show. */
  setTranslation(t: Translation): void {
    this.t = t;
    this.fields.number.setTexts(t.number, '');
    this.fields.expiry.setTexts(t.expiry, t.expiryHint);
    this.fields.cardholder.setTexts(t.cardholder, '');
    this.networks.setLabel(t.network);
    this.refresh(false);
  }

  /** The Payline card types the shop accepts (from the session's contracts). */
  setAccepted(cardTypes: readonly string[]): void {
    this.accepted = cardTypes;
    this.refresh(false);
  }

  /** Read-only while a payment is on its way. */
  setBusy(busy: boolean): void {
    for (const name of FIELDS) this.fields[name].input.readOnly = busy;
  }

  /** The digits of each field. */
  private values() {
    const { number, expiry, cvx, cardholder } = this.fields;
    return {
      number: digitsOf(number.input.value),
      expiry: digitsOf(expiry.input.value),
      cvx: cvx.input.value,
      cardholder: cardholder.input.value.trim(),
    };
  }

  /** Each field's error key; `final` judges every field as if the shopper had left it. */
  private errors(final: boolean): FieldErrors {
    const v = this.values();
    const typing = (name: FieldName) => !final && !this.touched.has(name);
    const errors: FieldErrors = {
      number: numberError(v.number, this.accepted, typing('number')),
      expiry: expiryError(v.expiry, this.options.now(), typing('expiry')),
      cvx: cvxError(v.cvx, v.number, typing('cvx')),
      cardholder: cardholderError(v.cardholder, typing('cardholder')),
    };
    for (const name of FIELDS) if (errors[name] === undefined) delete errors[name];
    return errors;
  }

  /** The state to report: never a digit. */
  state(): CardFormState {
    const v = this.values();
    const finalErrors = this.errors(true);
    return {
      empty: FIELDS.every((name) => this.fields[name].input.value === ''),
      complete: Object.values(v).every((value) => value !== ''),
      valid: Object.keys(finalErrors).length === 0,
      brand: detectBrand(v.number) ?? null,
      brands: networkChoices(v.number, this.accepted),
      errors: this.shownErrors,
    };
  }

  /**
   * A payment is asked: every field is judged; with an error, the first wrong field gets focus
   * and undefined is returned; else the card to send.
   */
  submit(): CardPayload | undefined {
    for (const name of FIELDS) this.touched.add(name);
    this.refresh(true);
    const wrong = FIELDS.find((name) => this.shownErrors[name] !== undefined);
    if (wrong) {
      this.fields[wrong].input.focus();
      return undefined;
    }
    const v = this.values();
    const type = cardTypeFor(v.number, this.accepted, this.networks.chosen);
    const card: CardPayload = { number: v.number, expirationDate: v.expiry, cvx: v.cvx, cardholder: v.cardholder };
    if (type) card.type = type;
    return card;
  }

  private listen(): void {
    const { number, expiry, cvx, cardholder } = this.fields;
    const cardCvxLength = () => cvxLength(digitsOf(number.input.value));
    this.onEdit('number', editNumber, (value) => isNumberComplete(digitsOf(value)), expiry);
    this.onEdit('expiry', editExpiry, (value) => digitsOf(value).length === 4, cvx);
    this.onEdit('cvx', (edit) => editCvx(edit, cardCvxLength()), (value) => value.length === cardCvxLength(), cardholder);
    this.onEdit('cardholder', (edit) => edit, () => false, undefined);
    this.root.addEventListener('submit', (event) => {
      event.preventDefault();
      this.options.onSubmitRequest();
    });
    this.root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.options.onEscape();
      if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
        event.preventDefault();
        this.options.onSubmitRequest();
      }
    });
  }

  /**
   * Wires one field: `format` lays out each edit (typed, pasted, autofilled); when the value
   * becomes complete (`isComplete`) with the caret at the end and no error, focus moves to `next`.
   */
  private onEdit(name: FieldName, format: (edit: Edit) => Edit, isComplete: (value: string) => boolean, next: CardField | undefined): void {
    const field = this.fields[name];
    let last = '';
    field.input.addEventListener('beforeinput', (event) => {
      if (event.inputType !== 'deleteContentBackward' || name === 'cardholder') return;
      const { selectionStart, selectionEnd, value } = field.input;
      if (selectionStart === null || selectionStart !== selectionEnd) return;
      const edit = deleteAcrossSeparator(value, selectionStart);
      if (!edit) return;
      event.preventDefault();
      field.edit = format(edit);
      last = field.input.value;
      this.refresh(false);
    });
    field.input.addEventListener('input', () => {
      const before = field.edit;
      field.edit = format(before);
      const wasComplete = isComplete(last);
      last = field.input.value;
      this.refresh(false);
      const atEnd = before.caret >= before.value.length;
      if (next && atEnd && !wasComplete && isComplete(last) && this.shownErrors[name] === undefined) next.input.focus();
    });
    field.input.addEventListener('blur', () => {
      if (field.input.value !== '') this.touched.add(name);
      this.refresh(false);
    });
  }

  /** Updates the brand, the CVV hint, the network choice and the errors on show; reports. */
  private refresh(final: boolean): void {
    const t = this.t;
    if (!t) return;
    const number = digitsOf(this.fields.number.input.value);
    const brand = detectBrand(number);
    this.brandBadge.textContent = brand ? NETWORK_NAMES[brand]! : '';
    const amex = brand === 'AMEX';
    this.fields.cvx.setTexts(t.cvx, amex ? t.cvxHintAmex : t.cvxHint);
    this.fields.cvx.input.maxLength = cvxLength(number);
    this.networks.offer(networkChoices(number, this.accepted));
    const errors = this.errors(final);
    for (const name of FIELDS) {
      const key = errors[name];
      const text = key === undefined ? undefined : this.errorText(key, number);
      if (key !== undefined && key !== this.shownErrors[name]) this.announce(text!);
      this.fields[name].showError(text);
    }
    this.shownErrors = errors;
    this.options.onChange();
  }

  private errorText(key: string, number: string): string {
    const t = this.t!;
    if (key === 'cvxIncomplete') return t.cvxIncomplete(cvxLength(number));
    return t[key as TextKey];
  }

  /** Says `text` through the polite live region. */
  private announce(text: string): void {
    this.live.textContent = text;
  }
}
