/**
 * The co-badged card's network choice (CB or Visa, CB or Mastercard): a `role="group"` of
 * `aria-pressed` toggle buttons, as Adyen's DualBrandSelector (anchors.md §1.1, §1.10).
 */
import { NETWORK_NAMES } from '../network-names.js';

/** The chooser's elements; hidden while there is nothing to choose. */
export class NetworkChooser {
  readonly root: HTMLDivElement;
  private readonly label: HTMLSpanElement;
  private readonly buttons: HTMLDivElement;
  private choices: string[] = [];
  /** The chosen network, or undefined before a co-badged number is typed. */
  chosen: string | undefined;

  /** `onChoose` runs when the shopper picks a network. */
  constructor(doc: Document, private readonly onChoose: (network: string) => void) {
    this.root = doc.createElement('div');
    this.root.className = 'networks';
    this.root.setAttribute('role', 'group');
    this.root.setAttribute('aria-labelledby', 'network-label');
    this.root.hidden = true;
    this.label = doc.createElement('span');
    this.label.id = 'network-label';
    this.buttons = doc.createElement('div');
    this.buttons.className = 'network-buttons';
    this.root.append(this.label, this.buttons);
  }

  /** Sets the group's label. */
  setLabel(text: string): void {
    this.label.textContent = text;
  }

  /** Offers `choices` (first one chosen by default), or hides the chooser for []. */
  offer(choices: string[]): void {
    if (choices.join() === this.choices.join()) return;
    this.choices = choices;
    this.chosen = choices[0];
    this.root.hidden = choices.length === 0;
    this.buttons.replaceChildren(
      ...choices.map((network) => {
        const button = this.root.ownerDocument.createElement('button');
        button.type = 'button';
        button.value = network;
        button.textContent = NETWORK_NAMES[network] ?? network;
        button.addEventListener('click', () => this.choose(network));
        return button;
      }),
    );
    this.press();
  }

  private choose(network: string): void {
    this.chosen = network;
    this.press();
    this.onChoose(network);
  }

  private press(): void {
    for (const button of this.buttons.querySelectorAll('button')) {
      button.setAttribute('aria-pressed', String(button.value === this.chosen));
    }
  }
}
