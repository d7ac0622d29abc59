/**
 * The widget's calls to the gateway's token-scoped endpoints (docs/WIDGET-PROTOCOL.md). `base` is
 * the gateway's `/widget/` URL. No cookies travel: the token is the only credential.
 */
import type { GiftCardAnswer, PayAnswer, PaylineResult, PublicSession } from './session.js';

/** A session read: the session, or why there is none (unknown token, gateway unreachable). */
export type SessionRead = { ok: true; session: PublicSession } | { ok: false; reason: 'not-found' | 'network' };

const NO_CREDENTIALS: RequestInit = { credentials: 'omit', cache: 'no-store' };

/** `GET sessions/{token}`. */
export async function readSession(base: URL, token: string): Promise<SessionRead> {
  try {
    const response = await fetch(new URL(`sessions/${encodeURIComponent(token)}`, base), NO_CREDENTIALS);
    if (response.status === 404) return { ok: false, reason: 'not-found' };
    if (!response.ok) return { ok: false, reason: 'network' };
    return { ok: true, session: (await response.json()) as PublicSession };
  } catch {
    return { ok: false, reason: 'network' };
  }
}

/** `POST sessions/{token}/cancel`: the cancelled session, or undefined when unreachable. */
export async function cancelSession(base: URL, token: string): Promise<{ result: PaylineResult; session: PublicSession } | undefined> {
  try {
    const response = await fetch(new URL(`sessions/${encodeURIComponent(token)}/cancel`, base), { ...NO_CREDENTIALS, method: 'POST' });
    return response.ok ? ((await response.json()) as { result: PaylineResult; session: PublicSession }) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A POST to one of the token's endpoints that answers like pay: only the protocol's fields are
 * kept, so nothing else the gateway may add is forwarded to the merchant page; `error: 'network'`
 * when the gateway could not be reached or answered no result.
 */
async function postForAnswer(base: URL, token: string, path: string, body?: object): Promise<PayAnswer> {
  try {
    const response = await fetch(new URL(`sessions/${encodeURIComponent(token)}/${path}`, base), {
      ...NO_CREDENTIALS,
      method: 'POST',
      ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    const { result, session, transaction, authorization, card: masked, challenge, cardInd } = (await response.json()) as PayAnswer;
    if (!result) return { result: { code: '', shortMessage: 'ERROR', longMessage: '' }, error: 'network' };
    return { result, session, transaction, authorization, card: masked, challenge, cardInd };
  } catch {
    return { result: { code: '', shortMessage: 'ERROR', longMessage: '' }, error: 'network' };
  }
}

/**
 * A gift-card endpoint: `method` on `sessions/{token}/gift-cards{path}`. The answer keeps only the
 * protocol's fields, whatever its HTTP status (a refusal carries its result and session either way).
 */
async function giftCardCall(base: URL, token: string, method: 'POST' | 'DELETE', path: string, body?: object): Promise<GiftCardAnswer> {
  try {
    const response = await fetch(new URL(`sessions/${encodeURIComponent(token)}/gift-cards${path}`, base), {
      ...NO_CREDENTIALS,
      method,
      ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    const { result, session, giftCard, transaction } = (await response.json()) as GiftCardAnswer;
    if (!result) return { result: { code: '', shortMessage: 'ERROR', longMessage: '' }, error: 'network' };
    return { result, session, giftCard, transaction };
  } catch {
    return { result: { code: '', shortMessage: 'ERROR', longMessage: '' }, error: 'network' };
  }
}

/** `POST sessions/{token}/gift-cards`: checks the card and reserves what it pays. */
export function addGiftCard(base: URL, token: string, number: string, code: string): Promise<GiftCardAnswer> {
  return giftCardCall(base, token, 'POST', '', { number, code });
}

/** `DELETE sessions/{token}/gift-cards/{id}`: releases the card's reservation. */
export function removeGiftCard(base: URL, token: string, id: string): Promise<GiftCardAnswer> {
  return giftCardCall(base, token, 'DELETE', `/${encodeURIComponent(id)}`);
}

/** `POST sessions/{token}/gift-cards/confirm`: the gift cards cover everything; the payment completes. */
export function confirmGiftCards(base: URL, token: string): Promise<GiftCardAnswer> {
  return giftCardCall(base, token, 'POST', '/confirm');
}

/** `POST sessions/{token}/pay` with the card (from the fields page only); `saveCard` saves it into the session's wallet once accepted. */
export function paySession(base: URL, token: string, card: object, saveCard = false): Promise<PayAnswer> {
  return postForAnswer(base, token, 'pay', saveCard ? { card, saveCard: true } : { card });
}

/** `POST sessions/{token}/pay-saved-card`: with a CVV from the fields page only; without one from the component. */
export function paySavedCard(base: URL, token: string, cardInd: string, cvx?: string): Promise<PayAnswer> {
  return postForAnswer(base, token, 'pay-saved-card', cvx === undefined ? { cardInd } : { cardInd, cvx });
}

/** `POST sessions/{token}/wallet/cards` with a new card (from the fields page only). */
export function addWalletCard(base: URL, token: string, card: object): Promise<PayAnswer> {
  return postForAnswer(base, token, 'wallet/cards', { card });
}

/** A web-wallet change from the component: `cards/{cardInd}/expiry|remove|default` or `finish`. */
export function changeWallet(base: URL, token: string, path: string, body?: object): Promise<PayAnswer> {
  return postForAnswer(base, token, `wallet/${path}`, body);
}
