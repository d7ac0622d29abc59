import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { searchRequest, VERSION, webPaymentRequest } from '../support/requests.js';
import { assertCode, assertFieldError, expectCode } from '../support/api-helpers.js';
import { startReceiver, type Receiver } from '../notify/support/receiver.js';
import { answerOf, postOperation } from '../soap/soap-support.js';

/**
 * manageWebWallet, createWebWallet, updateWebWallet and getWebWallet over HTTP, with the widget's
 * MANAGE_WEB_WALLET endpoints driving the session between them: each operation's codes over
 * JSON, one happy and one error path of each over SOAP, and the WEBWALLET notification.
 */
const VISA = { number: '4111111111111111', expirationDate: '1230', cvx: '123', cardholder: 'Ada Lovelace' };
const CB = { number: '4970101122334455', expirationDate: '1231', cvx: '123' };
const MASTERCARD = { number: '5555555555554444', expirationDate: '0929', cvx: '123' };

let walletCounter = 0;
const nextWalletId = () => `wallet-${process.pid}-${++walletCounter}`;

function sessionRequest(walletId: string | undefined, extra: Record<string, unknown> = {}) {
  return {
    version: VERSION,
    contractNumber: 'CB',
    buyer: { ...(walletId ? { walletId } : {}), lastName: 'Lovelace', firstName: 'Ada', email: 'ada@shop.example' },
    returnURL: 'https://shop.example/wallet/return',
    cancelURL: 'https://shop.example/wallet/cancel',
    ...extra,
  };
}

function updateRequest(walletId: string, extra: Record<string, unknown> = {}) {
  return { version: VERSION, contractNumber: 'CB', walletId, returnURL: 'https://shop.example/r', cancelURL: 'https://shop.example/c', ...extra };
}

describe('web wallets', () => {
  let gw: TestGateway;
  let receiver: Receiver;
  before(async () => {
    gw = await startTestGateway();
    receiver = await startReceiver();
  });
  after(async () => {
    await gw.close();
    await receiver.close();
  });

  /** A widget call on the session; `origin` defaults to the gateway's own (the card-fields page). */
  async function widget(token: string, path: string, body?: unknown, origin = new URL(gw.url).origin) {
    const response = await gw.fetch(`/widget/sessions/${token}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as any };
  }
  const addCard = async (token: string, card: object) => (await widget(token, 'wallet/cards', { card })).body;
  const cardAction = async (token: string, cardInd: string, action: string, body?: unknown) => (await widget(token, `wallet/cards/${cardInd}/${action}`, body, 'https://shop.example')).body;
  const getWebWallet = (token: string) => gw.call('getWebWallet', { version: VERSION, token });
  const open = async (operation: string, body: unknown) => (await expectCode(gw, operation, body, '00000')).token as string;

  it('manageWebWallet: the shopper adds cards (creating the wallet), updates, picks the default, removes; getWebWallet shows the outcome', async () => {
    const walletId = nextWalletId();
    const opened = await expectCode(gw, 'manageWebWallet', sessionRequest(walletId, { notificationURL: `${receiver.url}/notify` }), '00000');
    assert.match(opened.token, /^[0-9a-f]{32}$/);
    assert.equal(opened.redirectURL, `${gw.url}/webpayment/?token=${opened.token}`);
    const token = opened.token as string;
    const waiting = await getWebWallet(token);
    assertCode(waiting, '02533');
    assert.equal(waiting.wallet, undefined);

    const view = (await (await gw.fetch(`/widget/sessions/${token}`, { headers: { origin: 'https://shop.example' } })).json()) as any;
    assert.deepEqual(view.wallet, { walletId, operation: 'manageWebWallet', actions: ['add', 'update', 'remove', 'default', 'finish'], changes: 0, cards: [] });
    assert.equal(view.amount, 0);

    const first = await addCard(token, VISA);
    assertCode(first, '02500');
    assert.equal(first.cardInd, '1');
    assert.deepEqual(first.session.wallet.cards, [{ cardInd: '1', number: '411111XXXXXX1111', type: 'VISA', expirationDate: '1230', cardholder: 'Ada Lovelace', isDefault: true, cvxRequired: true }]);
    assert.equal((await addCard(token, CB)).cardInd, '2');
    assertCode(await addCard(token, { ...VISA, expirationDate: '0131' }), '02521');

    assertCode(await cardAction(token, '2', 'default'), '02500');
    assertCode(await cardAction(token, '2', 'expiry', { expirationDate: '0633' }), '02500');
    assertCode(await cardAction(token, '1', 'remove'), '02500');
    const removedTwice = await cardAction(token, '1', 'remove');
    assertCode(removedTwice, '02518');
    assertFieldError(await cardAction(token, '2', 'expiry', { expirationDate: '1399' }), '02305', 'card.expirationDate');
    assertFieldError(await cardAction(token, '2', 'expiry', {}), '02305', 'expirationDate');
    assertCode(await cardAction(token, '7', 'default'), '02518');
    // A third card gets index 3: an index is never given again.
    assert.equal((await addCard(token, MASTERCARD)).cardInd, '3');

    const done = (await widget(token, 'wallet/finish', undefined, 'https://shop.example')).body;
    assertCode(done, '02500');
    assert.equal(done.session.state, 'ACCEPTED');
    assertCode(await addCard(token, { ...CB, number: '4970101122334463' }), '02532');

    const outcome = await getWebWallet(token);
    assertCode(outcome, '02500', 'ACCEPTED');
    assert.deepEqual(outcome.wallet, {
      walletId,
      lastName: 'Lovelace',
      firstName: 'Ada',
      email: 'ada@shop.example',
      card: { number: '497010XXXXXX4455', type: 'CB', expirationDate: '0633' },
      default: 'Y',
    });
    assert.equal(outcome.numberOfAttempt, 6);

    const [notification] = await receiver.waitFor(1);
    assert.equal(notification!.url, `/notify?notificationType=WEBWALLET&token=${token}`);
  });

  it('createWebWallet: 02502 when the wallet exists; else the first card saved ends the session with 02500', async () => {
    const walletId = nextWalletId();
    const token = await open('createWebWallet', sessionRequest(walletId));
    assert.deepEqual((await cardAction(token, '1', 'remove')).result.code, '02532');
    const saved = await addCard(token, CB);
    assertCode(saved, '02500');
    assert.equal(saved.session.state, 'ACCEPTED');
    const outcome = await getWebWallet(token);
    assertCode(outcome, '02500');
    assert.equal(outcome.wallet.card.number, '497010XXXXXX4455');
    await expectCode(gw, 'createWebWallet', sessionRequest(walletId), '02502');
  });

  it('updateWebWallet: the card cardInd (else the default) only; 02503 unknown wallet, 02518 bad index', async () => {
    const walletId = nextWalletId();
    const manage = await open('manageWebWallet', sessionRequest(walletId));
    await addCard(manage, VISA);
    await addCard(manage, CB);
    await expectCode(gw, 'updateWebWallet', updateRequest(nextWalletId()), '02503');
    await expectCode(gw, 'updateWebWallet', updateRequest(walletId, { cardInd: '9' }), '02518');
    assertFieldError(await gw.call('updateWebWallet', updateRequest(walletId, { cardInd: 'x' })), '02305', 'cardInd');

    const token = await open('updateWebWallet', updateRequest(walletId, { cardInd: '2' }));
    const view = (await (await gw.fetch(`/widget/sessions/${token}`)).json()) as any;
    assert.deepEqual(view.wallet.cards.map((c: any) => c.cardInd), ['2']);
    assertCode(await cardAction(token, '1', 'expiry', { expirationDate: '0135' }), '02518');
    assertCode(await addCard(token, MASTERCARD), '02532');
    assertCode(await cardAction(token, '2', 'expiry', { expirationDate: '0135' }), '02500');
    assertCode((await widget(token, 'wallet/finish')).body, '02500');
    const outcome = await getWebWallet(token);
    assert.deepEqual([outcome.result.code, outcome.wallet.card.expirationDate, outcome.wallet.default], ['02500', '0135', 'N']);

    const byDefault = await open('updateWebWallet', updateRequest(walletId));
    assert.equal((await getWebWallet(byDefault)).wallet.card.number, '411111XXXXXX1111');
  });

  it('refuses bad requests: 02513 without walletId, 02303 unknown contract, 02305 naming the field', async () => {
    await expectCode(gw, 'manageWebWallet', sessionRequest(undefined), '02513');
    await expectCode(gw, 'createWebWallet', sessionRequest(undefined), '02513');
    await expectCode(gw, 'manageWebWallet', { ...sessionRequest(nextWalletId()), contractNumber: 'NOPE' }, '02303');
    const { returnURL: _r, ...noReturn } = sessionRequest(nextWalletId());
    assertFieldError(await gw.call('manageWebWallet', noReturn), '02305', 'returnURL');
    assertFieldError(await gw.call('manageWebWallet', sessionRequest(nextWalletId(), { notificationURL: 'https://u:p@shop.example/n' })), '02305', 'notificationURL');
    assertFieldError(await gw.call('getWebWallet', { version: VERSION }), '02305', 'token');
    await expectCode(gw, 'getWebWallet', { version: VERSION, token: '0'.repeat(32) }, '02304');
  });

  it('keeps payment and wallet tokens apart: each details operation answers 02304 for the other', async () => {
    const paymentToken = (await expectCode(gw, 'doWebPayment', webPaymentRequest(1000), '00000')).token;
    await expectCode(gw, 'getWebWallet', { version: VERSION, token: paymentToken }, '02304');
    const walletToken = await open('manageWebWallet', sessionRequest(nextWalletId()));
    await expectCode(gw, 'getWebPaymentDetails', { version: VERSION, token: walletToken }, '02304');
    assertCode((await widget(walletToken, 'pay', { card: CB })).body, '02304');
    assertCode(await addCard(paymentToken, CB), '02304');
  });

  it('Amex Recurring: a card added through the web pages is checked by a 1 EUR authorization first, then waits for enrolment (WR)', async () => {
    const walletId = nextWalletId();
    const token = await open('manageWebWallet', sessionRequest(walletId, { contractNumber: 'AMEX-REC' }));
    const added = await addCard(token, { number: '374200000000004', expirationDate: '1230', cvx: '1234' });
    assertCode(added, '02500');
    const search = await gw.call('transactionsSearch', searchRequest({ contractNumber: 'AMEX-REC' }));
    const checks = (search.transactionList?.transaction ?? []).filter((tx: any) => Number(tx.payment?.amount) === 100 && tx.card?.number === '374200XXXXX0004');
    assert.equal(checks.length, 1, JSON.stringify(search));
    const wallet = await gw.call('getWallet', { version: VERSION, contractNumber: 'AMEX-REC', walletId });
    assert.equal(wallet.wallet.card_status, 'WR');

    // A card its bank refuses (expired for the acquirer) is not saved: the 1 EUR check answers for it.
    const other = await open('manageWebWallet', sessionRequest(nextWalletId(), { contractNumber: 'AMEX-REC' }));
    const refused = await addCard(other, { number: '371449635398431', expirationDate: '0125', cvx: '1234' });
    assert.notEqual(refused.result.code, '02500', JSON.stringify(refused.result));
  });

  it('takes a card only from the gateway’s card fields (403 from another origin); bad cards name the field', async () => {
    const token = await open('manageWebWallet', sessionRequest(nextWalletId()));
    const foreign = await widget(token, 'wallet/cards', { card: CB }, 'https://shop.example');
    assert.equal(foreign.status, 403);
    assertFieldError(await addCard(token, { ...CB, number: '4970101122334456' }), '02614', 'card.number');
    assertFieldError(await addCard(token, { ...CB, expirationDate: '1' }), '02305', 'card.expirationDate');
    assertCode(await getWebWallet(token), '02533');
    assert.equal((await getWebWallet(token)).numberOfAttempt, 0);
  });

  it('ends with 02536 when the shopper cancels (changes kept) and 02535 when the session expires', async () => {
    const walletId = nextWalletId();
    const cancelled = await open('manageWebWallet', sessionRequest(walletId));
    await addCard(cancelled, CB);
    const answer = (await widget(cancelled, 'cancel', undefined, 'https://shop.example')).body;
    assertCode(answer, '02536', 'CANCELLED');
    const outcome = await getWebWallet(cancelled);
    assert.deepEqual([outcome.result.code, outcome.wallet.walletId], ['02536', walletId]);

    const expiring = await open('manageWebWallet', sessionRequest(nextWalletId()));
    await gw.advance(15 * 60 * 1000);
    assertCode(await getWebWallet(expiring), '02535');
    assertCode(await addCard(expiring, CB), '02535');
  });

  it('answers over SOAP: a session opened and read, and each operation’s error', async () => {
    const soap = async (operation: string, body: Record<string, unknown>) => answerOf((await postOperation(gw, operation, body)).text);
    const walletId = nextWalletId();
    const managed = await soap('manageWebWallet', sessionRequest(walletId));
    assertCode(managed, '00000');
    await addCard(managed.token, CB);
    assertCode(await soap('manageWebWallet', sessionRequest(undefined)), '02513');
    const read = await soap('getWebWallet', { version: VERSION, token: managed.token });
    assertCode(read, '02533');
    assert.equal(read.wallet.card.number, '497010XXXXXX4455');
    assertCode(await soap('getWebWallet', { version: VERSION, token: 'f'.repeat(32) }), '02304');
    assertCode(await soap('createWebWallet', sessionRequest(nextWalletId())), '00000');
    assertCode(await soap('createWebWallet', sessionRequest(walletId)), '02502');
    assertCode(await soap('updateWebWallet', updateRequest(walletId, { cardInd: '1' })), '00000');
    assertCode(await soap('updateWebWallet', updateRequest(nextWalletId())), '02503');
  });
});
