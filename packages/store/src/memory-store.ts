import { StoreUnavailableError } from './errors';
import { checkFields, checkIncrement, checkTtl, ignoreErrors, lockToken, runWithLock } from './shared';
import type { IncrOptions, Lock, SetOptions, Store, StoreErrorReporter, Unsubscribe } from './types';

export interface MemoryStoreOptions {
  prefix?: string;
  /** Milliseconds since the epoch; expiry follows this clock so tests can move time. */
  now?: () => number;
  onError?: StoreErrorReporter;
  /** How often expired keys nobody reads again are swept away (default one minute). */
  sweepIntervalMs?: number;
}

type Entry =
  | { kind: 'string'; value: string; expiresAt: number | null }
  | { kind: 'hash'; fields: Map<string, string>; expiresAt: number | null };

// The same texts Redis answers with, so callers and the contract suite see one behaviour.
const WRONG_TYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';
const NOT_AN_INTEGER = 'ERR value is not an integer or out of range';
const HASH_NOT_AN_INTEGER = 'ERR hash value is not an integer';

/**
 * The in-process store for development and the single-process default start. It follows the Redis
 * store's semantics (the contract suite runs against both) but is shared by nothing outside this process.
 */
export function createMemoryStore(opts: MemoryStoreOptions = {}): Store {
  const prefix = opts.prefix ?? '';
  const now = opts.now ?? Date.now;
  const report = opts.onError ?? ignoreErrors;
  const entries = new Map<string, Entry>();
  const channels = new Map<string, Set<(message: string) => void>>();
  let closed = false;

  const sweep = setInterval(() => {
    const at = now();
    for (const [key, entry] of entries) if (isExpired(entry, at)) entries.delete(key);
  }, opts.sweepIntervalMs ?? 60_000);
  sweep.unref();

  function open(): void {
    if (closed) throw new StoreUnavailableError('The store is closed');
  }

  /** The live entry under a full key, dropping it first when it has expired. */
  function live(fullKey: string): Entry | undefined {
    const entry = entries.get(fullKey);
    if (entry && isExpired(entry, now())) {
      entries.delete(fullKey);
      return undefined;
    }
    return entry;
  }

  function liveString(fullKey: string): Extract<Entry, { kind: 'string' }> | undefined {
    const entry = live(fullKey);
    if (entry && entry.kind !== 'string') throw new Error(WRONG_TYPE);
    return entry;
  }

  function liveHash(fullKey: string): Extract<Entry, { kind: 'hash' }> | undefined {
    const entry = live(fullKey);
    if (entry && entry.kind !== 'hash') throw new Error(WRONG_TYPE);
    return entry;
  }

  const expiryFrom = (ttlMs: number | undefined): number | null =>
    ttlMs === undefined ? null : now() + checkTtl(ttlMs);

  // Each method is async so that a thrown error becomes a rejection, as it is with Redis.
  async function acquireLock(key: string, ttlMs: number): Promise<Lock | null> {
    open();
    const fullKey = `${prefix}lock:${key}`;
    const expiresAt = expiryFrom(ttlMs);
    if (live(fullKey)) return null;
    const token = lockToken();
    entries.set(fullKey, { kind: 'string', value: token, expiresAt });
    const owned = () => {
      const entry = live(fullKey);
      return entry?.kind === 'string' && entry.value === token ? entry : undefined;
    };
    return {
      key,
      async release() {
        if (owned()) entries.delete(fullKey);
      },
      async extend(extendMs: number) {
        const expiresAtNext = expiryFrom(extendMs);
        const entry = owned();
        if (!entry) return false;
        entry.expiresAt = expiresAtNext;
        return true;
      },
    };
  }

  const store: Store = {
    kind: 'memory',

    async get(key) {
      open();
      return liveString(prefix + key)?.value ?? null;
    },

    async set(key, value, setOpts: SetOptions = {}) {
      open();
      const expiresAt = expiryFrom(setOpts.ttlMs);
      if (setOpts.onlyIfAbsent && live(prefix + key)) return false;
      entries.set(prefix + key, { kind: 'string', value, expiresAt });
      return true;
    },

    async take(key) {
      open();
      const entry = liveString(prefix + key);
      if (!entry) return null;
      entries.delete(prefix + key);
      return entry.value;
    },

    async del(key) {
      open();
      const existed = live(prefix + key) !== undefined;
      entries.delete(prefix + key);
      return existed;
    },

    async incr(key, incrOpts: IncrOptions = {}) {
      open();
      const by = checkIncrement(incrOpts.by ?? 1);
      const expiresAt = expiryFrom(incrOpts.ttlMs);
      const entry = liveString(prefix + key);
      if (!entry) {
        entries.set(prefix + key, { kind: 'string', value: String(by), expiresAt });
        return by;
      }
      const current = Number(entry.value);
      if (!/^-?\d+$/.test(entry.value) || !Number.isSafeInteger(current)) throw new Error(NOT_AN_INTEGER);
      entry.value = String(current + by);
      return current + by;
    },

    async ttlMs(key) {
      open();
      const entry = live(prefix + key);
      return entry?.expiresAt == null ? null : entry.expiresAt - now();
    },

    async hset(key, fields, hashOpts = {}) {
      open();
      const pairs = checkFields(fields);
      const ttlMs = hashOpts.ttlMs;
      const expiresAt = expiryFrom(ttlMs);
      const entry = liveHash(prefix + key) ?? { kind: 'hash', fields: new Map(), expiresAt: null };
      for (const [field, value] of pairs) entry.fields.set(field, value);
      if (ttlMs !== undefined) entry.expiresAt = expiresAt;
      entries.set(prefix + key, entry);
    },

    async hget(key, field) {
      open();
      return liveHash(prefix + key)?.fields.get(field) ?? null;
    },

    async hgetAll(key) {
      open();
      const entry = liveHash(prefix + key);
      return entry ? Object.fromEntries(entry.fields) : null;
    },

    async hincr(key, field, hashOpts = {}) {
      open();
      const by = checkIncrement(hashOpts.by ?? 1);
      const entry = liveHash(prefix + key);
      if (!entry) return null;
      const raw = entry.fields.get(field) ?? '0';
      const current = Number(raw);
      if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(current)) throw new Error(HASH_NOT_AN_INTEGER);
      entry.fields.set(field, String(current + by));
      return current + by;
    },

    acquireLock,

    async withLock(key, ttlMs, fn, lockOpts = {}) {
      open();
      return runWithLock(() => acquireLock(key, ttlMs), key, fn, lockOpts, report);
    },

    async publish(channel, message) {
      open();
      const handlers = [...(channels.get(prefix + channel) ?? [])];
      // Delivered after the publisher's turn, as over Redis, so a publisher is never re-entered.
      queueMicrotask(() => {
        for (const handler of handlers) {
          try {
            handler(message);
          } catch (error) {
            report(error, `subscriber of channel "${channel}"`);
          }
        }
      });
    },

    async subscribe(channel, onMessage): Promise<Unsubscribe> {
      open();
      const handlers = channels.get(prefix + channel) ?? new Set();
      channels.set(prefix + channel, handlers);
      // A wrapper makes each subscription distinct even when one callback is subscribed twice.
      const handler = (message: string) => onMessage(message);
      handlers.add(handler);
      return async () => {
        handlers.delete(handler);
        if (handlers.size === 0 && channels.get(prefix + channel) === handlers)
          channels.delete(prefix + channel);
      };
    },

    async ping() {
      open();
    },

    async close() {
      closed = true;
      clearInterval(sweep);
      entries.clear();
      channels.clear();
    },
  };
  return store;
}

function isExpired(entry: Entry, at: number): boolean {
  return entry.expiresAt !== null && entry.expiresAt <= at;
}
