import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A Lua script run by its SHA (EVALSHA), loaded by a plain EVAL the first time a server has not
 * seen it (after a restart or a SCRIPT FLUSH). Each script is one atomic step on the server.
 */
export class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(client: Redis, keys: string[], args: Array<string | number>): Promise<unknown> {
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      return client.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

/** INCRBY, and PEXPIRE only when this increment created the counter (ARGV[2] = 0: no expiry). */
export const incrWithTtl = new LuaScript(`
local created = redis.call('EXISTS', KEYS[1]) == 0
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if created and tonumber(ARGV[2]) > 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return value
`);

/** HINCRBY on an existing hash only; a missing hash answers nil instead of being created. */
export const hincrIfExists = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end
return redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
`);

/** HSET of field/value pairs from ARGV[2] on, then PEXPIRE the hash to ARGV[1]. */
export const hsetWithTtl = new LuaScript(`
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
`);

/** Deletes the lock only while it still holds this holder's token. */
export const releaseLock = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`);

/** Resets the lock's expiry only while it still holds this holder's token. */
export const extendLock = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`);
