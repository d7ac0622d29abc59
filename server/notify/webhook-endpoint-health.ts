import type { Clock } from '../core/clock.js';
import type { DeliveryAttempt, WebhookEndpoint } from '../store/notify-records.js';
import { retryOnConflict } from '../service/commit.js';
import type { IdSource } from '../service/ids.js';
import type { Store } from '../store/store.js';

/**
 * Keeps a webhook endpoint's health from its attempts: an answer of 410 Gone disables it at once;
 * failing without a single success for 5 days disables it too (Svix's rule, anchors.md §2.2).
 * Disabling commits a `webhook.endpoint.disabled` event with it, which the mail channel turns
 * into the merchant's email and the socket channel into a live event.
 */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 60 * 60 * 1000;

export interface EndpointHealthDeps {
  store: Store;
  clock: Clock;
  ids: IdSource;
}

/** Records one attempt; answers the endpoint's reason for being disabled, if this attempt disabled it. */
export async function recordEndpointAttempt(deps: EndpointHealthDeps, merchantId: string, endpointId: string, attempt: DeliveryAttempt): Promise<string | undefined> {
  const { store, clock, ids } = deps;
  return retryOnConflict<string | undefined>(async () => {
    const endpoint = await store.getWebhookEndpoint(merchantId, endpointId);
    if (!endpoint || endpoint.status !== 'enabled') return { retry: false, value: undefined };
    const now = clock.now();
    const change = nextHealth(endpoint, attempt, now);
    if (!change) return { retry: false, value: undefined };
    const next: WebhookEndpoint = { ...endpoint, ...change, version: endpoint.version + 1, updatedAt: now };
    if (attempt.ok) delete next.failingSince;
    const disabled = next.status === 'disabled';
    const committed = await store.commit({
      webhookEndpoints: [{ next, expectedVersion: endpoint.version }],
      ...(disabled
        ? {
            events: [
              {
                id: ids.eventId(),
                type: 'webhook.endpoint.disabled',
                merchantId,
                occurredAt: now,
                data: { endpointId, url: endpoint.url, reason: next.disabledReason!, reasonCode: attempt.status === 410 ? 'gone' : 'failing', ...(next.failingSince ? { failingSince: new Date(next.failingSince).toISOString() } : {}) },
              },
            ],
          }
        : {}),
    });
    if (!committed.ok) return { retry: true };
    return { retry: false, value: disabled ? next.disabledReason : undefined };
  });
}

/** What changes on the endpoint after an attempt; undefined when nothing does (the common case). */
function nextHealth(endpoint: WebhookEndpoint, attempt: DeliveryAttempt, now: number): Partial<WebhookEndpoint> | undefined {
  if (attempt.ok) return endpoint.failingSince === undefined ? undefined : {};
  if (attempt.status === 410) return { status: 'disabled', disabledReason: 'the endpoint answered 410 Gone' };
  const since = endpoint.failingSince ?? now;
  if (now - since >= DISABLE_AFTER_FAILING_MS) return { status: 'disabled', disabledReason: 'the endpoint failed every attempt for 5 days' };
  return endpoint.failingSince === undefined ? { failingSince: now } : undefined;
}
