import { randomBytesFromPool as randomBytes } from '../crypto/random-pool.js';

/** Where new identifiers come from: injected, so tests can predict them. */
export interface IdSource {
  /** A Payline transaction id: 18 digits starting with 1, so it can never look like a card number. */
  transactionId(): string;
  /** A web-payment token: 32 hex characters (128 random bits). */
  token(): string;
  /** An outbox event id: `evt_` and 24 hex characters. */
  eventId(): string;
}

/** Ids from the system's CSPRNG. */
export const randomIds: IdSource = {
  // 64 random bits reduced to 17 digits: the bias of the modulo (2^64 vs 10^17) is under 0.6 %.
  transactionId: () => '1' + (randomBytes(8).readBigUInt64BE() % 100_000_000_000_000_000n).toString().padStart(17, '0'),
  token: () => randomBytes(16).toString('hex'),
  eventId: () => `evt_${randomBytes(12).toString('hex')}`,
};
