import { assertSameSite } from '../access';
import { middleware } from '../init';

/**
 * State changes from a browser must come from our own origin, and those authenticated by a cookie
 * must also carry the session's CSRF token (the rules are in ../access.ts, shared with the plain HTTP
 * routes). Queries change nothing and are left alone.
 */
export const csrfProtection = middleware(({ ctx, type, next }) => {
  if (type === 'mutation') assertSameSite(ctx.deps, ctx.req, ctx.session);
  return next();
});
