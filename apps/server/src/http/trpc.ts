import { createContext, type Deps, publicCacheControl, type SessionResolver } from '@puffy/api';
import type { AnyTRPCRouter } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { Context } from 'hono';

export const TRPC_ENDPOINT = '/trpc';

/** Batches larger than this are refused: each call costs a database round trip and a rate-limit token. */
export const MAX_BATCH_SIZE = 20;

export function trpcHandler(options: {
  router: AnyTRPCRouter;
  deps: Deps;
  resolveSession: SessionResolver;
  ipOf: (c: Context) => string;
}) {
  return (c: Context) =>
    fetchRequestHandler({
      endpoint: TRPC_ENDPOINT,
      req: c.req.raw,
      router: options.router,
      maxBatchSize: MAX_BATCH_SIZE,
      allowMethodOverride: false,
      // Public only when every call in the request declared `publicCacheSeconds` and succeeded.
      responseMeta: ({ paths, type, errors }) => {
        const cacheControl = publicCacheControl(options.router, paths, type, errors.length > 0);
        return cacheControl ? { headers: { 'cache-control': cacheControl } } : {};
      },
      createContext: ({ resHeaders }) =>
        createContext(
          options.deps,
          {
            requestId: c.get('requestId'),
            ip: options.ipOf(c),
            method: c.req.method,
            header: (name) => c.req.header(name),
          },
          {
            setHeader: (name, value) => resHeaders.set(name, value),
            appendCookie: (cookie) => resHeaders.append('Set-Cookie', cookie),
          },
          options.resolveSession,
        ),
    });
}
