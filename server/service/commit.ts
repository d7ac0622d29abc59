import type { OutboxEvent } from '../store/store.js';
import type { EventDraft } from '../core/transaction-state.js';
import type { ServiceDeps } from './deps.js';

/** Stamps the core's event drafts with ids, the merchant and the time, ready for the outbox. */
export function stampEvents(deps: ServiceDeps, merchantId: string, drafts: readonly EventDraft[], now: number): OutboxEvent[] {
  return drafts.map((draft) => ({ id: deps.ids.eventId(), type: draft.type, merchantId, occurredAt: now, data: draft.data }));
}

/** How many times a read–decide–commit loop retries when another request moved the record first. */
export const MAX_COMMIT_ATTEMPTS = 1000;

/**
 * Runs `attempt` until it commits or decides without writing. Optimistic concurrency: a version
 * conflict means someone else changed the record between our read and our write, so we read and
 * decide again; the state machine's limits are thus checked against committed state only.
 */
export async function retryOnConflict<T>(attempt: () => Promise<{ retry: true } | { retry: false; value: T }>): Promise<T> {
  for (let i = 0; i < MAX_COMMIT_ATTEMPTS; i++) {
    const outcome = await attempt();
    if (!outcome.retry) return outcome.value;
    if (i % 8 === 7) await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`gave up after ${MAX_COMMIT_ATTEMPTS} conflicting commits`);
}
