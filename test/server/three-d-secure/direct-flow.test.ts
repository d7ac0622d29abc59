import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, VERSION } from '../support/requests.js';
import { answerChallenge, returnForm } from '../support/acs-browser.js';
import { THREE_DS_CARDS } from '../support/widget-calls.js';

/**
 * The direct 3-D Secure flow (seed 003, "Paiement 3DS en direct"): verifyEnrollment, the shopper
 * on the ACS (entered by the merchant's form post), verifyAuthentication, doAuthorization.
 */
describe('3-D Secure, direct flow', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  const TERM_URL = 'https://shop.example/3ds/term';
  const card = (c: { number: string; expirationDate: string; cvx: string }) => ({ ...c, type: 'CB' });
  const enrollment = (c: { number: string; expirationDate: string; cvx: string }, extra: object = {}) =>
    gw.call('verifyEnrollment', { version: VERSION, card: card(c), payment: { amount: 4200, currency: 978, action: 101, mode: 'CPT', contractNumber: 'CB' }, orderRef: 'order-3ds', returnURL: TERM_URL, ...extra });
  const authorize = (c: { number: string; expirationDate: string; cvx: string }, authentication3DSecure?: object, amount = 4200) =>
    gw.call('doAuthorization', { ...authorizationRequest(amount, { card: card(c) }), ...(authentication3DSecure ? { authentication3DSecure } : {}) });

  /** The merchant's page posts PaReq, TermUrl and MD to actionUrl; the shopper answers; the ACS posts back to TermUrl. */
  async function shopperOnAcs(enrolled: any, answer: 'authenticate' | 'cancel') {
    const action = new URL(enrolled.actionUrl).pathname;
    const entered = await gw.fetch(action, {
      method: 'POST',
      body: new URLSearchParams({ [enrolled.pareqFieldName]: enrolled.pareqFieldValue, [enrolled.termUrlName]: enrolled.termUrlValue, [enrolled.mdFieldName]: enrolled.mdFieldValue }),
    });
    assert.equal(entered.status, 200);
    return returnForm(await (await answerChallenge(gw, enrolled.actionUrl, answer)).text());
  }

  it('challenge passed: 03101, the ACS, 03000, then an authorization with threeDSecure Y', async () => {
    const enrolled = await enrollment(THREE_DS_CARDS.challengePass, { mdFieldValue: 'cart-17' });
    assert.deepEqual(enrolled.result, { code: '03101', shortMessage: 'ACCEPTED', longMessage: 'Challenge requested' });
    assert.match(enrolled.actionUrl, new RegExp(`^${gw.url}/acs/challenge/[0-9a-f]{32}$`));
    assert.deepEqual(
      [enrolled.actionMethod, enrolled.pareqFieldName, enrolled.termUrlName, enrolled.termUrlValue, enrolled.mdFieldName, enrolled.mdFieldValue, enrolled.mpiResult],
      ['POST', 'PaReq', 'TermUrl', TERM_URL, 'MD', 'cart-17', 'Y'],
    );
    assert.deepEqual(enrolled.authentication3DSecure, { md: 'cart-17', xid: enrolled.actionUrl.slice(-32), VeResStatus: 'Y' });

    const posted = await shopperOnAcs(enrolled, 'authenticate');
    assert.equal(posted.action, TERM_URL);
    assert.equal(posted.fields.MD, 'cart-17');

    const verified = await gw.call('verifyAuthentication', { version: VERSION, contractNumber: 'CB', pares: posted.fields.PaRes, md: posted.fields.MD });
    assert.equal(verified.result.code, '03000');
    const auth = verified.authentication3DSecure;
    assert.deepEqual([auth.xid, auth.eci, auth.PaResStatus, auth.VeResStatus, auth.authenticationResult, auth.cavvAlgorithm], [enrolled.actionUrl.slice(-32), '05', 'Y', 'Y', 'Y', '2']);
    assert.equal(Buffer.from(auth.cavv, 'base64').length, 20);
    assert.equal(verified.mpiResult, 'Y');

    const paid = await authorize(THREE_DS_CARDS.challengePass, auth);
    assert.deepEqual([paid.result.code, paid.transaction.threeDSecure], ['00000', 'Y']);
    const byPares = await authorize(THREE_DS_CARDS.challengePass, { pares: posted.fields.PaRes });
    assert.deepEqual([byPares.result.code, byPares.transaction.threeDSecure], ['00000', 'Y'], 'the PaRes names it too');
  });

  it('challenge failed: 03003 from verifyAuthentication, and doAuthorization refuses it', async () => {
    const enrolled = await enrollment(THREE_DS_CARDS.challengeFail);
    assert.equal(enrolled.mdFieldValue, enrolled.authentication3DSecure.xid, 'without mdFieldValue, MD is the xid');
    const posted = await shopperOnAcs(enrolled, 'authenticate');
    const verified = await gw.call('verifyAuthentication', { version: VERSION, contractNumber: 'CB', pares: posted.fields.PaRes });
    assert.deepEqual([verified.result.code, verified.result.shortMessage, verified.authentication3DSecure.PaResStatus, verified.authentication3DSecure.eci], ['03003', 'REFUSED', 'N', '07']);
    assert.equal((await authorize(THREE_DS_CARDS.challengeFail, verified.authentication3DSecure)).result.code, '03003');
  });

  it('frictionless: 03102 with the authentication at once', async () => {
    const enrolled = await enrollment(THREE_DS_CARDS.frictionless);
    assert.equal(enrolled.result.code, '03102');
    assert.equal(enrolled.actionUrl, undefined);
    assert.deepEqual([enrolled.authentication3DSecure.PaResStatus, enrolled.authentication3DSecure.eci], ['Y', '05']);
    const paid = await authorize(THREE_DS_CARDS.frictionless, { xid: enrolled.authentication3DSecure.xid });
    assert.deepEqual([paid.result.code, paid.transaction.threeDSecure], ['00000', 'Y']);
  });

  it('not enrolled: 03001, and the authorization goes on without 3-D Secure', async () => {
    const enrolled = await enrollment(THREE_DS_CARDS.notEnrolled);
    assert.deepEqual([enrolled.result.code, enrolled.result.shortMessage, enrolled.authentication3DSecure.VeResStatus], ['03001', 'REFUSED', 'N']);
    const paid = await authorize(THREE_DS_CARDS.notEnrolled, enrolled.authentication3DSecure);
    assert.deepEqual([paid.result.code, paid.transaction.threeDSecure], ['00000', 'N']);
  });

  it('doAuthorization checks the authentication it names', async () => {
    const enrolled = await enrollment(THREE_DS_CARDS.challengePass);
    const xid = enrolled.authentication3DSecure.xid;
    assert.equal((await authorize(THREE_DS_CARDS.challengePass, { xid })).result.code, '03030', 'the shopper has not answered yet');
    assert.equal((await authorize(THREE_DS_CARDS.challengePass, { xid: 'f'.repeat(32) })).result.code, '03004');
    assert.equal((await authorize(THREE_DS_CARDS.challengePass, { eci: '05' })).result.code, '02305');
    await shopperOnAcs(enrolled, 'authenticate');
    assert.equal((await authorize(THREE_DS_CARDS.frictionless, { xid })).result.code, '03010', 'another card');
    assert.equal((await authorize(THREE_DS_CARDS.challengePass, { xid }, 4300)).result.code, '03010', 'another amount');
  });

  it('verifyAuthentication refuses a PaRes or an MD that is not this authentication’s (03006)', async () => {
    const enrolled = await enrollment(THREE_DS_CARDS.challengePass, { mdFieldValue: 'md-a' });
    const posted = await shopperOnAcs(enrolled, 'authenticate');
    const call = (pares: string, md?: string) => gw.call('verifyAuthentication', { version: VERSION, contractNumber: 'CB', pares, ...(md ? { md } : {}) });
    assert.equal((await call('bm90IGEgcGFyZXM')).result.code, '03006');
    assert.equal((await call(posted.fields.PaRes!, 'md-b')).result.code, '03006');
    assert.equal((await call(posted.fields.PaRes!, 'md-a')).result.code, '03000');
  });

  it('verifyEnrollment checks its input like doAuthorization', async () => {
    assert.equal((await enrollment({ ...THREE_DS_CARDS.challengePass, number: '4970103000000027' })).result.code, '02614');
    assert.equal((await enrollment(THREE_DS_CARDS.challengePass, { payment: { amount: 100, currency: 978, action: 101, mode: 'CPT', contractNumber: 'NOPE' } })).result.code, '02303');
    assert.equal((await enrollment(THREE_DS_CARDS.challengePass, { payment: { amount: 100, currency: 978, action: 201, mode: 'CPT', contractNumber: 'CB' } })).result.code, '02321');
    assert.equal((await enrollment(THREE_DS_CARDS.challengePass, { returnURL: 'ftp://x' })).result.code, '02305');
  });
});
