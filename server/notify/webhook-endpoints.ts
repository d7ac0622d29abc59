import type { Clock } from '../core/clock.js';
import { notificationUrlProblem } from '../core/notification-url.js';
import { retryOnConflict } from '../service/commit.js';
import type { WebhookEndpoint } from '../store/notify-records.js';
import type { Store } from '../store/store.js';
import { isEventType } from './event-types.js';
import { formatSecret, secretProblem } from './webhook-signature.js';

/**
 * A merchant's webhook endpoints, managed through /api/webhook-endpoints: create, change, enable
 * again, delete, rotate the secret. Input is checked here, so a bad URL or an unknown event type
 * is refused when configured, with the field and the reason.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 409; message: string };

export interface EndpointInput {
  url?: unknown;
  eventTypes?: unknown;
  description?: unknown;
  secret?: unknown;
  enabled?: unknown;
}

/** A rotated-out secret keeps signing this long by default, so receivers can switch without a gap. */
export const DEFAULT_ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;
export const MAX_ROTATION_GRACE_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_ENDPOINTS = 20;

const bad = (message: string): Outcome<never> => ({ ok: false, status: 400, message });
const notFound = (id: string): Outcome<never> => ({ ok: false, status: 404, message: `no webhook endpoint ${id}` });

export class WebhookEndpoints {
  constructor(private readonly deps: { store: Store; clock: Clock; randomBytes: (size: number) => Buffer }) {}

  async list(merchantId: string): Promise<WebhookEndpoint[]> {
    return (await this.deps.store.listWebhookEndpoints(merchantId)).filter((e) => e.status !== 'deleted');
  }

  async get(merchantId: string, id: string): Promise<Outcome<WebhookEndpoint>> {
    const endpoint = await this.deps.store.getWebhookEndpoint(merchantId, id);
    return endpoint && endpoint.status !== 'deleted' ? { ok: true, value: endpoint } : notFound(id);
  }

  async create(merchantId: string, input: EndpointInput): Promise<Outcome<WebhookEndpoint>> {
    const { store, clock, randomBytes } = this.deps;
    if (input.url === undefined) return bad('url is required');
    if (input.eventTypes === undefined) return bad('eventTypes is required');
    const checked = checkInput(input);
    if (!checked.ok) return checked;
    if ((await this.list(merchantId)).length >= MAX_ENDPOINTS) return { ok: false, status: 409, message: `a merchant has at most ${MAX_ENDPOINTS} webhook endpoints` };
    const now = clock.now();
    const endpoint: WebhookEndpoint = {
      id: `we_${randomBytes(8).toString('hex')}`,
      merchantId,
      version: 1,
      url: checked.value.url!,
      eventTypes: checked.value.eventTypes!,
      ...(checked.value.description ? { description: checked.value.description } : {}),
      secrets: [{ secret: checked.value.secret ?? formatSecret(randomBytes(32)), createdAt: now }],
      status: input.enabled === false ? 'disabled' : 'enabled',
      createdAt: now,
      updatedAt: now,
    };
    const committed = await store.commit({ webhookEndpoints: [{ next: endpoint, expectedVersion: null }] });
    if (!committed.ok) throw new Error(`could not create webhook endpoint ${endpoint.id}`);
    return { ok: true, value: endpoint };
  }

  /** Changes the fields given; `enabled: true` also forgets past failures. */
  update(merchantId: string, id: string, input: EndpointInput): Promise<Outcome<WebhookEndpoint>> {
    if (input.secret !== undefined) return Promise.resolve(bad('secret is changed by rotation: POST /api/webhook-endpoints/{id}/secret/rotate'));
    const checked = checkInput(input);
    if (!checked.ok) return Promise.resolve(checked);
    return this.#change(merchantId, id, (endpoint) => {
      const next: WebhookEndpoint = { ...endpoint, ...stripUndefined(checked.value) };
      if (input.enabled === true && endpoint.status === 'disabled') {
        next.status = 'enabled';
        delete next.disabledReason;
        delete next.failingSince;
      } else if (input.enabled === false) Object.assign(next, { status: 'disabled', disabledReason: 'disabled by the merchant' });
      return next;
    });
  }

  delete(merchantId: string, id: string): Promise<Outcome<WebhookEndpoint>> {
    return this.#change(merchantId, id, (endpoint) => ({ ...endpoint, status: 'deleted' }));
  }

  /** A new current secret (given or generated); the others keep signing for `graceMs`, then stop. */
  rotateSecret(merchantId: string, id: string, input: { secret?: unknown; graceSeconds?: unknown }): Promise<Outcome<WebhookEndpoint>> {
    if (input.secret !== undefined && (typeof input.secret !== 'string' || secretProblem(input.secret))) {
      return Promise.resolve(bad(`secret ${typeof input.secret === 'string' ? secretProblem(input.secret) : 'must be a string'}`));
    }
    const grace = input.graceSeconds === undefined ? DEFAULT_ROTATION_GRACE_MS : Number(input.graceSeconds) * 1000;
    if (!Number.isInteger(input.graceSeconds ?? 0) || grace < 0 || grace > MAX_ROTATION_GRACE_MS) {
      return Promise.resolve(bad(`graceSeconds must be a whole number from 0 to ${MAX_ROTATION_GRACE_MS / 1000}`));
    }
    return this.#change(merchantId, id, (endpoint, now) => {
      const secret = (input.secret as string | undefined) ?? formatSecret(this.deps.randomBytes(32));
      const kept = endpoint.secrets
        .map((s) => ({ ...s, expiresAt: Math.min(s.expiresAt ?? Infinity, now + grace) }))
        .filter((s) => s.expiresAt > now);
      return { ...endpoint, secrets: [{ secret, createdAt: now }, ...kept] };
    });
  }

  #change(merchantId: string, id: string, apply: (endpoint: WebhookEndpoint, now: number) => WebhookEndpoint): Promise<Outcome<WebhookEndpoint>> {
    const { store, clock } = this.deps;
    return retryOnConflict<Outcome<WebhookEndpoint>>(async () => {
      const endpoint = await store.getWebhookEndpoint(merchantId, id);
      if (!endpoint || endpoint.status === 'deleted') return { retry: false, value: notFound(id) };
      const now = clock.now();
      const next = { ...apply(endpoint, now), version: endpoint.version + 1, updatedAt: now };
      const committed = await store.commit({ webhookEndpoints: [{ next, expectedVersion: endpoint.version }] });
      return committed.ok ? { retry: false, value: { ok: true, value: next } } : { retry: true };
    });
  }
}

interface CheckedInput {
  url?: string;
  eventTypes?: string[];
  description?: string;
  secret?: string;
}

/** Checks the fields present; absent ones stay absent. */
function checkInput(input: EndpointInput): Outcome<CheckedInput> {
  const value: CheckedInput = {};
  if (input.url !== undefined) {
    if (typeof input.url !== 'string') return bad('url must be a string');
    const problem = notificationUrlProblem(input.url);
    if (problem) return bad(`url ${problem}`);
    value.url = input.url;
  }
  if (input.eventTypes !== undefined) {
    const types = input.eventTypes;
    if (!Array.isArray(types) || types.length === 0 || types.some((t) => typeof t !== 'string')) return bad('eventTypes must be a non-empty list of event types');
    const unknown = types.find((t) => !isEventType(t as string));
    if (unknown !== undefined) return bad(`eventTypes names unknown event type ${String(unknown).slice(0, 60)} (see GET /api/event-types)`);
    value.eventTypes = [...new Set(types as string[])];
  }
  if (input.description !== undefined) {
    if (typeof input.description !== 'string' || input.description.length > 200) return bad('description must be a string of at most 200 characters');
    value.description = input.description;
  }
  if (input.secret !== undefined) {
    const problem = typeof input.secret === 'string' ? secretProblem(input.secret) : 'must be a string';
    if (problem) return bad(`secret ${problem}`);
    value.secret = input.secret as string;
  }
  if (input.enabled !== undefined && typeof input.enabled !== 'boolean') return bad('enabled must be true or false');
  return { ok: true, value };
}

function stripUndefined(input: CheckedInput): Partial<WebhookEndpoint> {
  const { url, eventTypes, description } = input;
  return { ...(url ? { url } : {}), ...(eventTypes ? { eventTypes } : {}), ...(description !== undefined ? { description } : {}) };
}
