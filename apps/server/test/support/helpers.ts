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

/** The reason code a refused call carries (`x_taken`, `telegram_stale`…). */
export const reasonOf = (error: TRPCClientError<AnyTRPCRouter>) =>
  (error.data as { reason?: string } | undefined)?.reason;

/** The AppError a server-side caller's call failed with (code, reason and message), for assertions. */
export async function refusalOf(
  call: Promise<unknown>,
): Promise<{ code: string; reason?: string; message: string }> {
  try {
    await call;
  } catch (error) {
    const e = error as {
      code?: string;
      message: string;
      cause?: { code?: string; options?: { reason?: string } };
    };
    return {
      code: e.cause?.code ?? e.code ?? 'unknown',
      reason: e.cause?.options?.reason,
      message: e.message,
    };
  }
  throw new Error('expected the call to be refused');
}
