/**
 * Entry of the card-fields page, `/widget/fields.html?token=…&origin=…&locale=…&mode=…`, which the
 * gateway serves from its own origin into <guichet-checkout>'s iframe. Card digits live here
 * only: the page posts the card straight to the gateway and tells its parent (at `origin`,
 * nobody else) the fields' state and the answer, never the digits. `mode`: `pay` (default, the
 * card pays the session, saved first when the parent asks), `add` (the card goes into the
 * web-wallet session's wallet), `cvx` with `card=<cardInd>` (a saved card's CVV only, to pay with it).
 */
import { loadTranslation, resolveLocale } from '../i18n/locales.js';
import { addWalletCard, paySavedCard, readSession, paySession } from '../protocol/gateway-client.js';
import type { PayAnswer } from '../protocol/session.js';
import { isOrigin, type Message } from '../protocol/messages.js';
import { themeRule } from '../theme.js';
import { CardForm } from './card-form.js';
import { CvxForm } from './cvx-form.js';
import { fieldsCss } from './fields.styles.js';
import { ParentChannel } from './parent-channel.js';

/** What the page is for (see above). */
type Mode = 'pay' | 'add' | 'cvx';

/** Runs the page for session `token`, embedded by a page at `origin`. */
function start(token: string, origin: string, locale: string | null, mode: Mode, cardInd: string | null): void {
  const base = new URL('./', location.href);
  const styles = new CSSStyleSheet();
  styles.replaceSync(fieldsCss);
  const theme = new CSSStyleSheet();
  document.adoptedStyleSheets = [styles, theme];

  let ready = false;
  let paying = false;
  let reported = '';
  const hooks = {
    now: () => Date.now(),
    onChange: () => report(false),
    onSubmitRequest: () => channel.post('guichet:submit-request', {}),
    onEscape: () => channel.post('guichet:escape', {}),
  };
  const cardForm = mode === 'cvx' ? undefined : new CardForm(document, hooks);
  const cvxForm = mode === 'cvx' ? new CvxForm(document, hooks) : undefined;
  const form = (cardForm ?? cvxForm)!;
  const channel = new ParentChannel(origin, (message) => void onMessage(message));
  document.body.append(form.root);
  new ResizeObserver(() => report(false)).observe(document.body);

  /** Posts the fields' state when it changed (or when `always`, to answer a submit). */
  function report(always: boolean): void {
    if (!ready) return;
    const state = { ...form.state(), height: Math.ceil(document.body.getBoundingClientRect().height) };
    const json = JSON.stringify(state);
    if (json === reported && !always) return;
    reported = json;
    channel.post('guichet:fields-state', state);
  }

  async function setLocale(tag: string | null): Promise<void> {
    const resolved = resolveLocale([tag, ...navigator.languages]);
    const t = await loadTranslation(resolved);
    document.documentElement.lang = resolved;
    document.title = t.fieldsTitle;
    form.setTranslation(t);
  }

  /** Sends what the form holds where the mode says; undefined when the form is not valid. */
  function send(saveCard: boolean): Promise<PayAnswer> | undefined {
    if (cvxForm) {
      const cvx = cvxForm.submit();
      return cvx === undefined || !cardInd ? undefined : paySavedCard(base, token, cardInd, cvx);
    }
    const card = cardForm!.submit();
    if (!card) return undefined;
    return mode === 'add' ? addWalletCard(base, token, card) : paySession(base, token, card, saveCard);
  }

  async function pay(saveCard: boolean): Promise<void> {
    if (paying) return;
    const sending = send(saveCard);
    if (!sending) return report(true);
    paying = true;
    form.setBusy(true);
    const answer = await sending;
    form.setBusy(false);
    paying = false;
    channel.post('guichet:pay-result', answer);
  }

  async function onMessage(message: Message): Promise<void> {
    if (message.type === 'guichet:submit') await pay(message.saveCard === true);
    else if (message.type === 'guichet:set-locale') await setLocale(message.locale);
    else if (message.type === 'guichet:set-theme') theme.replaceSync(themeRule(':root', message.vars));
  }

  void readSession(base, token).then((read) => {
    if (!read.ok) return;
    cardForm?.setAccepted([...new Set(read.session.contracts.flatMap((c) => c.cardTypes))]);
    const saved = read.session.wallet?.cards.find((c) => c.cardInd === cardInd);
    if (saved) cvxForm?.setCard(saved.number);
  });
  void setLocale(locale).then(() => {
    ready = true;
    channel.post('guichet:fields-ready', { height: Math.ceil(document.body.getBoundingClientRect().height) });
    report(true);
  });
}

const params = new URLSearchParams(location.search);
const token = params.get('token');
const origin = params.get('origin');
const mode = params.get('mode');
if (token && isOrigin(origin)) start(token, origin, params.get('locale'), mode === 'add' || mode === 'cvx' ? mode : 'pay', params.get('card'));
