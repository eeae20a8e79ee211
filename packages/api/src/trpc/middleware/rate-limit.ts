import type { RateLimitRule } from '@puffy/store';
import { RateLimited } from '../../platform/errors';
import { middleware } from '../init';

/** Every procedure gets these unless its meta names a stricter rule. */
export const DEFAULT_RULES = {
  perIp: { name: 'default-ip', points: 600, durationSeconds: 60 },
  perUser: { name: 'default-user', points: 300, durationSeconds: 60 },
} satisfies Record<string, RateLimitRule>;

/**
 * Counts every call, including each call of a batch (tRPC runs middlewares per call). A procedure's
 * own rule is keyed by IP and, when signed in, also by user, so neither rotating IPs nor sharing one
 * NAT escapes it.
 */
export const rateLimit = middleware(async ({ ctx, meta, path, next }) => {
  const { limiter } = ctx.deps;
  const checks: Array<[RateLimitRule, string]> = [[DEFAULT_RULES.perIp, `ip:${ctx.req.ip}`]];
  if (ctx.session) checks.push([DEFAULT_RULES.perUser, `user:${ctx.session.userId}`]);
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
