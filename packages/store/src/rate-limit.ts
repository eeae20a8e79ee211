import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { StoreUnavailableError } from './errors';
import { type RedisHandle, redisHandleOf } from './redis/handle';
import type { Store } from './types';

export interface RateLimitRule {
  /** Names the counter; one name, one set of settings. */
  name: string;
  points: number;
  durationSeconds: number;
  /** Once the points are spent, refuse for this long instead of until the window ends. */
  blockSeconds?: number;
}

export type RateLimitOutcome =
  | { allowed: true; remaining: number }
  | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Spends `cost` points (default 1) of `rule` for `key` (an IP, a user, a code's target). */
  consume(rule: RateLimitRule, key: string, cost?: number): Promise<RateLimitOutcome>;
}

/** Resolves with the points left, rejects with a `RateLimiterRes` when refused. */
type Consume = (key: string, cost: number) => Promise<RateLimiterRes>;

/**
 * Rate limits through rate-limiter-flexible on the store's backend: in memory for the memory store,
 * and on the Redis store's own connection otherwise, shared by every instance. A Redis limiter is
 * insured by an in-memory one with the same rule, so while Redis is down each instance limits on its
 * own instead of refusing everyone or letting everyone through.
 */
export function createRateLimiter(store: Store): RateLimiter {
  const limiters = new Map<string, { rule: RateLimitRule; consume: Consume }>();
  const build = limiterFactory(store);

  function limiterFor(rule: RateLimitRule): Consume {
    const known = limiters.get(rule.name);
    if (known) {
      if (!sameSettings(known.rule, rule)) {
        throw new Error(`Rate limit rule "${rule.name}" is used with two different settings`);
      }
      return known.consume;
    }
    const consume = build(rule);
    limiters.set(rule.name, { rule: { ...rule }, consume });
    return consume;
  }

  return {
    async consume(rule, key, cost = 1) {
      if (!Number.isSafeInteger(cost) || cost < 1)
        throw new RangeError(`cost must be a positive integer, got ${cost}`);
      const consume = limiterFor(rule);
      try {
        const res = await consume(key, cost);
        return { allowed: true, remaining: res.remainingPoints };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        throw new StoreUnavailableError('Rate limiting is unavailable', { cause: rejection });
      }
    },
  };
}

function memoryLimiter(rule: RateLimitRule): RateLimiterMemory {
  return new RateLimiterMemory({
    keyPrefix: `rl:${rule.name}`,
    points: rule.points,
    duration: rule.durationSeconds,
    blockDuration: rule.blockSeconds ?? 0,
  });
}

function limiterFactory(store: Store): (rule: RateLimitRule) => Consume {
  if (store.kind === 'memory') {
    return (rule) => {
      const limiter = memoryLimiter(rule);
      return (key, cost) => limiter.consume(key, cost);
    };
  }
  const handle = redisHandleOf(store);
  if (!handle)
    throw new Error('createRateLimiter needs a store made by createRedisStore or createMemoryStore');
  return (rule) => redisLimiter(handle, rule);
}

function redisLimiter(handle: RedisHandle, rule: RateLimitRule): Consume {
  const limiter = new RateLimiterRedis({
    storeClient: handle.client,
    keyPrefix: `${handle.prefix}rl:${rule.name}`,
    points: rule.points,
    duration: rule.durationSeconds,
    blockDuration: rule.blockSeconds ?? 0,
    // Straight to the insurance while disconnected, rather than waiting for a command to fail.
    rejectIfRedisNotReady: true,
    insuranceLimiter: memoryLimiter(rule),
  });
  return async (key, cost) => {
    // While the store is still making its first connection, wait for it as its commands do: the
    // first requests after a start must count in Redis, not in this instance's insurance.
    await handle.whenReady().catch(() => undefined);
    return limiter.consume(key, cost);
  };
}

function sameSettings(a: RateLimitRule, b: RateLimitRule): boolean {
  return (
    a.points === b.points &&
    a.durationSeconds === b.durationSeconds &&
    (a.blockSeconds ?? 0) === (b.blockSeconds ?? 0)
  );
}
