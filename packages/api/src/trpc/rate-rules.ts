import type { RateLimitRule } from '@puffy/store';

/** A procedure's own rule (meta.rateLimit): `points` calls per minute, named for its counters. */
export function perMinute(name: string, points: number): RateLimitRule {
  return { name, points, durationSeconds: 60 };
}
