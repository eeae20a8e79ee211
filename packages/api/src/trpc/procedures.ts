import type { TAdminScope } from '@puffy/contracts';
import { z } from 'zod';
import { Forbidden } from '../platform/errors';
import { t } from './init';
import { mapAppErrors } from './middleware/app-errors';
import { requireAdmin, requireSession } from './middleware/auth';
import { csrfProtection } from './middleware/csrf';
import { rateLimit } from './middleware/rate-limit';

const base = t.procedure.use(mapAppErrors).use(csrfProtection).use(rateLimit);

/** Anyone, signed in or not. Use for public reads and for the sign-in flow itself. */
export const publicProcedure = base.meta({ kind: 'public' });

/** A signed-in member acting on their own data; `ctx.session` is guaranteed. */
export const authedProcedure = base.meta({ kind: 'authed' }).use(requireSession);

/** An operator with the named scope (every admin procedure names one). */
export const adminProcedure = (scope: TAdminScope) => base.meta({ kind: 'admin' }).use(requireAdmin(scope));

/**
 * Reads or changes one member's data, named by `userId` in the input: the member themself, or an
 * admin with the `users` scope.
 */
export const selfOrAdminProcedure = base
  .meta({ kind: 'selfOrAdmin' })
  .use(requireSession)
  .input(z.object({ userId: z.string().min(1).max(64) }))
  .use(({ ctx, input, next }) => {
    const isSelf = ctx.session.userId === input.userId;
    const isUserAdmin = ctx.session.role === 'admin' && ctx.session.scopes.includes('users');
    if (!isSelf && !isUserAdmin)
      throw new Forbidden('You can only see or change your own account.', 'not_self');
    return next();
  });
