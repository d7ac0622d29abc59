import type { Delivery, EventQuery } from '../store/notify-records.js';
import type { Store, StoredEvent } from '../store/store.js';
import type { DeliveryQueue } from './delivery-queue.js';
import type { Outcome } from './webhook-endpoints.js';

/**
 * What /api/events shows and does: a merchant's events with every delivery and attempt, and
 * replays — one event to its webhook endpoints again, or every failed webhook delivery of a time
 * range (after an outage, once the endpoint works and is enabled again).
 */
export interface EventWithDeliveries {
  event: StoredEvent;
  deliveries: Delivery[];
}

export interface EventLogDeps {
  store: Store;
  deliveries: DeliveryQueue;
  /** Sends an event to the webhook endpoints that have no delivery of it yet (WebhookChannel.deliver). */
  sendToNewEndpoints: (event: StoredEvent) => Promise<void>;
}

/** Deliveries listed per event, and replayed per call, at most. */
const MAX_DELIVERIES = 1000;

export class EventLog {
  constructor(private readonly deps: EventLogDeps) {}

  async list(query: EventQuery): Promise<EventWithDeliveries[]> {
    const events = await this.deps.store.listEvents(query);
    return Promise.all(events.map((event) => this.#withDeliveries(event)));
  }

  async get(merchantId: string, eventId: string): Promise<Outcome<EventWithDeliveries>> {
    const event = await this.deps.store.getEvent(merchantId, eventId);
    return event ? { ok: true, value: await this.#withDeliveries(event) } : { ok: false, status: 404, message: `no event ${eventId}` };
  }

  /** Sends the event again to every enabled endpoint subscribed to it: a new series of attempts each. */
  async replayEvent(merchantId: string, eventId: string): Promise<Outcome<EventWithDeliveries>> {
    const { store, deliveries, sendToNewEndpoints } = this.deps;
    const event = await store.getEvent(merchantId, eventId);
    if (!event) return { ok: false, status: 404, message: `no event ${eventId}` };
    const existing = await store.listDeliveries({ merchantId, eventId, channel: 'webhook', limit: MAX_DELIVERIES });
    for (const delivery of existing) if (await this.#endpointEnabled(delivery)) await deliveries.restart(delivery.id);
    await sendToNewEndpoints(event);
    return { ok: true, value: await this.#withDeliveries(event) };
  }

  /** Replays the failed webhook deliveries of events that occurred in [from, to]; those to a disabled endpoint are skipped. */
  async replayFailed(merchantId: string, from: number, to: number): Promise<{ replayed: number; skipped: number }> {
    const { store, deliveries } = this.deps;
    const failed = await store.listDeliveries({ merchantId, channel: 'webhook', status: 'failed', from, to, limit: MAX_DELIVERIES });
    let replayed = 0;
    for (const delivery of failed) {
      if (!(await this.#endpointEnabled(delivery))) continue;
      await deliveries.restart(delivery.id);
      replayed++;
    }
    return { replayed, skipped: failed.length - replayed };
  }

  async #withDeliveries(event: StoredEvent): Promise<EventWithDeliveries> {
    return { event, deliveries: await this.deps.store.listDeliveries({ merchantId: event.merchantId, eventId: event.id, limit: MAX_DELIVERIES }) };
  }

  async #endpointEnabled(delivery: Delivery): Promise<boolean> {
    if (delivery.request.channel !== 'webhook') return false;
    const endpoint = await this.deps.store.getWebhookEndpoint(delivery.merchantId, delivery.request.endpointId);
    return endpoint?.status === 'enabled';
  }
}
