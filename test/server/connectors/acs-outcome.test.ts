import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { behaviourOf, cavvOf, challengeVerdict, eciOf, enrollmentOf } from '../../../server/connectors/simulator/acs/acs-outcome.js';
import { TEST_CARDS } from '../../../server/connectors/simulator/test-cards.js';

/** The simulated ACS's pure rules, as docs/test-cards.md documents them. */
describe('simulated ACS outcome', () => {
  const rows: Array<[string, string, object, 'Y' | 'N', 'Y' | 'N']> = [
    // card, behaviour, enrollment, verdict when authenticated, when cancelled
    ['4970103000000018', 'frictionless', { enrolled: 'Y', status: 'Y' }, 'N', 'N'],
    ['4970103000000026', 'challenge-pass', { enrolled: 'Y', status: 'C' }, 'Y', 'N'],
    ['4970103000000034', 'challenge-fail', { enrolled: 'Y', status: 'C' }, 'N', 'N'],
    ['4970103000000042', 'not-enrolled', { enrolled: 'N' }, 'N', 'N'],
    ['4970103469011084', 'frictionless', { enrolled: 'Y', status: 'Y' }, 'N', 'N'],
  ];
  for (const [pan, behaviour, enrollment, authenticated, cancelled] of rows) {
    it(`${pan}: ${behaviour}`, () => {
      assert.equal(behaviourOf(pan), behaviour);
      assert.deepEqual(enrollmentOf(pan), enrollment);
      assert.equal(challengeVerdict(pan, 'authenticate'), authenticated);
      assert.equal(challengeVerdict(pan, 'cancel'), cancelled);
    });
  }

  it('gives every test card a behaviour, and a card outside the table is frictionless', () => {
    for (const card of TEST_CARDS) assert.equal(behaviourOf(card.number), card.threeDSecure);
    assert.equal(behaviourOf('4111111111111111'), 'frictionless');
  });

  it('answers the ECI per scheme and verdict', () => {
    assert.deepEqual(
      ['4970103000000026', '5555555555554444', '378282246310005'].map((pan) => [eciOf(pan, 'Y'), eciOf(pan, 'N')]),
      [['05', '07'], ['02', '00'], ['05', '07']],
    );
  });

  it('derives a 20-byte base64 CAVV from the authentication id, always the same', () => {
    assert.equal(cavvOf('a'.repeat(32)), cavvOf('a'.repeat(32)));
    assert.notEqual(cavvOf('a'.repeat(32)), cavvOf('b'.repeat(32)));
    assert.equal(Buffer.from(cavvOf('x'), 'base64').length, 20);
  });
});
