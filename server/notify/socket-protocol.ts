/**
 * The live-events protocol on socket.io, in one typed place: room names, event names and
 * payloads, handshake credentials. Dependency-free, so the widget (and any TypeScript client)
 * can import it as it is. docs/NOTIFICATIONS.md "Live events" describes it for other clients.
 */

/** The socket.io path on the gateway's origin (socket.io's default). */
export const SOCKET_PATH = '/socket.io';

/** A room per payment token (the widget) and a room per merchant (dashboards, servers). */
export const socketRooms = {
  payment: (token: string) => `payment:${token}`,
  merchant: (merchantId: string) => `merchant:${merchantId}`,
} as const;

/** Names of the events the server emits. */
export const SocketEvent = {
  /** An outbox event: every event of the merchant in its room; the token's own events in a payment room. */
  EVENT: 'event',
  /** Where a web payment session stands: on joining a payment room, and after each of its events. */
  SESSION_STATE: 'session-state',
} as const;
export type SocketEvent = (typeof SocketEvent)[keyof typeof SocketEvent];

/** An event as it goes live: the outbox event, card data never in it. */
export interface LiveEvent {
  id: string;
  type: string;
  /** ISO 8601. */
  occurredAt: string;
  data: Record<string, unknown>;
}

/** Session states, as getWebPaymentDetails and the widget endpoints name them. */
export type LiveSessionStatus = 'WAITING' | 'PROCESSING' | 'AUTHENTICATING' | 'ACCEPTED' | 'REFUSED' | 'CANCELLED' | 'EXPIRED';

export interface SessionState {
  token: string;
  state: LiveSessionStatus;
  /** Payline result code of the session: 02306 in progress, 00000, 01xxx, 02319, 02324… */
  code: string;
  attempts: number;
  attemptsLeft: number;
  /** ISO 8601. */
  expiresAt: string;
  /** The transaction of the last attempt, if any. */
  transactionId?: string;
  /** ACCEPTED: what the payment ticket shows (Payline's objects, the card masked), so no read is needed. */
  ticket?: SessionTicket;
}

/** The facts of an accepted payment's ticket, as `GET /widget/sessions/{token}` gives them. */
export interface SessionTicket {
  /** `date`: `dd/mm/yyyy HH:mm:ss`. */
  transaction: { id: string; date: string };
  authorization?: { number: string; date?: string };
  card: { number: string; type?: string };
}

export interface ServerToClientEvents {
  event: (event: LiveEvent) => void;
  'session-state': (state: SessionState) => void;
}

/** Clients only listen. */
export type ClientToServerEvents = Record<string, never>;

/**
 * Handshake credentials (socket.io's `auth` option), one of: the widget's payment token; a
 * merchant server's id and access key; a browser's short-lived merchant token from
 * `POST /api/socket-tokens`. Anything else is refused with the error message `unauthorized`.
 */
export type SocketAuth = { token: string } | { merchantId: string; accessKey: string } | { merchantToken: string };

/** The refusal every bad handshake gets, whatever was wrong. */
export const UNAUTHORIZED = 'unauthorized';
