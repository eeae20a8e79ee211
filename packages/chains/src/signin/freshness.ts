import { DEFAULT_CLOCK_SKEW_SECONDS, fail, type SignInFailure } from './result';

/** The times a signed message carries. */
export interface MessageTimes {
  issuedAt: Date;
  expirationTime?: Date | undefined;
  notBefore?: Date | undefined;
}

/** The verifier's side of the window: every chain's `expected` carries these. */
export interface FreshnessPolicy {
  now: Date;
  maxAgeSeconds: number;
  /** Defaults to DEFAULT_CLOCK_SKEW_SECONDS. */
  clockSkewSeconds?: number | undefined;
}

/**
 * The time window every sign-in shares: issued not later than now (plus skew), not older than the
 * challenge lifetime, not expired, and not before its not-before time. Null when the window holds.
 */
export function checkFreshness(times: MessageTimes, policy: FreshnessPolicy): SignInFailure | null {
  const { issuedAt, expirationTime, notBefore } = times;
  const { now, maxAgeSeconds, clockSkewSeconds = DEFAULT_CLOCK_SKEW_SECONDS } = policy;
  for (const date of [issuedAt, expirationTime, notBefore]) {
    if (date !== undefined && Number.isNaN(date.getTime())) {
      return fail(
        'malformed',
        'The message carries a time that is not a valid date; request a new sign-in message.',
      );
    }
  }
  const nowMs = now.getTime();
  const skewMs = clockSkewSeconds * 1000;
  if (issuedAt.getTime() > nowMs + skewMs) {
    return fail(
      'not_yet_valid',
      'The sign-in was issued in the future; check that your device clock is correct and try again.',
    );
  }
  if (notBefore !== undefined && notBefore.getTime() > nowMs + skewMs) {
    return fail('not_yet_valid', `This sign-in message is valid only from ${notBefore.toISOString()}.`);
  }
  if (nowMs - issuedAt.getTime() > maxAgeSeconds * 1000) {
    return fail('expired', 'This sign-in request is too old; start the sign-in again.');
  }
  if (expirationTime !== undefined && nowMs >= expirationTime.getTime()) {
    return fail('expired', 'This sign-in message has expired; start the sign-in again.');
  }
  return null;
}

/** Programmer errors in the caller's policy, not in the proof. */
export function assertPolicy(now: Date, maxAgeSeconds: number): void {
  if (Number.isNaN(now.getTime())) throw new TypeError('now must be a valid Date');
  if (!Number.isFinite(maxAgeSeconds) || maxAgeSeconds <= 0) {
    throw new RangeError('maxAgeSeconds must be a positive number of seconds');
  }
}
