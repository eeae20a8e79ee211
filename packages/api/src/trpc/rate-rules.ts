import type { RateLimitRule } from '@puffy/store';

/**
 * A procedure's own rule (meta.rateLimit). The limiter knows a rule by its name (one name, one set of
 * settings); unnamed, it takes the procedure's path, which is known only once the procedure is
 * mounted. Counters are kept per procedure either way: middleware/rate-limit.ts keys them by path.
 */
export type ProcedureRateRule = Omit<RateLimitRule, 'name'> & { name?: string };

/** `points` calls a minute; `name` only where several procedures use one rule on purpose. */
export function perMinute(points: number, name?: string): ProcedureRateRule {
  return name === undefined ? { points, durationSeconds: 60 } : { name, points, durationSeconds: 60 };
}

/** The rule as the limiter takes it: its own name, or else the procedure's path. */
export function ruleAt(path: string, rule: ProcedureRateRule): RateLimitRule {
  return { ...rule, name: rule.name ?? path };
}
