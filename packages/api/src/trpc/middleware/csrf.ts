import { csrfTokenFor } from '../../auth/csrf-token';
import { safeEqual } from '../../auth/secrets';
import { Forbidden } from '../../platform/errors';
import { middleware } from '../init';

/**
 * State changes from a browser must come from our own origin (Origin / Sec-Fetch-Site), and those
 * authenticated by a cookie must also carry the session's CSRF token. Bearer calls need neither:
 * a cross-site page cannot make the browser attach an Authorization header.
 */
export const csrfProtection = middleware(({ ctx, type, next }) => {
  if (type !== 'mutation') return next();
  const origin = ctx.req.header('origin');
  const fetchSite = ctx.req.header('sec-fetch-site');
  if (origin && !ctx.deps.config.allowedOrigins.includes(origin)) {
    throw new Forbidden('This request came from a page we do not know.', 'bad_origin');
  }
  if (!origin && fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    throw new Forbidden('This request came from another site.', 'bad_origin');
  }
  if (ctx.session?.via === 'cookie') {
    const presented = ctx.req.header('x-csrf-token') ?? '';
    const expected = csrfTokenFor(ctx.deps.auth.appSecret, ctx.session.sessionId);
    if (!safeEqual(presented, expected)) {
      throw new Forbidden('Your session token is missing or stale. Reload the page and try again.', 'csrf');
    }
  }
  return next();
});
