export { type CreateStoreOptions, createStore } from './create-store';
export { LockBusyError, StoreUnavailableError } from './errors';
export { createMemoryStore, type MemoryStoreOptions } from './memory-store';
export {
  createRateLimiter,
  type RateLimiter,
  type RateLimitOutcome,
  type RateLimitRule,
} from './rate-limit';
export { createRedisStore, type RedisStoreOptions } from './redis-store';
export { traceRedisCommands } from './tracing';
export type {
  IncrOptions,
  Lock,
  SetOptions,
  Store,
  StoreCounter,
  StoreErrorReporter,
  Unsubscribe,
  WithLockOptions,
} from './types';
