import assert from 'node:assert/strict';
import type { Receiver } from '../../notify/support/receiver.js';
import type { GatewayProcess } from './gateway-process.js';

/** Every event of the sandbox merchant, newest first, through the merchant API's pages. */
export async function listAllEvents(gateway: GatewayProcess): Promise<{ id: string; type: string; data: Record<string, unknown> }[]> {
  const events = [];
  let before: number | undefined;
  for (;;) {
    const page = await gateway.api('GET', `/api/events?limit=200${before !== undefined ? `&before=${before}` : ''}`);
    assert.equal(page.status, 200);
    events.push(...page.body.events);
    if (page.body.next === undefined) return events;
    before = page.body.next;
  }
}

/** Waits until the receiver has had a webhook for every one of these event ids (duplicates allowed); answers how many came twice or more. */
export async function awaitEveryWebhook(receiver: Receiver, eventIds: readonly string[], ms: number): Promise<{ duplicates: number }> {
  const deadline = Date.now() + ms;
  const wanted = new Set(eventIds);
  for (;;) {
    const got = new Map<string, number>();
    for (const request of receiver.received) {
      const id = request.headers['webhook-id']!;
      if (wanted.has(id)) got.set(id, (got.get(id) ?? 0) + 1);
    }
    if (got.size === wanted.size) return { duplicates: [...got.values()].filter((n) => n > 1).length };
    if (Date.now() > deadline) {
      const missing = eventIds.filter((id) => !got.has(id));
      assert.fail(`${missing.length} of ${eventIds.length} committed events never reached the receiver, such as ${missing.slice(0, 3).join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
