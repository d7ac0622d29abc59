import type { JsonValue } from '../core/payment.js';

/**
 * The notification hub's durable records, kept by the Store beside payments and sessions:
 * webhook endpoints, deliveries (one per event and destination, with every attempt) and Payline
 * stop marks. Plain, JSON-serialisable data; written through `Store.commit` like the rest.
 */

/** A webhook signing secret (Standard Webhooks `whsec_…`); an old one signs until `expiresAt`. */
export interface WebhookSecret {
  secret: string;
  createdAt: number;
  /** ms; absent while it is the current secret. */
  expiresAt?: number;
}

export const EndpointStatus = {
  ENABLED: 'enabled',
  /** By the merchant, by a 410 answer, or after failing for 5 days. */
  DISABLED: 'disabled',
  DELETED: 'deleted',
} as const;
export type EndpointStatus = (typeof EndpointStatus)[keyof typeof EndpointStatus];

/** Where a merchant wants signed webhooks, for which event types. */
export interface WebhookEndpoint {
  id: string;
  merchantId: string;
  version: number;
  url: string;
  eventTypes: string[];
  description?: string;
  /** Newest first: the first signs alone once the others have expired. */
  secrets: WebhookSecret[];
  status: EndpointStatus;
  disabledReason?: string;
  /** ms: the first failed attempt since the last success; 5 days of this disables the endpoint. */
  failingSince?: number;
  createdAt: number;
  updatedAt: number;
}

export const DeliveryStatus = {
  PENDING: 'pending',
  DELIVERED: 'delivered',
  /** Gave up: schedule exhausted, endpoint disabled or deleted. Replayable. */
  FAILED: 'failed',
  /** Payline's stop rule: the merchant fetched the details (payline-api.md §7.4). */
  STOPPED: 'stopped',
} as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];

/** What a delivery sends; one shape per durable channel. */
export type DeliveryRequest =
  | { channel: 'webhook'; endpointId: string; body: string }
  /** `subject` names what the merchant fetches to stop it (see NotificationStop). */
  | { channel: 'payline-notification'; url: string; notificationType: string; subject: string }
  | { channel: 'mail'; template: string; language: string; from: string; to: string; context: { [key: string]: JsonValue } };
export type DeliveryChannel = DeliveryRequest['channel'];

/** One try: when, how long, what came back. */
export interface DeliveryAttempt {
  at: number;
  latencyMs: number;
  /** HTTP status (or SMTP reply code); absent when nothing answered. */
  status?: number;
  ok: boolean;
  /** Why it failed: timeout, connection refused, template error… */
  error?: string;
  /** The first bytes of the answer. */
  responseExcerpt?: string;
}

/** One event on its way to one destination, with its attempts (never more than one series at a time). */
export interface Delivery {
  /** `${eventId}:${channel}:${destination}`: one per event and destination. */
  id: string;
  version: number;
  merchantId: string;
  eventId: string;
  eventType: string;
  /** The event's time (ms): the delivery lists and replay ranges use it. */
  occurredAt: number;
  request: DeliveryRequest;
  status: DeliveryStatus;
  failureReason?: string;
  attempts: DeliveryAttempt[];
  /** Index in `attempts` where the current series (first send, or the last replay) began. */
  seriesStart: number;
  nextAttemptAt?: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * Payline's stop rule: once the merchant fetched the details of `subject` (a token, a transaction),
 * pending server notifications about it stop. Kept until `expiresAt` (ms).
 */
export interface NotificationStop {
  merchantId: string;
  subject: string;
  expiresAt: number;
}

/** Outbox events of a merchant, newest first; bounds are on occurredAt (ms, inclusive). */
export interface EventQuery {
  merchantId: string;
  from?: number;
  to?: number;
  type?: string;
  /** Only events strictly older than this seq (paging). */
  beforeSeq?: number;
  limit: number;
}

/** Deliveries of a merchant, oldest event first; bounds are on occurredAt (ms, inclusive). */
export interface DeliveryQuery {
  merchantId: string;
  eventId?: string;
  channel?: DeliveryChannel;
  status?: DeliveryStatus;
  from?: number;
  to?: number;
  limit: number;
}

/** How `claimEvents` hands out events. */
export interface ClaimOptions {
  limit: number;
  /** A claimed event not acknowledged within this (ms) is handed out again. */
  leaseMs: number;
  /** When nothing is ready, wait this long (ms) for a commit before answering empty. */
  waitMs?: number;
  /** Ends the wait early (shutdown). */
  signal?: AbortSignal;
}
