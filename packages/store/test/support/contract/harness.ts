import { setTimeout as sleep } from 'node:timers/promises';
import { createMemoryStore, createRedisStore, type Store } from '../../../src';
import { createManualClock, createTestStore, randomTestPrefix } from '../../../src/testing';

/** One backend as the contract suite sees it. */
export interface StoreHarness {
  name: 'memory' | 'redis';
  /** A fresh store under a prefix of its own, or under `prefix`. */
  create(prefix?: string): Store;
  /**
   * The store another server instance would use next to `store`: over Redis a second connection with
   * the same prefix; in one process, the one store there is.
   */
  peer(store: Store, prefix: string): Store;
  /** Lets `ms` pass as far as expiry goes: a fake clock in memory, a real wait on Redis. */
  advance(ms: number): Promise<void>;
  /** Closes everything this harness opened. */
  closeAll(): Promise<void>;
}

export function memoryHarness(): StoreHarness {
  const clock = createManualClock();
  const opened: Store[] = [];
  return {
    name: 'memory',
    create(prefix = randomTestPrefix()) {
      const store = createMemoryStore({ prefix, now: clock.now });
      opened.push(store);
      return store;
    },
    peer: (store) => store,
    async advance(ms) {
      clock.advance(ms);
    },
    async closeAll() {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    },
  };
}

export function redisHarness(url: string): StoreHarness {
  const opened: Store[] = [];
  return {
    name: 'redis',
    create(prefix = randomTestPrefix()) {
      const store = createTestStore({ redisUrl: url, prefix });
      opened.push(store);
      return store;
    },
    peer(_store, prefix) {
      const store = createRedisStore({ url, prefix });
      opened.push(store);
      return store;
    },
    async advance(ms) {
      await sleep(ms);
    },
    async closeAll() {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    },
  };
}

/** Waits until `check` passes, for up to `ms`; deliveries over Redis arrive a moment later. */
export async function eventually(check: () => unknown, ms = 2000): Promise<void> {
  const deadline = performance.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await sleep(5);
    }
  }
}
