import { randomUUID } from 'node:crypto';
import { createMemoryStore } from './memory-store';
import { redisHandleOf, registerRedisHandle } from './redis/handle';
import { createRedisStore } from './redis-store';
import type { Store } from './types';

export { freePort } from './free-port';

/** A clock for the memory store that moves only when told to. */
export interface ManualClock {
  now: () => number;
  advance(ms: number): void;
}

export function createManualClock(start = Date.UTC(2025, 0, 1)): ManualClock {
  let at = start;
  return {
    now: () => at,
    advance(ms) {
      at += ms;
    },
  };
}

/** A prefix of its own for each test store, so that tests can share one Redis. */
export function randomTestPrefix(): string {
  return `test:${randomUUID()}:`;
}

/**
 * A store for tests: Redis when a URL is given (TEST_REDIS_URL), memory otherwise, under a random
 * prefix. On a Redis store, close() also deletes every key the test left under its prefix.
 */
export function createTestStore(
  opts: { redisUrl?: string; prefix?: string; now?: () => number } = {},
): Store {
  const prefix = opts.prefix ?? randomTestPrefix();
  if (!opts.redisUrl) return createMemoryStore({ prefix, now: opts.now });
  const store = createRedisStore({ url: opts.redisUrl, prefix });
  const handle = redisHandleOf(store);
  if (!handle) return store;
  const tidy: Store = {
    ...store,
    async close() {
      await deleteKeysWithPrefix(store, prefix).catch(() => undefined);
      await store.close();
    },
  };
  registerRedisHandle(tidy, handle);
  return tidy;
}

/** Deletes every key under `prefix` (SCAN, never KEYS, so a shared Redis is not stalled). */
export async function deleteKeysWithPrefix(store: Store, prefix: string): Promise<number> {
  const handle = redisHandleOf(store);
  if (!handle) return 0;
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await handle.client.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) deleted += await handle.client.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}
