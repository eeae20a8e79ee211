import {
  asAppError,
  assertSameSite,
  type Deps,
  httpErrorBody,
  httpStatusOf,
  operatorWith,
  type RequestInfo,
  type Session,
  type SessionResolver,
} from '@puffy/api';
import type { TAdminScope } from '@puffy/contracts';
import { type Context, type ErrorHandler, Hono, type MiddlewareHandler } from 'hono';
import type { RouterRoute } from 'hono/types';
import { findTargetHandler } from 'hono/utils/handler';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Who may call a plain HTTP route (one outside tRPC), as its access middleware declares it. The
 * authorization matrix (apps/server/test/http/authorization-matrix.test.ts) reads this from the app's
 * routes and fails a route that declares none without being listed as public.
 */
export type RouteAccess =
  /** An operator holding the scope; `per-request` when the request names it (an export's dataset). */
  | { kind: 'admin'; scope: TAdminScope | 'per-request' }
  /** A bot proving itself with an HMAC of the body; the handler checks it, as it needs the body. */
  | { kind: 'signedBot' }
  /** A partner's API key (docs/product/partners.md); the handler checks it with the call's scope and campaign. */
  | { kind: 'partnerKey' };

export type AccessEnv = { Variables: { session: Session } };

const declared = new WeakMap<object, RouteAccess>();

/** The access a route handler declares, seen through the wrappers `app.route()` adds. */
export function routeAccessOf(handler: RouterRoute['handler']): RouteAccess | undefined {
  return declared.get(findTargetHandler(handler));
}

function declare<E extends { Variables?: object }>(
  access: RouteAccess,
  handler: MiddlewareHandler<E>,
): MiddlewareHandler<E> {
  declared.set(handler, access);
  return handler;
}

/**
 * An AppError (or an infrastructure hiccup) thrown anywhere in a route, its access check included,
 * answered with the status a tRPC procedure would give it and the same error fields. Anything else
 * goes on to the app's own handler, which logs it and answers 500.
 */
const answerAppError: ErrorHandler<AccessEnv> = (error, c) => {
  const known = asAppError(error);
  if (!known) throw error;
  const wait = known.options.retryAfterSeconds;
  if (wait) c.header('retry-after', String(wait));
  return c.json(
    { error: httpErrorBody(known, c.get('requestId')) },
    httpStatusOf(known) as ContentfulStatusCode,
  );
};

/** A group of plain HTTP routes whose errors, access refusals included, are answered by one map. */
export function guardedRoutes(): Hono<AccessEnv> {
  return new Hono<AccessEnv>().onError(answerAppError);
}

/**
 * The access middlewares for plain HTTP routes, built from the same checks as the tRPC procedure
 * kinds (packages/api/src/trpc/access.ts): the session resolved as a procedure's context resolves it,
 * the same-site and CSRF check, then the operator and scope check. A route mounted with one of them
 * must live in a `guardedRoutes()` group so that its refusals get their statuses.
 */
export function httpAccess(options: {
  deps: Deps;
  resolveSession: SessionResolver;
  ipOf: (c: Context) => string;
}) {
  const { deps } = options;

  /**
   * The caller's session, after the same-site check. Unlike a procedure's, it runs on every method: an
   * export is a GET that hands out data and spends a budget, which a link on another site must not.
   */
  async function sameSiteSession(c: Context<AccessEnv>): Promise<Session | null> {
    const req: RequestInfo = {
      requestId: c.get('requestId'),
      ip: options.ipOf(c),
      method: c.req.method,
      header: (name) => c.req.header(name),
    };
    const session = await options.resolveSession(req, deps);
    assertSameSite(deps, req, session);
    return session;
  }

  return {
    /** An operator with `scope`, or with the scope the request names (a function of the request). */
    admin(scope: TAdminScope | ((c: Context<AccessEnv>) => TAdminScope)): MiddlewareHandler<AccessEnv> {
      return declare<AccessEnv>(
        { kind: 'admin', scope: typeof scope === 'string' ? scope : 'per-request' },
        async (c, next) => {
          // An operator first: what the request names (an unknown export, say) is no one else's business.
          const operator = operatorWith(await sameSiteSession(c));
          c.set('session', operatorWith(operator, typeof scope === 'string' ? scope : scope(c)));
          await next();
        },
      );
    },

    /**
     * A bot that signs each request with its campaign's secret. No session and no CSRF: a page on
     * another site can make a browser send the request but cannot sign it. The signature covers the
     * body and names the campaign inside it, so the handler verifies it while reading the body.
     */
    signedBot(): MiddlewareHandler {
      return declare({ kind: 'signedBot' }, async (_c, next) => {
        await next();
      });
    },

    /**
     * A partner presenting its key as a bearer token. No session and no CSRF: the key is not a cookie,
     * so a page on another site cannot make a browser send it.
     */
    partnerKey(): MiddlewareHandler {
      return declare({ kind: 'partnerKey' }, async (_c, next) => {
        await next();
      });
    },
  };
}

export type HttpAccess = ReturnType<typeof httpAccess>;
