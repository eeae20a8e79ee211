import type { RateLimitRule } from '@puffy/store';

/**
 * A procedure's own rule (meta.rateLimit). Its counters are named for the procedure's path, which is
 * known only once the procedure is mounted, so the rule itself names a bucket only when several
 * procedures use one on purpose.
 */
export type ProcedureRateRule = Omit<RateLimitRule, 'name'> & { name?: string };

/** `points` calls a minute; `bucket` names the counters when they are not the procedure's own path. */
export function perMinute(points: number, bucket?: string): ProcedureRateRule {
  return bucket === undefined
    ? { points, durationSeconds: 60 }
    : { name: bucket, points, durationSeconds: 60 };
}

/** The rule as the limiter takes it: named by its bucket, or else by the procedure's path. */
export function ruleAt(path: string, rule: ProcedureRateRule): RateLimitRule {
  return { ...rule, name: rule.name ?? path };
}
