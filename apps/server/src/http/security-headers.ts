import type { MiddlewareHandler } from 'hono';

export interface SecurityHeaderOptions {
  production: boolean;
  /** https hosts allowed for images and media (admin-entered media URLs use the same list). */
  mediaHosts: string[];
}

/** The CSP allows exactly what the SPA needs: its own scripts and styles, images and media from the allowed hosts. */
export function contentSecurityPolicy({ mediaHosts }: SecurityHeaderOptions): string {
  const media = mediaHosts.map((h) => `https://${h}`).join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob:${media ? ` ${media}` : ''}`,
    `media-src 'self'${media ? ` ${media}` : ''}`,
    "font-src 'self'",
    "connect-src 'self'",
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
