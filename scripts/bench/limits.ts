/**
 * Server settings every throughput measure runs with, and what `pnpm bench` says about them: the
 * load is a crowd (a new client address per request through a trusted proxy hop), and the general
 * per-minute limits are lifted so the bench measures serving, not refusing. The per-procedure limits
 * (sign-in, the dry run) stay as shipped; a fresh address per request keeps them from refusing.
 */
export const CROWD_ENV = { TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '1' };

export const LIFTED_LIMITS = {
  RATE_LIMIT_IP_PER_MINUTE: '100000000',
  RATE_LIMIT_USER_PER_MINUTE: '100000000',
};

export const benchServerEnv = { ...CROWD_ENV, ...LIFTED_LIMITS };

export function liftedLimitsNote(): string {
  const lifted = Object.entries(LIFTED_LIMITS)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  return [
    `limits lifted on our server: ${lifted} (defaults 600 and 300 a minute)`,
    'per-procedure limits as shipped; every request carries a new X-Forwarded-For address (TRUST_PROXY=true, TRUST_PROXY_HOPS=1), the bare baseline receives the same header bytes',
    'only 2xx answers count as throughput; percentiles are of 2xx answers',
  ].join('\n');
}
