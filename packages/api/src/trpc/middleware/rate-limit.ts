import type { RateLimitRule } from '@puffy/store';
import { RateLimited } from '../../platform/errors';
import { middleware } from '../init';

/** Every procedure gets these on top of any stricter rule its meta names. */
export function defaultRules(limits: { ipPerMinute: number; userPerMinute: number }) {
  return {
    perIp: { name: `default-ip-${limits.ipPerMinute}`, points: limits.ipPerMinute, durationSeconds: 60 },
    perUser: {
      name: `default-user-${limits.userPerMinute}`,
      points: limits.userPerMinute,
      durationSeconds: 60,
    },
  } satisfies Record<string, RateLimitRule>;
}

/**
 * Counts every call, including each call of a batch (tRPC runs middlewares per call). A procedure's
 * own rule is keyed by IP and, when signed in, also by user, so neither rotating IPs nor sharing one
 * NAT escapes it.
 */
export const rateLimit = middleware(async ({ ctx, meta, path, next }) => {
  const { limiter } = ctx.deps;
  const defaults = defaultRules(ctx.deps.config.rateLimits);
  const checks: Array<[RateLimitRule, string]> = [[defaults.perIp, `ip:${ctx.req.ip}`]];
  if (ctx.session) checks.push([defaults.perUser, `user:${ctx.session.userId}`]);
  if (meta?.rateLimit) {
    checks.push([meta.rateLimit, `${path}:ip:${ctx.req.ip}`]);
    if (ctx.session) checks.push([meta.rateLimit, `${path}:user:${ctx.session.userId}`]);
  }
  for (const [rule, key] of checks) {
    const outcome = await limiter.consume(rule, key);
    if (!outcome.allowed) throw new RateLimited(outcome.retryAfterSeconds);
  }
  return next();
});
