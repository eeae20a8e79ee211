/**
 * When a failed delivery is tried again (docs/product/webhooks.md): up to 15 retries after the first
 * attempt, each wait twice the last from 5 seconds, at most 6 hours: about 23 hours in all. After the
 * last retry fails the endpoint is disabled and operators are alerted.
 */
export const MAX_RETRIES = 15;
const FIRST_WAIT_SECONDS = 5;
const LONGEST_WAIT_SECONDS = 6 * 60 * 60;
/** Spread of the waits, so endpoints that failed together are not all retried in the same second. */
const JITTER = 0.1;

/**
 * Seconds to wait before retry number `retry` (1 for the first retry), or null when there is none
 * left. `random` (0 to 1) moves the wait by at most 10 % either way.
 */
export function retryDelaySeconds(retry: number, random: () => number = Math.random): number | null {
  if (!Number.isInteger(retry) || retry < 1) throw new RangeError('retries are counted from 1');
  if (retry > MAX_RETRIES) return null;
  const base = Math.min(FIRST_WAIT_SECONDS * 2 ** (retry - 1), LONGEST_WAIT_SECONDS);
  return Math.round(base * (1 + JITTER * (2 * random() - 1)));
}
