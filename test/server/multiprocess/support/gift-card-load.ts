import assert from 'node:assert/strict';
import { GIFT, giftWebPaymentRequest } from '../../support/gift-card-calls.js';
import { VERSION } from '../../support/requests.js';
import type { GatewayProcess } from './gateway-process.js';

/**
 * Gift-card web sessions under load, spread over several gateway processes, and the checks that
 * must hold afterwards whatever happened meanwhile (a process killed): no card is overdrawn, its
 * reservations and captures never sum past its starting balance, what it lost is exactly what the
 * paid orders say it paid, and every order answered paid exists.
 */
export interface GiftSession {
  token: string;
  gateway: string;
  /** accepted: confirm or pay answered 00000; failed: some call got no clear answer. */
  outcome: 'accepted' | 'released' | 'refused' | 'failed';
}

// Small orders, and the 1500.00 card among the others: cards keep some balance through the crash.
const ORDER = 700;
const CARDS = [GIFT.g30, GIFT.g50, GIFT.g200, GIFT.g1500, GIFT.g100, GIFT.g20, GIFT.g10];
const COMPLEMENT_CARD = { number: '4111111111111111', expirationDate: '1255', cvx: '123' };
const SHOP = 'https://shop.example';
const pickOne = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** A widget call with the shop's Origin (the gift-card calls) or the gateway's (pay); undefined when no clear answer. */
async function widget(gateway: GatewayProcess, method: string, path: string, origin: string, body?: unknown): Promise<any> {
  try {
    const response = await gateway.fetch(path, {
      method,
      headers: { 'content-type': 'application/json', origin },
      signal: AbortSignal.timeout(10_000),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return response.status === 200 ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Each worker, until the time is up, on a process picked at random: opens a 7.00 EUR session
 * offering CADEAU, enters one or two test gift cards, then confirms (when they cover it all) or
 * pays the rest by card, or else removes them, or cancels.
 */
export async function runGiftCardLoad(options: { gateways: readonly GatewayProcess[]; workers: number; durationMs: number }): Promise<GiftSession[]> {
  const sessions: GiftSession[] = [];
  const deadline = Date.now() + options.durationMs;

  async function cycle(gateway: GatewayProcess): Promise<GiftSession['outcome'] | undefined> {
    const opened = await gateway.post('doWebPayment', giftWebPaymentRequest(ORDER));
    if ('error' in opened || opened.status !== 200 || opened.body.result?.code !== '00000') return undefined;
    const token = opened.body.token as string;
    const session: GiftSession = { token, gateway: gateway.name, outcome: 'failed' };
    sessions.push(session);
    const added: any[] = [];
    for (let i = 0; i < 1 + Math.floor(Math.random() * 2); i++) {
      const answer = await widget(gateway, 'POST', `/widget/sessions/${token}/gift-cards`, SHOP, pickOne(CARDS));
      if (answer === undefined) return 'failed';
      if (answer.result.code === '00000') added.push(answer);
    }
    const last = added.at(-1);
    const roll = Math.random();
    let finished: any;
    if (last && roll < 0.6) {
      finished = last.session.giftCards.amountLeft === 0 ? await widget(gateway, 'POST', `/widget/sessions/${token}/gift-cards/confirm`, SHOP) : await widget(gateway, 'POST', `/widget/sessions/${token}/pay`, gateway.url, { card: COMPLEMENT_CARD });
      session.outcome = finished === undefined ? 'failed' : finished.result.code === '00000' ? 'accepted' : 'refused';
    } else if (last && roll < 0.8) {
      for (const a of added) finished = await widget(gateway, 'DELETE', `/widget/sessions/${token}/gift-cards/${a.giftCard.id}`, SHOP);
      session.outcome = finished === undefined ? 'failed' : 'released';
    } else {
      finished = await widget(gateway, 'POST', `/widget/sessions/${token}/cancel`, SHOP);
      session.outcome = finished === undefined ? 'failed' : 'released';
    }
    return session.outcome;
  }

  async function worker(): Promise<void> {
    while (Date.now() < deadline) {
      const outcome = await cycle(pickOne(options.gateways));
      // A process that is down refuses connections at once: no need to hammer it.
      if (outcome === undefined || outcome === 'failed') await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  await Promise.all(Array.from({ length: options.workers }, worker));
  return sessions;
}

export interface GiftCardFigures {
  paid: number;
  /** The sessions that were not paid. */
  unpaid: string[];
  /** Per card number: what it lost (startingBalance - balance) and what is still reserved. */
  cards: { number: string; spent: number; reserved: number }[];
}

/**
 * Reads every session of the load from `reader` and the test cards' balances: each session
 * answered paid is paid, no card is below zero, and its reservations plus what it lost never
 * exceed its starting balance. What a card lost is the sum of `paymentAmount` over the paid
 * orders' gift-card transactions, plus at most what the sessions cut by the crash and still
 * unpaid hold: the crash can cut a session after its cards were captured and before it was
 * recorded paid (a confirm cut so leaves it PROCESSING, answering `02002` until its expiry job
 * finishes it). With `settled` (the cut sessions were confirmed or paid again, the rest
 * cancelled), what the cards still reserve is at most what the cut, unpaid sessions hold (a
 * reservation made for a call cut before its session recorded it is released by no cancel, only
 * by its lapse 5 minutes after the session's end).
 */
export async function checkGiftCardsAfterLoad(reader: GatewayProcess, sessions: readonly GiftSession[], options: { settled?: boolean } = {}): Promise<GiftCardFigures> {
  const paidPerLast4 = new Map<string, number>();
  let paid = 0;
  const unpaid: string[] = [];
  for (const session of sessions) {
    const details = await reader.call('getWebPaymentDetails', { version: VERSION, token: session.token });
    if (session.outcome === 'accepted') assert.equal(details.result.code, '00000', `session ${session.token} answered paid by ${session.gateway}: ${JSON.stringify(details.result)}`);
    if (details.result.code !== '00000') {
      unpaid.push(session.token);
      continue;
    }
    paid += 1;
    // Paid by card alone (its gift card was cut before the session recorded it): nothing from the cards.
    const data = details.transaction.partnerAdditionalData as string | undefined;
    const parts = (data ? JSON.parse(data) : []) as { PAN: string; paymentAmount: string }[];
    for (const part of parts) paidPerLast4.set(part.PAN.slice(-4), (paidPerLast4.get(part.PAN.slice(-4)) ?? 0) + Number(part.paymentAmount));
  }
  // What the sessions cut by the crash, and not paid since, can hold (reserved or captured) at most.
  const cutHold = sessions.filter((s) => s.outcome === 'failed' && unpaid.includes(s.token)).length * ORDER;
  const listed = await reader.api('GET', '/sandbox/gift-cards');
  assert.equal(listed.status, 200);
  const cards = [];
  for (const card of listed.body.giftCards as { number: string; startingBalance: number; balance: number; reserved: number }[]) {
    if (!CARDS.some((c) => c.number === card.number)) continue;
    const spent = card.startingBalance - card.balance;
    const ordersSay = paidPerLast4.get(card.number.slice(-4)) ?? 0;
    assert.ok(card.balance >= 0, `gift card ${card.number} is overdrawn: ${card.balance}`);
    assert.ok(spent >= ordersSay && spent <= ordersSay + cutHold, `gift card ${card.number} lost ${spent}, its paid orders say ${ordersSay}, the cut sessions could hold ${cutHold}`);
    assert.ok(card.reserved >= 0 && card.reserved + spent <= card.startingBalance, `gift card ${card.number}: reserved ${card.reserved} + captured ${spent} > ${card.startingBalance}`);
    cards.push({ number: card.number, spent, reserved: card.reserved });
  }
  if (options.settled) {
    const reserved = cards.reduce((sum, card) => sum + card.reserved, 0);
    assert.ok(reserved <= cutHold, `the cards still reserve ${reserved} once every unpaid session was finished or cancelled; the cut sessions could hold ${cutHold}`);
  }
  return { paid, unpaid, cards };
}

/**
 * What a shopper does next with each unpaid session: when its last call got no clear answer,
 * confirms again, or pays the rest by card when the gift cards do not cover it (either finishes a
 * session the crash left half-way); else cancels.
 */
export async function settleSessions(gateway: GatewayProcess, sessions: readonly GiftSession[], unpaid: readonly string[]): Promise<void> {
  for (const session of sessions.filter((s) => unpaid.includes(s.token))) {
    if (session.outcome === 'failed') {
      const confirmed = await widget(gateway, 'POST', `/widget/sessions/${session.token}/gift-cards/confirm`, SHOP);
      if (confirmed?.result.reason === 'amount-left') await widget(gateway, 'POST', `/widget/sessions/${session.token}/pay`, gateway.url, { card: COMPLEMENT_CARD });
    } else await widget(gateway, 'POST', `/widget/sessions/${session.token}/cancel`, SHOP);
  }
}
