import type { RateLimitRule } from '@puffy/store';
import { RateLimited } from '../../platform/errors';
import type { Context } from '../context';
import { middleware } from '../init';
import { ruleAt } from '../rate-rules';

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

// Built once per configuration rather than per call: the rules are the same for every request.
const builtRules = new WeakMap<object, ReturnType<typeof defaultRules>>();
function defaultRulesOf(limits: { ipPerMinute: number; userPerMinute: number }) {
  let rules = builtRules.get(limits);
  if (!rules) {
    rules = defaultRules(limits);
    builtRules.set(limits, rules);
  }
  return rules;
}

async function spend(ctx: Context, checks: Array<[RateLimitRule, string]>): Promise<void> {
  for (const [rule, key] of checks) {
    const outcome = await ctx.deps.limiter.consume(rule, key);
    if (!outcome.allowed) throw new RateLimited(outcome.retryAfterSeconds);
  }
}

/**
 * The default limits, before anything else is looked at: every call counts, valid or not, including
 * each call of a batch (tRPC runs middlewares per call), so garbage cannot flood the server either.
 */
export async function spendDefaultLimits(ctx: Context): Promise<void> {
  const defaults = defaultRulesOf(ctx.deps.config.rateLimits);
  const checks: Array<[RateLimitRule, string]> = [[defaults.perIp, `ip:${ctx.req.ip}`]];
  if (ctx.session) checks.push([defaults.perUser, `user:${ctx.session.userId}`]);
  await spend(ctx, checks);
}

/**
 * A procedure's own, stricter rule, spent only by calls that reach the resolver: its input is valid
 * and the caller may call it, so a typo costs nothing of a small quota (three emails a minute). Keyed
 * by IP and, when signed in, also by user, so neither rotating IPs nor sharing one NAT escapes it.
 * procedures.ts places it right before every resolver.
 */
export const procedureRateLimit = middleware(async ({ ctx, meta, path, next }) => {
  if (!meta?.rateLimit) return next();
  const rule = ruleAt(path, meta.rateLimit);
  const checks: Array<[RateLimitRule, string]> = [[rule, `${path}:ip:${ctx.req.ip}`]];
  if (ctx.session) checks.push([rule, `${path}:user:${ctx.session.userId}`]);
  await spend(ctx, checks);
  return next();
});
