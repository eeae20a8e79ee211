import type { TAdminScope } from '@puffy/contracts';
import { Forbidden, Unauthorized } from '../../platform/errors';
import { middleware } from '../init';

/** Narrows the context: after this, `ctx.session` is a session, not `Session | null`. */
export const requireSession = middleware(({ ctx, next }) => {
  if (!ctx.session) throw new Unauthorized('Sign in to continue.', 'sign_in_required');
  return next({ ctx: { ...ctx, session: ctx.session } });
});

export function requireAdmin(scope?: TAdminScope) {
  return middleware(({ ctx, next }) => {
    if (!ctx.session) throw new Unauthorized('Sign in to continue.', 'sign_in_required');
    if (ctx.session.role !== 'admin') throw new Forbidden('This needs an operator account.', 'not_admin');
    if (scope && !ctx.session.scopes.includes(scope)) {
      throw new Forbidden(`This needs the "${scope}" admin scope.`, 'missing_scope');
    }
    return next({ ctx: { ...ctx, session: ctx.session } });
  });
}
