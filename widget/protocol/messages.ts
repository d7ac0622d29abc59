/**
 * The `postMessage` payloads between <guichet-checkout>, its card-fields iframe and the 3-D Secure
 * page (docs/WIDGET-PROTOCOL.md). Every type starts with `guichet:`; none ever carries card digits.
 */
import type { PayAnswer } from './session.js';

/** Translation keys of the field errors, by field. */
export interface FieldErrors {
  number?: string;
  expiry?: string;
  cvx?: string;
  cardholder?: string;
}

/** What the iframe tells about its fields: never their values. */
export interface FieldsState {
  empty: boolean;
  complete: boolean;
  valid: boolean;
  /** The brand read from the number (VISA, AMEX…), or null. */
  brand: string | null;
  /** The networks the shopper can choose between for a co-badged card (['CB', 'VISA']), else []. */
  brands: string[];
  errors: FieldErrors;
  height: number;
}

/** Every message, by type. */
export interface MessageMap {
  'guichet:fields-ready': { height: number };
  'guichet:fields-state': FieldsState;
  /** `saveCard`: a new card pays and is saved into the session's wallet (buyer.walletId). */
  'guichet:submit': { saveCard?: boolean };
  'guichet:submit-request': Record<string, never>;
  'guichet:escape': Record<string, never>;
  'guichet:pay-result': PayAnswer;
  'guichet:set-locale': { locale: string };
  'guichet:set-theme': { vars: Record<string, string> };
  'guichet:3ds-complete': { token: string };
}
/** The type of a message (`guichet:…`). */
export type MessageType = keyof MessageMap;

/** A message as sent: its type and its payload's fields side by side. */
export type Message<T extends MessageType = MessageType> = T extends MessageType ? { type: T } & MessageMap[T] : never;

const TYPES: ReadonlySet<string> = new Set<MessageType>([
  'guichet:fields-ready',
  'guichet:fields-state',
  'guichet:submit',
  'guichet:submit-request',
  'guichet:escape',
  'guichet:pay-result',
  'guichet:set-locale',
  'guichet:set-theme',
  'guichet:3ds-complete',
]);

/** Whether `data` (from a message event) is one of ours: an object with a known `guichet:` type. */
export function isMessage(data: unknown): data is Message {
  return typeof data === 'object' && data !== null && TYPES.has((data as { type?: unknown }).type as string);
}

/** Whether `value` is a bare origin (`https://shop.example:8443`), as URLs and postMessage use it. */
export function isOrigin(value: string | null): value is string {
  if (value === null) return false;
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}
