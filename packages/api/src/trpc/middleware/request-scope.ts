import { assertSameSite } from '../access';
import { middleware } from '../init';
import { mapResult, mapThrown } from './app-errors';
import { spendDefaultLimits } from './rate-limit';

/**
 * The one base middleware every procedure starts with: each tRPC middleware layer copies the call's
 * context and result objects, so the request-scoped work is one layer, not three
 * (docs/architecture.md, "The hot path"). In order:
 * 1. CSRF: state changes from a browser must come from our own origin, and those authenticated by a
 *    cookie must also carry the session's CSRF token (the rules are in ../access.ts, shared with the
 *    plain HTTP routes). Queries change nothing and are left alone.
 * 2. The default rate limits (rate-limit.ts), before anything else is looked at.
 * 3. The procedure, with domain errors mapped to tRPC errors on the way out (app-errors.ts); an
 *    error from steps 1 and 2 is mapped the same way.
 */
export const requestScope = middleware(async ({ ctx, path, type, next }) => {
  try {
    if (type === 'mutation') assertSameSite(ctx.deps, ctx.req, ctx.session);
    await spendDefaultLimits(ctx);
  } catch (error) {
    throw mapThrown(error, ctx, { path, type });
  }
  return mapResult(await next(), ctx, { path, type });
});
