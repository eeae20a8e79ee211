import { describe, expect, it } from 'vitest';
import { createMemoryStore, createStore } from '../src';
import { createManualClock } from '../src/testing';
import { describeStoreContract } from './support/contract';
import { memoryHarness } from './support/contract/harness';

describeStoreContract('memory store contract', memoryHarness());

describe('memory store', () => {
  it('is what createStore makes without a Redis URL', async () => {
    const store = createStore({ prefix: 'p:' });
    expect(store.kind).toBe('memory');
    await store.close();
  });

  it('follows the injected clock for expiry, to the millisecond', async () => {
    const clock = createManualClock();
    const store = createMemoryStore({ now: clock.now });
    await store.set('k', 'v', { ttlMs: 1000 });
    clock.advance(999);
    expect(await store.ttlMs('k')).toBe(1);
    expect(await store.get('k')).toBe('v');
    clock.advance(1);
    expect(await store.get('k')).toBeNull();
    await store.close();
  });

  it('reports a subscriber that throws', async () => {
    const errors: string[] = [];
    const store = createMemoryStore({ onError: (_error, context) => errors.push(context) });
    await store.subscribe('status', () => {
      throw new Error('broken');
    });
    await store.publish('status', 'm');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors).toEqual(['subscriber of channel "status"']);
    await store.close();
  });
});
