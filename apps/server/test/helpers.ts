import { createTRPCClient, httpBatchLink, httpLink, TRPCClientError } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';

export function clientFor<TRouter extends AnyTRPCRouter>(
  url: string,
  options: { batch?: boolean; headers?: Record<string, string> } = {},
) {
  // Our routers use no transformer; tRPC cannot see that through the generic, hence the explicit Any.
  const link = (options.batch === false ? httpLink : httpBatchLink)<AnyTRPCRouter>({
    url: `${url}/trpc`,
    headers: () => options.headers ?? {},
  });
  return createTRPCClient<TRouter>({ links: [link] });
}

/** Runs a call that must fail and returns the client error for assertions. */
export async function failure(call: Promise<unknown>): Promise<TRPCClientError<AnyTRPCRouter>> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return error as TRPCClientError<AnyTRPCRouter>;
    throw error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
