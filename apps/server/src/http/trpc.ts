import { createContext, type Deps, type SessionResolver } from '@puffy/api';
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
