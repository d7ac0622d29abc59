import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ManualClock } from '../../../server/core/clock.js';
import { createStore } from '../../../server/store/create-store.js';
import { MemoryStore } from '../../../server/store/memory/memory-store.js';
import { runStoreContract } from './store-contract.js';

runStoreContract('memory', (clock) => new MemoryStore({ clock }));

it('createStore picks the memory backend', () => {
  const store = createStore({ kind: 'memory', clock: new ManualClock(0) });
  assert.ok(store instanceof MemoryStore);
  assert.equal(store.name, 'memory');
});
