import { randomBytes, randomInt } from 'node:crypto';

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
  transactionId: () => '1' + Array.from({ length: 17 }, () => randomInt(0, 10)).join(''),
  token: () => randomBytes(16).toString('hex'),
  eventId: () => `evt_${randomBytes(12).toString('hex')}`,
};
