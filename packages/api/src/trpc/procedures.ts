import type { TAdminScope } from '@puffy/contracts';
import { z } from 'zod';
import { Forbidden } from '../platform/errors';
import { t } from './init';
import { requireAdmin, requireSession } from './middleware/auth';
import { procedureRateLimit } from './middleware/rate-limit';
import { requestScope } from './middleware/request-scope';
import { withProcedureSpan } from './tracing';

const RESOLVERS = new Set<PropertyKey>(['query', 'mutation', 'subscription']);

function isBuilder(value: unknown): value is object {
  return typeof value === 'object' && value !== null && '_def' in value && 'query' in value;
}

/**
 * The builder, except that a procedure's own rate limit is spent right before its resolver: after
 * every `.input()` (so only calls whose input is valid count) and every check a builder added. tRPC
 * runs middlewares in the order they were added and procedures add their inputs last, so this is the
 * one place that can put it there for every procedure at once.
 */
function withQuotaBeforeResolver<B extends object>(builder: B): B {
  return new Proxy(builder, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (RESOLVERS.has(property)) {
        // A procedure without a rule of its own gets no layer for it (each layer costs every call).
        if (!hasOwnRateLimit(target)) return value.bind(target);
        const limited = Reflect.get(target, 'use', receiver) as (m: typeof procedureRateLimit) => object;
        const before = limited.call(target, procedureRateLimit);
        return (Reflect.get(before, property) as (...args: unknown[]) => unknown).bind(before);
      }
      return (...args: unknown[]) => {
        const next: unknown = value.apply(target, args);
        return isBuilder(next) ? withQuotaBeforeResolver(next) : next;
      };
    },
  });
}

/** Every `.meta()` of a procedure has been applied by the time its resolver is added. */
function hasOwnRateLimit(builder: object): boolean {
  const def = Reflect.get(builder, '_def') as { meta?: { rateLimit?: unknown } } | undefined;
  return def?.meta?.rateLimit !== undefined;
}

const base = withQuotaBeforeResolver(t.procedure.use(withProcedureSpan(requestScope)));
const [requestScopeLayer] = (base as unknown as { _def: { middlewares: unknown[] } })._def.middlewares;

/**
 * True when the procedure's first middleware is the request scope every kind starts with (CSRF, the
 * default rate limits, error mapping): a server that answers a call from memory after that layer
 * (apps/server http/public-answers.ts) still runs it for every call.
 */
export function startsWithRequestScope(procedure: { _def: { middlewares?: unknown[] } }): boolean {
  return requestScopeLayer !== undefined && procedure._def.middlewares?.[0] === requestScopeLayer;
}

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
