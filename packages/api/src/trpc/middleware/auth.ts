import type { TAdminScope } from '@puffy/contracts';
import { announcePublicEdit } from '../../platform/public-edits';
import { operatorWith, signedIn } from '../access';
import { middleware } from '../init';

/** Narrows the context: after this, `ctx.session` is a session, not `Session | null`. */
export const requireSession = middleware(({ ctx, next }) =>
  next({ ctx: { ...ctx, session: signedIn(ctx.session) } }),
);

/**
 * An operator with the scope. Any change an operator makes may show in a public answer (a campaign
 * page, the catalog), which the servers keep in memory between edits: a change that went through
 * drops those copies on every instance (platform/public-edits.ts), in this same layer.
 */
export function requireAdmin(scope?: TAdminScope) {
  return middleware(async ({ ctx, type, next }) => {
    const result = await next({ ctx: { ...ctx, session: operatorWith(ctx.session, scope) } });
    if (type === 'mutation' && result.ok) await announcePublicEdit(ctx.deps.store);
    return result;
  });
}
