/**
 * Entry of the card-fields page, `/widget/fields.html?token=…&origin=…&locale=…`, which the
 * gateway serves from its own origin into <guichet-checkout>'s iframe. Card digits live here
 * only: the page posts the card straight to the pay endpoint and tells its parent (at `origin`,
 * nobody else) the fields' state and the answer, never the digits.
 */
import { loadTranslation, resolveLocale } from '../i18n/locales.js';
import { readSession, paySession } from '../protocol/gateway-client.js';
import { isOrigin, type Message } from '../protocol/messages.js';
import { themeRule } from '../theme.js';
import { CardForm } from './card-form.js';
import { fieldsCss } from './fields.styles.js';
import { ParentChannel } from './parent-channel.js';

/** Runs the page for session `token`, embedded by a page at `origin`. */
function start(token: string, origin: string, locale: string | null): void {
  const base = new URL('./', location.href);
  const styles = new CSSStyleSheet();
  styles.replaceSync(fieldsCss);
  const theme = new CSSStyleSheet();
  document.adoptedStyleSheets = [styles, theme];

  let ready = false;
  let paying = false;
  let reported = '';
  const form = new CardForm(document, {
    now: () => Date.now(),
    onChange: () => report(false),
    onSubmitRequest: () => channel.post('guichet:submit-request', {}),
    onEscape: () => channel.post('guichet:escape', {}),
  });
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

  async function pay(): Promise<void> {
    if (paying) return;
    const card = form.submit();
    if (!card) return report(true);
    paying = true;
    form.setBusy(true);
    const answer = await paySession(base, token, card);
    form.setBusy(false);
    paying = false;
    channel.post('guichet:pay-result', answer);
  }

  async function onMessage(message: Message): Promise<void> {
    if (message.type === 'guichet:submit') await pay();
    else if (message.type === 'guichet:set-locale') await setLocale(message.locale);
    else if (message.type === 'guichet:set-theme') theme.replaceSync(themeRule(':root', message.vars));
  }

  void readSession(base, token).then((read) => {
    if (read.ok) form.setAccepted([...new Set(read.session.contracts.flatMap((c) => c.cardTypes))]);
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
if (token && isOrigin(origin)) start(token, origin, params.get('locale'));
