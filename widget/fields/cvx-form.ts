/**
 * The fields page's form for a saved card (`mode=cvx`): its security code only, typed again
 * because the card's contract asks for it. Same field, hint, errors and live region as the card
 * form; the code's length follows the card's brand (read from its first six digits).
 */
import type { Translation } from '../i18n/translation.js';
import type { FieldErrors } from '../protocol/messages.js';
import { CardField } from './card-field.js';
import { editCvx } from './card-input.js';
import { cvxError, cvxLength } from './card-rules.js';
import type { CardFormOptions, CardFormState } from './card-form.js';

export class CvxForm {
  readonly root: HTMLFormElement;
  private readonly field: CardField;
  private readonly live: HTMLDivElement;
  private t: Translation | undefined;
  /** The saved card's first six digits: its brand, hence the code's length. */
  private bin = '';
  private touched = false;
  private shown: string | undefined;

  constructor(doc: Document, private readonly options: Omit<CardFormOptions, 'now'>) {
    this.root = doc.createElement('form');
    this.root.noValidate = true;
    this.field = new CardField(doc, { id: 'cvx', autocomplete: 'cc-csc', numeric: true });
    this.live = doc.createElement('div');
    this.live.className = 'visually-hidden';
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.root.append(this.field.root, this.live);
    const input = this.field.input;
    input.addEventListener('input', () => {
      this.field.edit = editCvx(this.field.edit, cvxLength(this.bin));
      this.refresh(false);
    });
    input.addEventListener('blur', () => {
      if (input.value !== '') this.touched = true;
      this.refresh(false);
    });
    this.root.addEventListener('submit', (event) => {
      event.preventDefault();
      options.onSubmitRequest();
    });
    this.root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') options.onEscape();
    });
  }

  /** The saved card whose code is asked: its masked number (first six digits kept). */
  setCard(maskedNumber: string): void {
    this.bin = maskedNumber.slice(0, 6);
    this.field.input.maxLength = cvxLength(this.bin);
    this.refresh(false);
  }

  setTranslation(t: Translation): void {
    this.t = t;
    this.refresh(false);
  }

  setBusy(busy: boolean): void {
    this.field.input.readOnly = busy;
  }

  state(): CardFormState {
    const errors: FieldErrors = this.shown ? { cvx: this.shown } : {};
    const value = this.field.input.value;
    const valid = cvxError(value, this.bin, false) === undefined;
    return { empty: value === '', complete: value !== '', valid, brand: null, brands: [], errors };
  }

  /** The code to send, or undefined (the error shown, the field focused). */
  submit(): string | undefined {
    this.touched = true;
    this.refresh(true);
    if (this.shown) {
      this.field.input.focus();
      return undefined;
    }
    return this.field.input.value;
  }

  private refresh(final: boolean): void {
    const t = this.t;
    if (!t) return;
    const length = cvxLength(this.bin);
    this.field.setTexts(t.cvx, length === 4 ? t.cvxHintAmex : t.cvxHint);
    const key = cvxError(this.field.input.value, this.bin, !final && !this.touched);
    const text = key === undefined ? undefined : key === 'cvxIncomplete' ? t.cvxIncomplete(length) : t.cvxRequired;
    if (key !== undefined && key !== this.shown) this.live.textContent = text!;
    this.field.showError(text);
    this.shown = key;
    this.options.onChange();
  }
}
