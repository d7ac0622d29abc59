// A fake of the gateway's widget endpoints (docs/WIDGET-PROTOCOL.md) for the component tests,
// as a @web/test-runner middleware: fixed sessions picked by the token's prefix
// (`open-…`, `fr-…`, `expired-…`, `wallet-…` with saved cards, `manage-…` a web-wallet session…),
// outcomes picked by the card number, a stand-in 3-D Secure page, the saved-card and web-wallet
// endpoints, the gift-card endpoints (`gift-…` sessions, the test gift cards of GIFT_CARDS), and
// the fields page built from widget/fields/fields.html around the TypeScript source.
// The real gateway is covered by the end-to-end tests.
import { readFileSync } from 'node:fs';

const CARD_TYPES = ['CB', 'VISA', 'MASTERCARD', 'AMEX', 'DINERS', 'JCB', 'DISCOVER', 'MAESTRO'];
const GIFT_CONTRACT = { contractNumber: 'GIFT-1', cardTypes: ['CADEAU_CARREFOUR'], label: 'Carte Cadeau' };

/** The gift-card view of a session of `amount` taking gift cards up to `maxAmount`, `maxCards` of them. */
function giftCards(amount, maxAmount = 100000, maxCards = 5) {
  return { contractNumber: 'GIFT-1', maxAmount, maxCards, entries: [], coveredAmount: 0, amountLeft: amount };
}
/** A session of 50.00 EUR taking cards and gift cards. */
function giftSession(extra = {}, limits = []) {
  return {
    amount: 5000,
    contracts: [{ contractNumber: '1234567', cardTypes: CARD_TYPES, label: 'Cards' }, GIFT_CONTRACT],
    giftCards: giftCards(5000, ...limits),
    ...extra,
  };
}

/** Session fields by token prefix; every session starts from `base`. */
const SCENARIOS = {
  open: {},
  fr: { languageCode: 'fr' },
  de: { languageCode: 'DEU' },
  noamex: { contracts: [{ contractNumber: '1', cardTypes: ['CB', 'VISA', 'MASTERCARD'], label: 'CB' }] },
  cbonly: { contracts: [{ contractNumber: '1', cardTypes: ['CB'], label: 'CB' }] },
  last: { attempts: 2, attemptsLeft: 1 },
  themed: { shop: { name: 'Boutique Soleil', logoURL: '/test/widget/support/logo.svg', theme: { primaryColor: 'rgb(1, 2, 3)', textColor: 'red; } :host { color: blue' } } },
  expired: { state: 'EXPIRED', attemptsLeft: 0 },
  authenticating: { state: 'AUTHENTICATING', attemptsLeft: 0, challenge: { url: '/acs/challenge/authenticating?outcome=pass' } },
  gift: giftSession(),
  giftfr: giftSession({ languageCode: 'fr' }),
  /** Gift cards may pay 40.00 EUR at most, two cards at most. */
  giftmax: giftSession({}, [4000, 2]),
  giftlast: giftSession({ attempts: 2, attemptsLeft: 1 }),
  /** Gift cards alone: no card contract. */
  giftonly: giftSession({ contracts: [GIFT_CONTRACT] }),
  /** Expires when a gift card is added (past its time on the gateway). */
  giftgone: giftSession({ expireOnAdd: true }),
  paid: {
    state: 'ACCEPTED', attempts: 1, attemptsLeft: 0,
    result: { code: '00000', shortMessage: 'ACCEPTED', longMessage: 'Transaction approved' },
    transaction: { id: '26064140000123', date: '05/03/2026 14:07:00' },
    authorization: { number: 'A55X21' },
    card: { number: '378282XXXXX0005', type: 'AMEX' },
  },
};

/**
 * The test gift cards, by number: secret code, balance, and what is wrong with them. Any other
 * number is unknown; a number of fewer than 12 digits or a code not of 4 is malformed.
 */
const GIFT_CARDS = {
  '6000000000000001': { code: '1234', balance: 3000 },
  '6000000000000002': { code: '1234', balance: 1500 },
  '6000000000000003': { code: '1234', balance: 10000 },
  '6000000000000004': { code: '1234', balance: 2000, problem: 'expired' },
  '6000000000000005': { code: '1234', balance: 2000, problem: 'blocked' },
  '6000000000000006': { code: '1234', balance: 0 },
  '6000000000000007': { code: '1234', balance: 2000, problem: 'discounted-not-accepted' },
};
/** Saved cards of the wallet scenarios: a CB whose contract asks the CVV again, an Amex whose does not. */
const SAVED = [
  { cardInd: '1', number: '497010XXXXXX4455', type: 'CB', expirationDate: '1230', cardholder: 'Jeanne Martin', isDefault: true, cvxRequired: true },
  { cardInd: '2', number: '378282XXXXX0005', type: 'AMEX', expirationDate: '0331', isDefault: false, cvxRequired: false },
];
const MANAGE = { amount: 0, orderRef: '', attemptsLeft: 3 };
Object.assign(SCENARIOS, {
  wallet: { wallet: { walletId: 'W1', cards: SAVED, saveCard: true } },
  newwallet: { wallet: { walletId: 'W2', cards: [], saveCard: true } },
  frwallet: { languageCode: 'fr', wallet: { walletId: 'W1', cards: SAVED, saveCard: true } },
  manage: { ...MANAGE, wallet: { walletId: 'W1', operation: 'manageWebWallet', actions: ['add', 'update', 'remove', 'default', 'finish'], changes: 0, cards: SAVED } },
  demanage: { ...MANAGE, languageCode: 'de', wallet: { walletId: 'W1', operation: 'manageWebWallet', actions: ['add', 'update', 'remove', 'default', 'finish'], changes: 0, cards: SAVED } },
  create: { ...MANAGE, wallet: { walletId: 'W3', operation: 'createWebWallet', actions: ['add'], changes: 0, cards: [] } },
});

const sessions = new Map();
const lastPay = new Map();
/** The last gift card body posted per token, to check what the widget sends. */
const lastGiftCard = new Map();

function base(token) {
  return {
    token, state: 'WAITING', merchantName: 'Demo Shop', amount: 1234, currency: 978, orderRef: 'ORDER-42',
    contracts: [{ contractNumber: '1234567', cardTypes: CARD_TYPES, label: 'Cards' }],
    attempts: 0, attemptsLeft: 3, expiresAt: '2099-01-01T00:00:00.000Z', languageCode: null,
    returnURL: 'https://shop.example/return', cancelURL: 'https://shop.example/cancel', sandbox: true,
  };
}

function sessionOf(token) {
  if (!sessions.has(token)) {
    const scenario = SCENARIOS[token.split('-')[0]];
    if (!scenario) return undefined;
    sessions.set(token, { ...base(token), ...structuredClone(scenario) });
  }
  return sessions.get(token);
}

const RESULTS = {
  accepted: { code: '00000', shortMessage: 'ACCEPTED', longMessage: 'Transaction approved' },
  '4000000000011009': { code: '01100', shortMessage: 'REFUSED', longMessage: 'Do not honor' },
  '5132100000011161': { code: '01116', shortMessage: 'REFUSED', longMessage: 'Amount limit' },
  cancelled: { code: '02319', shortMessage: 'CANCELLED', longMessage: 'Payment cancelled by the buyer' },
  expired: { code: '02324', shortMessage: 'ERROR', longMessage: 'Session expired' },
  failed3ds: { code: '03003', shortMessage: 'REFUSED', longMessage: 'Authentication failed' },
  notFound: { code: '02304', shortMessage: 'ERROR', longMessage: 'No transaction found for this token' },
};

/** The gateway's answer to a refused gift card, by reason (docs/WIDGET-PROTOCOL.md). */
function giftRefusal(reason) {
  if (['already-entered', 'nothing-left', 'invalid-number', 'invalid-code', 'unknown-entry', 'amount-left'].includes(reason)) {
    return { code: '02305', shortMessage: 'ERROR', longMessage: 'Invalid field format', reason };
  }
  if (reason === 'max-amount' || reason === 'max-cards') return { code: '02610', shortMessage: 'REFUSED', longMessage: 'The max amount is exceeded', reason };
  return { code: '02998', shortMessage: 'REFUSED', longMessage: 'Transaction refused', reason };
}

/** Sums the entries of `session`'s gift cards into what they cover and what is left. */
function recount(session) {
  const view = session.giftCards;
  view.coveredAmount = view.entries.reduce((sum, entry) => sum + entry.amount, 0);
  view.amountLeft = session.amount - view.coveredAmount;
}

/** Releases every reservation: the session failed, was cancelled or expired. */
function releaseGiftCards(session) {
  if (!session.giftCards) return;
  session.giftCards.entries = [];
  recount(session);
}

/** Why `number`/`code` cannot be added to `session`, else undefined. */
function giftCardProblem(session, number, code) {
  const view = session.giftCards;
  if (!/^\d{12,19}$/.test(number ?? '')) return 'invalid-number';
  if (!/^\d{4}$/.test(code ?? '')) return 'invalid-code';
  const card = GIFT_CARDS[number];
  if (!card) return 'unknown-card';
  if (card.code !== code) return 'wrong-code';
  if (card.problem) return card.problem;
  if (card.balance === 0) return 'empty';
  if (view.entries.some((entry) => entry.number === number)) return 'already-entered';
  if (view.amountLeft === 0) return 'nothing-left';
  if (view.entries.length >= view.maxCards) return 'max-cards';
  if (view.coveredAmount >= view.maxAmount) return 'max-amount';
  return undefined;
}

let giftCardIds = 0;

/** `POST gift-cards`: reserves what the card pays (its balance, what is left, the basket's maximum). */
function addGiftCard(session, { number, code }) {
  const view = session.giftCards;
  if (!view) return { result: giftRefusal('unknown-card'), session };
  if (session.expireOnAdd) {
    Object.assign(session, { state: 'EXPIRED', attemptsLeft: 0, result: RESULTS.expired });
    releaseGiftCards(session);
    return { result: RESULTS.expired, session: publicView(session) };
  }
  const problem = giftCardProblem(session, number, code);
  if (problem) return { result: giftRefusal(problem), session };
  const balance = GIFT_CARDS[number].balance;
  const amount = Math.min(balance, view.amountLeft, view.maxAmount - view.coveredAmount);
  const capped = view.maxAmount - view.coveredAmount < Math.min(balance, view.amountLeft);
  const entry = { id: `gc${++giftCardIds}`, maskedNumber: `${'X'.repeat(number.length - 4)}${number.slice(-4)}`, initialBalance: balance, amount, remainingBalance: balance - amount, ...(capped ? { capped } : {}) };
  view.entries.push({ ...entry, number });
  recount(session);
  return { result: RESULTS.accepted, session: publicView(session), giftCard: entry };
}

/** The session as the gateway shows it: gift-card entries without their number. */
function publicView(session) {
  const { expireOnAdd: _expireOnAdd, ...view } = session;
  if (!view.giftCards) return view;
  const entries = view.giftCards.entries.map(({ number: _number, ...entry }) => entry);
  return { ...view, giftCards: { ...view.giftCards, entries } };
}
const CHALLENGES = { '4970103000000026': 'pass', '4970103000000034': 'fail' };

/** Ends an attempt of `session` with `result`. */
function settle(session, result) {
  session.attempts += 1;
  session.result = result;
  if (result.shortMessage === 'ACCEPTED') {
    session.state = 'ACCEPTED';
    session.transaction = { id: '26064140000777', date: '05/03/2026 14:07:00' };
    session.authorization = { number: 'A12345' };
    if (session.giftCards?.entries.length) {
      // The card paid the rest: the order's transaction is the gift-card one, the card's is the complement.
      session.complement = { transaction: session.transaction, card: session.card, amount: session.giftCards.amountLeft };
      session.transaction = { id: '26064140000888', date: '05/03/2026 14:07:00' };
    }
  } else {
    session.state = session.attempts >= 3 ? 'REFUSED' : 'WAITING';
    if (session.state === 'REFUSED') releaseGiftCards(session);
  }
  session.attemptsLeft = session.state === 'WAITING' ? 3 - session.attempts : 0;
}

/** A saved card from a card the shopper typed (the gateway masks it; the next index). */
function savedFrom(session, card) {
  const cards = session.wallet.cards;
  const next = String(Math.max(0, ...cards.map((c) => Number(c.cardInd))) + 1);
  const masked = `${card.number.slice(0, 6)}${'X'.repeat(card.number.length - 10)}${card.number.slice(-4)}`;
  return { cardInd: next, number: masked, type: card.type ?? 'CB', expirationDate: card.expirationDate, isDefault: cards.length === 0, cvxRequired: true };
}

/** A web-wallet change: 02500 with the session, or the code. */
function walletAnswer(session, code) {
  const shortMessage = code === '02500' ? 'ACCEPTED' : 'ERROR';
  return { result: { code, shortMessage, longMessage: '' }, session };
}

function changeWallet(session, path, body) {
  const wallet = session.wallet;
  if (session.state !== 'WAITING') return walletAnswer(session, '02532');
  if (path === 'finish') {
    session.state = 'ACCEPTED';
    return walletAnswer(session, '02500');
  }
  const [, cardInd, action] = /^cards\/([^/]+)\/(\w+)$/.exec(path) ?? [];
  const card = wallet.cards.find((c) => c.cardInd === cardInd);
  if (!card) return walletAnswer(session, '02518');
  if (action === 'default') wallet.cards = wallet.cards.map((c) => ({ ...c, isDefault: c === card }));
  if (action === 'remove') wallet.cards = wallet.cards.filter((c) => c !== card);
  if (action === 'expiry') card.expirationDate = body.expirationDate;
  wallet.changes += 1;
  return walletAnswer(session, '02500');
}

function addWalletCard(session, card) {
  const wallet = session.wallet;
  if (wallet.cards.some((c) => c.number.slice(-4) === card.number.slice(-4))) return walletAnswer(session, '02521');
  const saved = savedFrom(session, card);
  wallet.cards = [...wallet.cards, saved];
  wallet.changes += 1;
  if (wallet.operation === 'createWebWallet') session.state = 'ACCEPTED';
  return { ...walletAnswer(session, '02500'), cardInd: saved.cardInd };
}

function paySaved(session, body) {
  lastPay.set(session.token, body);
  const card = session.wallet?.cards.find((c) => c.cardInd === body.cardInd);
  if (!card) return { result: { code: '02518', shortMessage: 'ERROR', longMessage: '' }, session };
  if (card.cvxRequired && !body.cvx) return { result: { code: '02305', shortMessage: 'ERROR', longMessage: 'cvx is required for this saved card' }, session };
  session.card = { number: card.number, type: card.type };
  settle(session, RESULTS.accepted);
  return { result: session.result, session, transaction: session.transaction, authorization: session.authorization, card: session.card };
}

function pay(session, card, saveCard) {
  lastPay.set(session.token, saveCard ? { ...card, saveCard } : card);
  const masked = { number: `${card.number.slice(0, 6)}${'X'.repeat(card.number.length - 10)}${card.number.slice(-4)}`, type: card.type };
  session.card = masked;
  const outcome = CHALLENGES[card.number];
  if (outcome) return { result: { code: '03101', shortMessage: 'ACCEPTED', longMessage: 'Challenge requested' }, session: publicView(session), challenge: { url: `/acs/challenge/${session.token}?outcome=${outcome}` } };
  settle(session, RESULTS[card.number] ?? RESULTS.accepted);
  if (saveCard && session.wallet && session.state === 'ACCEPTED') session.wallet.cards = [...session.wallet.cards, savedFrom(session, card)];
  const transaction = session.complement?.transaction ?? session.transaction;
  return { result: session.result, session: publicView(session), transaction, authorization: session.authorization, card: masked };
}

function challengePage(token, outcome) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ACS</title></head><body>
<main><h1>Bank check</h1><button id="finish" type="button">Confirm</button></main>
<script>
const origin = new URL(location.href).searchParams.get('origin');
document.getElementById('finish').addEventListener('click', async () => {
  await fetch('/acs/complete/${token}?outcome=${outcome}', { method: 'POST' });
  parent.postMessage({ type: 'guichet:3ds-complete', token: '${token}' }, origin);
});
</script></body></html>`;
}

/** A merchant page embedding the widget with 3-D Secure by redirect. */
function hostPage(token) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script type="module" src="/widget/guichet.ts"></script></head>
<body><guichet-checkout token="${token}" embedded-redirection-allowed="false"></guichet-checkout></body></html>`;
}

async function readJson(ctx) {
  let text = '';
  for await (const chunk of ctx.req) text += chunk;
  return JSON.parse(text || '{}');
}

function send(ctx, status, body, type = 'application/json') {
  ctx.status = status;
  ctx.type = type;
  ctx.body = type === 'application/json' ? JSON.stringify(body) : body;
  const origin = ctx.get('origin');
  if (origin) ctx.set('access-control-allow-origin', origin);
}

/** The middleware: answers the fake routes, passes everything else on. */
export async function fakeGateway(ctx, next) {
  const path = ctx.path;
  let match;
  if (path === '/widget/fields.html') {
    const page = readFileSync('widget/fields/fields.html', 'utf8').replace('%FIELDS_SCRIPT%', '/widget/fields/fields.ts');
    return send(ctx, 200, page, 'text/html');
  }
  if (path.startsWith('/widget/sessions/') && ctx.method === 'OPTIONS') {
    send(ctx, 204, '', 'text/plain');
    ctx.set('access-control-allow-methods', 'GET, POST, DELETE');
    ctx.set('access-control-allow-headers', 'content-type');
    return;
  }
  if ((match = /^\/widget\/sessions\/([^/]+)$/.exec(path)) && ctx.method === 'GET') {
    const session = sessionOf(match[1]);
    return session ? send(ctx, 200, publicView(session)) : send(ctx, 404, { result: RESULTS.notFound });
  }
  if ((match = /^\/widget\/sessions\/([^/]+)\/gift-cards$/.exec(path)) && ctx.method === 'POST') {
    const session = sessionOf(match[1]);
    if (!session) return send(ctx, 404, { result: RESULTS.notFound });
    const body = await readJson(ctx);
    lastGiftCard.set(session.token, body);
    return send(ctx, 200, addGiftCard(session, body));
  }
  if ((match = /^\/widget\/sessions\/([^/]+)\/gift-cards\/confirm$/.exec(path)) && ctx.method === 'POST') {
    const session = sessionOf(match[1]);
    if (!session?.giftCards) return send(ctx, 404, { result: RESULTS.notFound });
    if (session.giftCards.amountLeft > 0) return send(ctx, 200, { result: giftRefusal('amount-left'), session: publicView(session) });
    Object.assign(session, { state: 'ACCEPTED', attempts: session.attempts + 1, attemptsLeft: 0, result: RESULTS.accepted });
    session.transaction = { id: '26064140000999', date: '05/03/2026 14:07:00' };
    return send(ctx, 200, { result: RESULTS.accepted, session: publicView(session), transaction: session.transaction });
  }
  if ((match = /^\/widget\/sessions\/([^/]+)\/gift-cards\/([^/]+)$/.exec(path)) && ctx.method === 'DELETE') {
    const session = sessionOf(match[1]);
    if (!session?.giftCards) return send(ctx, 404, { result: RESULTS.notFound });
    const view = session.giftCards;
    const index = view.entries.findIndex((entry) => entry.id === match[2]);
    if (index < 0) return send(ctx, 200, { result: giftRefusal('unknown-entry'), session: publicView(session) });
    view.entries.splice(index, 1);
    recount(session);
    return send(ctx, 200, { result: RESULTS.accepted, session: publicView(session) });
  }
  if ((match = /^\/widget\/sessions\/([^/]+)\/pay$/.exec(path)) && ctx.method === 'POST') {
    const session = sessionOf(match[1]);
    const body = session && (await readJson(ctx));
    return session ? send(ctx, 200, pay(session, body.card, body.saveCard === true)) : send(ctx, 404, { result: RESULTS.notFound });
  }
  if ((match = /^\/widget\/sessions\/([^/]+)\/pay-saved-card$/.exec(path)) && ctx.method === 'POST') {
    const session = sessionOf(match[1]);
    return session ? send(ctx, 200, paySaved(session, await readJson(ctx))) : send(ctx, 404, { result: RESULTS.notFound });
  }
  if ((match = /^\/widget\/sessions\/([^/]+)\/wallet\/cards$/.exec(path)) && ctx.method === 'POST') {
    const session = sessionOf(match[1]);
    return session ? send(ctx, 200, addWalletCard(session, (await readJson(ctx)).card)) : send(ctx, 404, { result: RESULTS.notFound });
  }
  if ((match = /^\/widget\/sessions\/([^/]+)\/wallet\/(.+)$/.exec(path)) && ctx.method === 'POST') {
    const session = sessionOf(match[1]);
    return session ? send(ctx, 200, changeWallet(session, match[2], await readJson(ctx))) : send(ctx, 404, { result: RESULTS.notFound });
  }
  if ((match = /^\/widget\/sessions\/([^/]+)\/cancel$/.exec(path)) && ctx.method === 'POST') {
    const session = sessionOf(match[1]);
    if (!session) return send(ctx, 404, { result: RESULTS.notFound });
    const result = session.wallet?.operation ? { code: '02536', shortMessage: 'CANCELLED', longMessage: 'Consumer cancelled' } : RESULTS.cancelled;
    Object.assign(session, { state: 'CANCELLED', attemptsLeft: 0, result });
    releaseGiftCards(session);
    return send(ctx, 200, { result, session: publicView(session) });
  }
  if ((match = /^\/acs\/challenge\/([^/]+)$/.exec(path))) {
    return send(ctx, 200, challengePage(match[1], ctx.query.outcome), 'text/html');
  }
  if ((match = /^\/acs\/complete\/([^/]+)$/.exec(path))) {
    settle(sessionOf(match[1]), ctx.query.outcome === 'pass' ? RESULTS.accepted : RESULTS.failed3ds);
    return send(ctx, 200, {});
  }
  if (path === '/fake/host.html') return send(ctx, 200, hostPage(ctx.query.token), 'text/html');
  if ((match = /^\/fake\/last-pay\/([^/]+)$/.exec(path))) return send(ctx, 200, lastPay.get(match[1]) ?? null);
  if ((match = /^\/fake\/last-gift-card\/([^/]+)$/.exec(path))) return send(ctx, 200, lastGiftCard.get(match[1]) ?? null);
  return next();
}
