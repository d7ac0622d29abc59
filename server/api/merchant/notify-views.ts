import type { Delivery, DeliveryAttempt, WebhookEndpoint } from '../../store/notify-records.js';
import type { EventWithDeliveries } from '../../notify/event-log.js';

/**
 * The merchant API's JSON shapes of the hub's records: times as ISO 8601, secrets only where
 * asked for, a delivery's destination in one field whatever its channel.
 */
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export function endpointView(endpoint: WebhookEndpoint, withSecret = false) {
  return {
    id: endpoint.id,
    url: endpoint.url,
    eventTypes: endpoint.eventTypes,
    description: endpoint.description,
    enabled: endpoint.status === 'enabled',
    disabledReason: endpoint.disabledReason,
    failingSince: iso(endpoint.failingSince),
    createdAt: iso(endpoint.createdAt),
    updatedAt: iso(endpoint.updatedAt),
    ...(withSecret ? secretView(endpoint) : {}),
  };
}

/** The current secret, and those still signing during a rotation. */
export function secretView(endpoint: WebhookEndpoint) {
  const [current, ...previous] = endpoint.secrets;
  return { secret: current?.secret, previousSecrets: previous.map((s) => ({ secret: s.secret, expiresAt: iso(s.expiresAt) })) };
}

function attemptView(attempt: DeliveryAttempt) {
  return { at: iso(attempt.at), ok: attempt.ok, status: attempt.status, latencyMs: attempt.latencyMs, error: attempt.error, responseExcerpt: attempt.responseExcerpt };
}

export function deliveryView(delivery: Delivery) {
  const { request } = delivery;
  const destination = request.channel === 'webhook' ? request.endpointId : request.channel === 'mail' ? request.to : request.url;
  return {
    id: delivery.id,
    channel: request.channel,
    destination,
    ...(request.channel === 'payline-notification' ? { notificationType: request.notificationType } : {}),
    ...(request.channel === 'mail' ? { template: request.template, language: request.language } : {}),
    status: delivery.status,
    failureReason: delivery.failureReason,
    nextAttemptAt: iso(delivery.nextAttemptAt),
    attempts: delivery.attempts.map(attemptView),
  };
}

export function eventView({ event, deliveries }: EventWithDeliveries) {
  return { id: event.id, type: event.type, occurredAt: iso(event.occurredAt), data: event.data, deliveries: deliveries.map(deliveryView) };
}
