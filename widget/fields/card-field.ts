/**
 * One labelled input of the card form, with its hint and its error beside it: the input is
 * `aria-describedby` both, and `aria-invalid` while an error shows.
 */

/** What makes each field different. */
export interface CardFieldOptions {
  /** The input's id; its hint and error get `-hint` and `-error` after it. */
  id: string;
  /** The autofill token: cc-number, cc-exp, cc-csc or cc-name. */
  autocomplete: string;
  /** Digits only: `inputmode="numeric"` (never type=number, which drops leading zeros). */
  numeric: boolean;
}

/** A field's elements, built once; texts are set later, when the translation is known. */
export class CardField {
  readonly root: HTMLDivElement;
  readonly input: HTMLInputElement;
  private readonly label: HTMLLabelElement;
  private readonly hint: HTMLParagraphElement;
  private readonly error: HTMLParagraphElement;

  constructor(doc: Document, options: CardFieldOptions) {
    const { id, autocomplete, numeric } = options;
    this.root = doc.createElement('div');
    this.root.className = `field field-${id}`;
    this.label = doc.createElement('label');
    this.label.htmlFor = id;
    this.input = doc.createElement('input');
    Object.assign(this.input, { id, name: id, type: 'text', autocomplete, spellcheck: false });
    this.input.setAttribute('autocorrect', 'off');
    if (numeric) this.input.inputMode = 'numeric';
    this.input.setAttribute('aria-invalid', 'false');
    this.input.setAttribute('aria-describedby', `${id}-hint ${id}-error`);
    this.hint = doc.createElement('p');
    this.hint.id = `${id}-hint`;
    this.hint.className = 'hint';
    this.error = doc.createElement('p');
    this.error.id = `${id}-error`;
    this.error.className = 'error';
    this.root.append(this.label, this.input, this.hint, this.error);
  }

  /** Sets the label and the hint under the input (empty: no hint). */
  setTexts(label: string, hint: string): void {
    this.label.textContent = label;
    this.hint.textContent = hint;
    this.hint.hidden = hint === '';
  }

  /** Shows `message` as the field's error, or clears it. */
  showError(message: string | undefined): void {
    this.error.textContent = message ?? '';
    this.input.setAttribute('aria-invalid', String(message !== undefined));
  }

  /** The input's text and caret, or replaces them. */
  get edit(): { value: string; caret: number } {
    return { value: this.input.value, caret: this.input.selectionStart ?? this.input.value.length };
  }
  set edit(edit: { value: string; caret: number }) {
    if (this.input.value !== edit.value) this.input.value = edit.value;
    if (this.input.ownerDocument.activeElement === this.input) this.input.setSelectionRange(edit.caret, edit.caret);
  }
}
