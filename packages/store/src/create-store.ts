import { createMemoryStore } from './memory-store';
import { createRedisStore } from './redis-store';
import type { Store, StoreCounter, StoreErrorReporter } from './types';

export interface CreateStoreOptions {
  /** Absent: the in-process store (one process only). */
  redisUrl?: string;
  prefix?: string;
  onError?: StoreErrorReporter;
  /** Counts Redis round trips into this object (load tests only; the in-process store makes none). */
  counter?: StoreCounter;
}

export function createStore(opts: CreateStoreOptions): Store {
  const common = { prefix: opts.prefix, onError: opts.onError };
  return opts.redisUrl
    ? createRedisStore({ url: opts.redisUrl, counter: opts.counter, ...common })
    : createMemoryStore(common);
}
