import { countRoundTrips, createRedisClient, StoreConnection } from './redis/connection';
import { registerRedisHandle } from './redis/handle';
import { SubscriberHub } from './redis/pubsub';
import { extendLock, hincrIfExists, hsetWithTtl, incrWithTtl, releaseLock } from './redis/scripts';
import { checkFields, checkIncrement, checkTtl, ignoreErrors, lockToken, runWithLock } from './shared';
import type { Lock, Store, StoreCounter, StoreErrorReporter } from './types';

export interface RedisStoreOptions {
  /** `redis://` or `rediss://` URL. */
  url: string;
  prefix?: string;
  /** How long a command waits for the first connection, and a connection attempt lasts (default 2000). */
  connectTimeoutMs?: number;
  /** How long a sent command may go unanswered before it fails (default 2000). */
  commandTimeoutMs?: number;
  onError?: StoreErrorReporter;
  /** Counts the round trips of this store's commands, the rate limiter's included (load tests only). */
  counter?: StoreCounter;
}

/**
 * The production store. Atomic steps are single Redis commands (GETDEL, SET NX PX) or Lua scripts;
 * pub/sub runs on one dedicated subscriber connection per store.
 */
export function createRedisStore(opts: RedisStoreOptions): Store {
  const prefix = opts.prefix ?? '';
  const report = opts.onError ?? ignoreErrors;
  const connectTimeoutMs = opts.connectTimeoutMs ?? 2000;
  const client = createRedisClient({
    url: opts.url,
    connectTimeoutMs,
    commandTimeoutMs: opts.commandTimeoutMs ?? 2000,
    report,
  });
  if (opts.counter) countRoundTrips(client, opts.counter);
  const connection = new StoreConnection(client, connectTimeoutMs);
  const run = connection.run.bind(connection);
  // The subscriber gets no error listener of its own from duplicate(); the hub attaches one.
  const hub = new SubscriberHub(() => client.duplicate(), connectTimeoutMs, report);

  async function acquireLock(key: string, ttlMs: number): Promise<Lock | null> {
    const fullKey = `${prefix}lock:${key}`;
    const px = checkTtl(ttlMs);
    const token = lockToken();
    const reply = await run((c) => c.set(fullKey, token, 'PX', px, 'NX'));
    if (reply !== 'OK') return null;
    return {
      key,
      async release() {
        await run((c) => releaseLock.run(c, [fullKey], [token]));
      },
      async extend(extendMs: number) {
        const reply = await run((c) => extendLock.run(c, [fullKey], [token, checkTtl(extendMs)]));
        return reply === 1;
      },
    };
  }

  const store: Store = {
    kind: 'redis',

    get: (key) => run((c) => c.get(prefix + key)),

    async set(key, value, setOpts = {}) {
      const px = setOpts.ttlMs === undefined ? undefined : checkTtl(setOpts.ttlMs);
      const fullKey = prefix + key;
      const reply = await run((c) => {
        if (px === undefined)
          return setOpts.onlyIfAbsent ? c.set(fullKey, value, 'NX') : c.set(fullKey, value);
        return setOpts.onlyIfAbsent ? c.set(fullKey, value, 'PX', px, 'NX') : c.set(fullKey, value, 'PX', px);
      });
      return reply === 'OK';
    },

    take: (key) => run((c) => c.getdel(prefix + key)),

    async del(key) {
      return (await run((c) => c.del(prefix + key))) > 0;
    },

    async incr(key, incrOpts = {}) {
      const by = checkIncrement(incrOpts.by ?? 1);
      const ttl = incrOpts.ttlMs === undefined ? 0 : checkTtl(incrOpts.ttlMs);
      return toInteger(await run((c) => incrWithTtl.run(c, [prefix + key], [by, ttl])));
    },

    async ttlMs(key) {
      const ms = await run((c) => c.pttl(prefix + key));
      return ms < 0 ? null : ms;
    },

    async hset(key, fields, hashOpts = {}) {
      const pairs = checkFields(fields).flat();
      const fullKey = prefix + key;
      if (hashOpts.ttlMs === undefined) {
        await run((c) => c.hset(fullKey, ...pairs));
        return;
      }
      const ttl = checkTtl(hashOpts.ttlMs);
      await run((c) => hsetWithTtl.run(c, [fullKey], [ttl, ...pairs]));
    },

    hget: (key, field) => run((c) => c.hget(prefix + key, field)),

    async hgetAll(key) {
      const fields = await run((c) => c.hgetall(prefix + key));
      return Object.keys(fields).length === 0 ? null : fields;
    },

    async hincr(key, field, hashOpts = {}) {
      const by = checkIncrement(hashOpts.by ?? 1);
      const reply = await run((c) => hincrIfExists.run(c, [prefix + key], [field, by]));
      return reply === null ? null : toInteger(reply);
    },

    acquireLock,

    withLock: (key, ttlMs, fn, lockOpts = {}) =>
      runWithLock(() => acquireLock(key, ttlMs), key, fn, lockOpts, report),

    async publish(channel, message) {
      await run((c) => c.publish(prefix + channel, message));
    },

    subscribe: (channel, onMessage) => hub.subscribe(prefix + channel, channel, onMessage),

    async ping() {
      await run((c) => c.ping());
    },

    async close() {
      await Promise.all([hub.close(), connection.close()]);
    },
  };
  registerRedisHandle(store, { client, prefix, whenReady: () => connection.whenReady() });
  return store;
}

function toInteger(reply: unknown): number {
  if (typeof reply === 'number') return reply;
  throw new TypeError(`Redis answered ${String(reply)} where an integer was expected`);
}
