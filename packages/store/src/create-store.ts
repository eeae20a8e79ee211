import { createMemoryStore } from './memory-store';
import { createRedisStore } from './redis-store';
import type { Store, StoreErrorReporter } from './types';

export interface CreateStoreOptions {
  /** Absent: the in-process store (one process only). */
  redisUrl?: string;
  prefix?: string;
  onError?: StoreErrorReporter;
}

export function createStore(opts: CreateStoreOptions): Store {
  const common = { prefix: opts.prefix, onError: opts.onError };
  return opts.redisUrl ? createRedisStore({ url: opts.redisUrl, ...common }) : createMemoryStore(common);
}
