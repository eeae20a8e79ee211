import type { TAdminScope } from '@puffy/contracts';
import { operatorWith, signedIn } from '../access';
import { middleware } from '../init';

/** Narrows the context: after this, `ctx.session` is a session, not `Session | null`. */
export const requireSession = middleware(({ ctx, next }) =>
  next({ ctx: { ...ctx, session: signedIn(ctx.session) } }),
);

export function requireAdmin(scope?: TAdminScope) {
  return middleware(({ ctx, next }) => next({ ctx: { ...ctx, session: operatorWith(ctx.session, scope) } }));
}
