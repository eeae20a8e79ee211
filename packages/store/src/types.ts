/**
 * What server instances share: short-lived records (challenges, OAuth state, codes), counters,
 * revocation marks, locks and pub/sub. Keys and channels are namespaced by the store's prefix;
 * values are strings (callers JSON-encode).
 *
 * Every method of the Redis store rejects with `StoreUnavailableError` when Redis cannot be reached,
 * within a bounded time, so callers can answer "try again" instead of hanging.
 */
export interface Store {
  readonly kind: 'memory' | 'redis';

  get(key: string): Promise<string | null>;
  /**
   * Writes a value. Without `ttlMs` the key never expires (and loses any earlier expiry, as Redis SET
   * does). Returns false only when `onlyIfAbsent` is set and the key already exists.
   */
  set(key: string, value: string, opts?: SetOptions): Promise<boolean>;
  /** Atomic get-and-delete: of any number of concurrent callers, on any instance, one gets the value. */
  take(key: string): Promise<string | null>;
  /** Removes a key of any type; true when it existed, so a delete can also serve as a consume-once. */
  del(key: string): Promise<boolean>;
  /**
   * Adds `by` (default 1, an integer) and returns the new value. `ttlMs` applies only when this call
   * creates the counter: later increments never extend it, so the window is fixed.
   */
  incr(key: string, opts?: IncrOptions): Promise<number>;
  /** Milliseconds left before the key expires; null when it does not exist or never expires. */
  ttlMs(key: string): Promise<number | null>;

  /** Writes fields of a small hash. `ttlMs` sets the expiry of the whole hash; without it the expiry is kept. */
  hset(key: string, fields: Record<string, string>, opts?: { ttlMs?: number }): Promise<void>;
  hget(key: string, field: string): Promise<string | null>;
  /** All fields, or null when the hash does not exist. */
  hgetAll(key: string): Promise<Record<string, string> | null>;
  /**
   * Atomically adds `by` (default 1) to a numeric field and returns the new value, or null when the hash
   * does not exist: an expired or consumed email code is never brought back to life by a wrong guess.
   * For "at most 5 tries", count the try before comparing (`tries = await hincr(key, 'tries')`, refuse
   * when null or above 5, then compare, then `del(key)` on success, whose `true` makes it single-use):
   * concurrent guesses then get exactly five comparisons between them.
   */
  hincr(key: string, field: string, opts?: { by?: number }): Promise<number | null>;

  /** Tries once; null when another holder has the lock. The lock expires by itself after `ttlMs`. */
  acquireLock(key: string, ttlMs: number): Promise<Lock | null>;
  /**
   * Runs `fn` while holding the lock, retrying for up to `waitMs` (default 0: one try), and releases it
   * afterwards. Throws `LockBusyError` when the lock was not acquired in time. `ttlMs` must outlast `fn`.
   */
  withLock<T>(key: string, ttlMs: number, fn: () => Promise<T>, opts?: WithLockOptions): Promise<T>;

  publish(channel: string, message: string): Promise<void>;
  /**
   * Resolves once the subscription is active (a message published after that is delivered), with a
   * function that ends it. Messages are delivered in publish order per channel.
   */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<Unsubscribe>;

  /** Resolves when the store answers; rejects with `StoreUnavailableError` otherwise (used by /ready). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface SetOptions {
  ttlMs?: number;
  onlyIfAbsent?: boolean;
}

export interface IncrOptions {
  by?: number;
  ttlMs?: number;
}

export interface WithLockOptions {
  waitMs?: number;
  /** Pause between attempts while waiting (default 25 ms, with jitter so waiters do not march in step). */
  retryDelayMs?: number;
}

export interface Lock {
  readonly key: string;
  /** Deletes the lock only if this holder still owns it; a lock that expired and was taken over is left alone. */
  release(): Promise<void>;
  /** Resets the expiry to `ttlMs` from now; false when the lock was lost (expired, or taken by another holder). */
  extend(ttlMs: number): Promise<boolean>;
}

export type Unsubscribe = () => Promise<void>;

/** Reports errors nobody awaits: a subscriber callback that threw, a lost connection. */
export type StoreErrorReporter = (error: unknown, context: string) => void;

/** A running total a load test reads to say how many store round trips one request makes. */
export interface StoreCounter {
  /** Commands sent to Redis, a MULTI block counted once (its commands travel together). */
  roundTrips: number;
}
