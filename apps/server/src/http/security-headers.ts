import type { MiddlewareHandler } from 'hono';
import type { AppConfig } from '../config';

export interface SecurityHeaderOptions {
  production: boolean;
  /** https hosts allowed for images and media (admin-entered media URLs use the same list). */
  mediaHosts: string[];
  /**
   * TON Connect's wallet picker (@tonconnect/ui) injects its styles, loads wallet icons from each
   * wallet's own host and talks to each wallet's bridge over https: it cannot run under the strict
   * policy. On, the policy allows inline styles, https images and https connections (scripts stay
   * same-origin only); off, TON members use the development wallet or another chain.
   */
  tonConnect?: boolean;
  /** Development: origins the SPA's development wallet talks to (the local Solana node). */
  connectOrigins?: string[];
}

/** The CSP allows exactly what the SPA needs: its own scripts and styles, images and media from the allowed hosts. */
export function contentSecurityPolicy({
  mediaHosts,
  tonConnect = false,
  connectOrigins = [],
}: SecurityHeaderOptions): string {
  const media = mediaHosts.map((h) => `https://${h}`).join(' ');
  const images = tonConnect ? ' https:' : media ? ` ${media}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    tonConnect ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    `img-src 'self' data: blob:${images}`,
    `media-src 'self'${media ? ` ${media}` : ''}`,
    "font-src 'self'",
    ["connect-src 'self'", ...(tonConnect ? ['https:'] : []), ...connectOrigins].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): MiddlewareHandler {
  const csp = contentSecurityPolicy(options);
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', csp);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (options.production) h.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  };
}

/** The one place the configuration becomes header options, so the Hono app and the fast /trpc path agree. */
export const securityHeaderOptions = (
  config: Pick<AppConfig, 'environment' | 'mediaHosts' | 'tonConnectUi'>,
  devChainUrl: string | null,
): SecurityHeaderOptions => ({
  production: config.environment === 'production',
  mediaHosts: config.mediaHosts,
  tonConnect: config.tonConnectUi,
  connectOrigins: devChainUrl && config.environment !== 'production' ? [new URL(devChainUrl).origin] : [],
});
