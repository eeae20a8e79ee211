import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export interface ProxyTrust {
  trustProxy: boolean;
  /** How many trusted proxies append to X-Forwarded-For in front of us. */
  trustProxyHops: number;
}

/**
 * The client address in X-Forwarded-For as our own proxies recorded it: each trusted proxy appends
 * the address it saw, so the client is `hops` entries from the right. Everything further left came
 * from the client itself and proves nothing. With fewer entries than hops, the leftmost is the best
 * there is (Express's `trust proxy` count does the same).
 */
export function forwardedClient(forwardedFor: string | undefined, hops: number): string | undefined {
  if (!forwardedFor) return undefined;
  const entries = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - hops)];
}

/** The client's address; X-Forwarded-For is believed only behind a proxy we were told to trust. */
export function clientIp(c: Context, trust: ProxyTrust): string {
  if (trust.trustProxy) {
    const forwarded = forwardedClient(c.req.header('x-forwarded-for'), trust.trustProxyHops);
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
