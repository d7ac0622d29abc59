/**
 * The simulated ACS's decisions, pure and deterministic: a card → its enrolment, a card and the
 * shopper's answer → the verdict, an authentication id → its ECI and CAVV. The cards are the
 * 3-D Secure column of test-cards.ts (docs/test-cards.md); any other card is frictionless.
 */
import { createHash } from 'node:crypto';
import { brandOfPan } from '../../../core/card-brand.js';
import { findTestCard, ThreeDSecureBehaviour } from '../test-cards.js';

/** What the shopper did on the challenge page. */
export const ChallengeAnswer = {
  AUTHENTICATE: 'authenticate',
  CANCEL: 'cancel',
} as const;
export type ChallengeAnswer = (typeof ChallengeAnswer)[keyof typeof ChallengeAnswer];

/** The ACS's first answer: VeResStatus, then Y (frictionless) or C (challenge) for an enrolled card. */
export type Enrollment = { enrolled: 'N' } | { enrolled: 'Y'; status: 'Y' | 'C' };

export function behaviourOf(pan: string): ThreeDSecureBehaviour {
  return findTestCard(pan)?.threeDSecure ?? ThreeDSecureBehaviour.FRICTIONLESS;
}

const ENROLLMENT: Record<ThreeDSecureBehaviour, Enrollment> = {
  frictionless: { enrolled: 'Y', status: 'Y' },
  'challenge-pass': { enrolled: 'Y', status: 'C' },
  'challenge-fail': { enrolled: 'Y', status: 'C' },
  'not-enrolled': { enrolled: 'N' },
};

export function enrollmentOf(pan: string): Enrollment {
  return ENROLLMENT[behaviourOf(pan)];
}

/**
 * The verdict on a challenge: a challenge-pass card passes when the shopper authenticates, every
 * other card fails; a cancelled challenge always fails (EMV 3DS: transStatus N).
 */
export function challengeVerdict(pan: string, answer: ChallengeAnswer): 'Y' | 'N' {
  return answer === ChallengeAnswer.AUTHENTICATE && behaviourOf(pan) === ThreeDSecureBehaviour.CHALLENGE_PASS ? 'Y' : 'N';
}

/** ECI per scheme and verdict: Mastercard 02 / 00, the others (Visa, CB, Amex…) 05 / 07. */
export function eciOf(pan: string, status: 'Y' | 'N'): string {
  const mastercard = brandOfPan(pan) === 'MASTERCARD';
  if (status === 'Y') return mastercard ? '02' : '05';
  return mastercard ? '00' : '07';
}

/** A CAVV derived from the authentication id: 20 bytes, base64, as the schemes send it. */
export function cavvOf(authenticationId: string): string {
  return createHash('sha1').update(`guichet simulated cavv ${authenticationId}`).digest('base64');
}
