import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../../server/core/clock.js';
import { SimulatorAcs } from '../../../server/connectors/simulator/acs/simulator-acs.js';
import type { EnrollmentRequest } from '../../../server/connectors/three-d-secure.js';

/** The simulated 3DS server and ACS shell: enrolment, the shopper's answer, PaRes, expiry. */
describe('SimulatorAcs', () => {
  const T0 = Date.UTC(2026, 2, 2, 10);
  function make() {
    const clock = new ManualClock(T0);
    let n = 0;
    const acs = new SimulatorAcs({ clock, publicUrl: () => 'https://pay.example', newId: () => (++n).toString(16).padStart(32, '0') });
    return { clock, acs };
  }
  const request = (number: string): EnrollmentRequest => ({
    merchantId: 'm1',
    merchantName: 'Shop',
    amount: 1234,
    currency: 978,
    card: { number, expirationDate: '1255', type: 'CB' },
    termUrl: 'https://shop.example/term',
    md: 'merchant-data',
    language: 'fr',
    now: T0,
  });

  it('decides a frictionless card at once, with ECI and CAVV', async () => {
    const { acs } = make();
    const auth = await acs.checkEnrollment(request('4970103000000018'));
    assert.deepEqual({ ...auth, cavv: typeof auth.cavv }, {
      id: '00000000000000000000000000000001', merchantId: 'm1', amount: 1234, currency: 978, maskedPan: '497010XXXXXX0018',
      enrolled: 'Y', status: 'Y', eci: '05', cavv: 'string', cavvAlgorithm: '2', termUrl: 'https://shop.example/term', md: 'merchant-data',
    });
    assert.equal(acs.challenge(auth.id), undefined, 'no challenge page');
  });

  it('answers a card that is not enrolled with VeResStatus N and nothing else', async () => {
    const auth = await make().acs.checkEnrollment(request('4970103000000042'));
    assert.deepEqual([auth.enrolled, auth.status, auth.eci, auth.challengeUrl], ['N', undefined, undefined, undefined]);
  });

  it('holds a challenge until the shopper answers, once', async () => {
    const { acs } = make();
    const auth = await acs.checkEnrollment(request('4970103000000026'));
    assert.deepEqual([auth.status, auth.challengeUrl], ['C', `https://pay.example/acs/challenge/${auth.id}`]);
    assert.deepEqual(acs.challenge(auth.id), { id: auth.id, merchantName: 'Shop', amount: 1234, currency: 978, maskedPan: '497010XXXXXX0026', language: 'fr' });
    assert.equal(acs.enter(auth.id, 'https://shop.example/other-term', undefined), true);
    const answered = acs.answer(auth.id, 'authenticate')!;
    assert.deepEqual([answered.status, answered.eci, answered.termUrl, answered.md], ['Y', '05', 'https://shop.example/other-term', 'merchant-data']);
    assert.deepEqual(acs.answer(auth.id, 'cancel'), answered, 'a second answer changes nothing');
    assert.equal(acs.enter(auth.id, 'https://evil.example/', undefined), false, 'nor can the TermUrl change after the answer');
    assert.deepEqual(await acs.fromPares(answered.pares!), answered);
    assert.deepEqual(await acs.find(auth.id), answered);
  });

  it('knows only the PaRes it gave', async () => {
    const { acs } = make();
    const auth = await acs.checkEnrollment(request('4970103000000034'));
    const forged = Buffer.from(JSON.stringify({ acsTransID: auth.id, transStatus: 'Y' })).toString('base64url');
    assert.equal(await acs.fromPares(forged), undefined, 'before the answer');
    const answered = acs.answer(auth.id, 'authenticate')!;
    assert.equal(answered.status, 'N');
    assert.equal(await acs.fromPares(forged), undefined, 'a forged verdict');
    assert.equal(await acs.fromPares('not base64 json'), undefined);
    assert.ok(await acs.fromPares(answered.pares!));
  });

  it('forgets an authentication after an hour', async () => {
    const { acs, clock } = make();
    const auth = await acs.checkEnrollment(request('4970103000000026'));
    clock.advance(60 * 60 * 1000 - 1);
    assert.ok(await acs.find(auth.id));
    clock.advance(1);
    assert.equal(await acs.find(auth.id), undefined);
    assert.equal(acs.answer(auth.id, 'authenticate'), undefined);
    await acs.checkEnrollment(request('4970103000000018'));
    assert.equal(acs.challenge(auth.id), undefined);
  });
});
