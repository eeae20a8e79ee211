import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockBusyError } from './errors';
import type { Lock, StoreErrorReporter, WithLockOptions } from './types';

/** Redis takes whole milliseconds and refuses zero; both stores validate the same way. */
export function checkTtl(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0)
    throw new RangeError(`ttlMs must be a positive number, got ${ttlMs}`);
  return Math.ceil(ttlMs);
}

/** INCRBY and HINCRBY take integers only; both stores refuse the same inputs. */
export function checkIncrement(by: number): number {
  if (!Number.isSafeInteger(by)) throw new RangeError(`increment must be an integer, got ${by}`);
  return by;
}

export function lockToken(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Shared by both stores so that waiting behaves the same. The wait is measured on the real clock:
 * the memory store's injectable clock governs expiry, and a test clock that stands still must not
 * turn a bounded wait into an endless one.
 */
export async function runWithLock<T>(
  acquire: () => Promise<Lock | null>,
  key: string,
  fn: () => Promise<T>,
  opts: WithLockOptions,
  report: StoreErrorReporter,
): Promise<T> {
  const waitMs = opts.waitMs ?? 0;
  const retryDelayMs = opts.retryDelayMs ?? 25;
  const deadline = performance.now() + waitMs;
  let lock = await acquire();
  while (lock === null) {
    const left = deadline - performance.now();
    if (left <= 0) throw new LockBusyError(key);
    await sleep(Math.min(left, retryDelayMs * (0.5 + Math.random())));
    lock = await acquire();
  }
  try {
    return await fn();
  } finally {
    // The work is done (or failed on its own); a release that fails leaves a lock that expires by
    // itself, which must not replace the outcome of the work.
    await lock.release().catch((error: unknown) => report(error, `releasing lock "${key}"`));
  }
}

/** Without a reporter (tests, scripts) such errors are dropped; the server passes its logger. */
export const ignoreErrors: StoreErrorReporter = () => undefined;

export function checkFields(fields: Record<string, string>): Array<[string, string]> {
  const entries = Object.entries(fields);
  if (entries.length === 0) throw new RangeError('hset needs at least one field');
  return entries;
}
