import type { Clock } from '../core/clock.js';
import type { IdSource } from '../service/ids.js';
import type { Delivery, WebhookEndpoint } from '../store/notify-records.js';
import type { Store, StoredEvent } from '../store/store.js';
import type { AttemptOutcome, DeliveryHandler, DeliveryQueue } from './delivery-queue.js';
import { loadEventSubject } from './event-subject.js';
import { httpAttempt } from './http-attempt.js';
import type { Channel } from './outbox.js';
import { WEBHOOK_SCHEDULE } from './retry-schedule.js';
import { recordEndpointAttempt } from './webhook-endpoint-health.js';
import { webhookBody } from './webhook-payload.js';
import { signingSecrets, webhookHeaders } from './webhook-signature.js';

/**
 * Signed webhooks (Standard Webhooks): each event goes to every enabled endpoint of its merchant
 * that subscribed to its type, as a POST of `{ id, type, timestamp, data }` signed with the
 * endpoint's live secrets. Any 2xx within the timeout is success; anything else is retried on
 * WEBHOOK_SCHEDULE, Retry-After honoured; 410 disables the endpoint, and so do 5 days of failures.
 */
export interface WebhookChannelOptions {
  store: Store;
  clock: Clock;
  ids: IdSource;
  deliveries: DeliveryQueue;
  timeZone: string;
  /** Per attempt (ms); Standard Webhooks says 15–30 s. */
  timeoutMs: number;
}

export class WebhookChannel implements Channel, DeliveryHandler {
  readonly name = 'webhook';
  readonly schedule = WEBHOOK_SCHEDULE;
  /** Endpoint lists asked for in the current synchronous run, by merchant (see #endpointsOf). */
  readonly #reading = new Map<string, Promise<WebhookEndpoint[]>>();

  constructor(private readonly options: WebhookChannelOptions) {}

  async deliver(event: StoredEvent): Promise<void> {
    const { store, clock, deliveries, timeZone } = this.options;
    // A disabled endpoint gets its delivery recorded as failed, so a replay can send it later.
    const endpoints = (await this.#endpointsOf(event.merchantId)).filter(
      (endpoint) => endpoint.status !== 'deleted' && endpoint.eventTypes.includes(event.type),
    );
    if (endpoints.length === 0) return;
    const body = JSON.stringify(webhookBody(event, await loadEventSubject(store, event), timeZone));
    const now = clock.now();
    await deliveries.start(
      endpoints.map(
        (endpoint): Delivery => ({
          id: `${event.id}:webhook:${endpoint.id}`,
          version: 1,
          merchantId: event.merchantId,
          eventId: event.id,
          eventType: event.type,
          occurredAt: event.occurredAt,
          request: { channel: 'webhook', endpointId: endpoint.id, body },
          ...(endpoint.status === 'enabled'
            ? { status: 'pending', nextAttemptAt: now }
            : { status: 'failed', failureReason: `the endpoint is disabled: ${endpoint.disabledReason ?? 'by the merchant'}` }),
          attempts: [],
          seriesStart: 0,
          createdAt: now,
          updatedAt: now,
        }),
      ),
    );
  }

  /**
   * The merchant's endpoints, read from the store. The outbox hands a claimed batch over in one
   * synchronous run, so its events share one read, made at the moment each of them would have
   * made its own; a read asked for later (the next batch, a replay to a new endpoint) is a new one.
   */
  #endpointsOf(merchantId: string): Promise<WebhookEndpoint[]> {
    let reading = this.#reading.get(merchantId);
    if (!reading) {
      reading = this.options.store.listWebhookEndpoints(merchantId);
      this.#reading.set(merchantId, reading);
      queueMicrotask(() => this.#reading.delete(merchantId));
    }
    return reading;
  }

  async attempt(delivery: Delivery, signal: AbortSignal): Promise<AttemptOutcome> {
    const { store, clock, timeoutMs } = this.options;
    if (delivery.request.channel !== 'webhook') throw new TypeError(`not a webhook delivery: ${delivery.id}`);
    const { endpointId, body } = delivery.request;
    const endpoint = await store.getWebhookEndpoint(delivery.merchantId, endpointId);
    if (!endpoint || endpoint.status === 'deleted') return { next: 'fail', reason: 'the endpoint was deleted' };
    if (endpoint.status === 'disabled') return { next: 'fail', reason: `the endpoint is disabled: ${endpoint.disabledReason ?? 'by the merchant'}` };
    const now = clock.now();
    const headers = { 'content-type': 'application/json', ...webhookHeaders(signingSecrets(endpoint.secrets, now), delivery.eventId, now, body) };
    const { attempt, retryAfterMs } = await httpAttempt({ method: 'POST', url: endpoint.url, headers, body, timeoutMs, now, signal });
    if (signal.aborted) return { attempt, next: 'retry' };
    const disabledBecause = await recordEndpointAttempt(this.options, delivery.merchantId, endpointId, attempt);
    if (attempt.ok) return { attempt, next: 'delivered' };
    if (disabledBecause) return { attempt, next: 'fail', reason: `the endpoint was disabled: ${disabledBecause}` };
    return { attempt, next: 'retry', ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
}
