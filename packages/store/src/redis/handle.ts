import type { Redis } from 'ioredis';
import type { Store } from '../types';

/** What code inside this package (the rate limiter, test clean-up) needs from a Redis store. */
export interface RedisHandle {
  client: Redis;
  prefix: string;
  /** See `StoreConnection.whenReady`. */
  whenReady: () => Promise<void>;
}

// Kept off the Store interface so that no caller of the store ever sees ioredis.
const handles = new WeakMap<Store, RedisHandle>();

export function registerRedisHandle(store: Store, handle: RedisHandle): void {
  handles.set(store, handle);
}

export function redisHandleOf(store: Store): RedisHandle | undefined {
  return handles.get(store);
}
