import { TRPCError } from '@trpc/server';
import type { Context } from '../context';
import { asAppError } from '../error-status';
import { middleware } from '../init';

/**
 * Services throw domain errors without knowing tRPC; this turns them into tRPC errors carrying the
 * right HTTP status, with the domain error kept as the cause for the formatter. Unexpected errors
 * are logged with their stack here and leave as a bare INTERNAL_SERVER_ERROR.
 *
 * A subscription's resolver returns its stream at once and fails later, while the stream is read
 * (an order that is not the caller's is found out when the stream reads its current state); tRPC
 * reads it after every middleware has returned, so the stream is wrapped to map its errors the same way.
 */
export const mapAppErrors = middleware(async ({ ctx, path, type, next }) =>
  mapResult(await next(), ctx, { path, type }),
);

type CallResult = Awaited<ReturnType<Parameters<Parameters<typeof middleware>[0]>[0]['next']>>;

/** What the procedure answered, its domain error turned into the tRPC error it stands for. */
export function mapResult<R extends CallResult>(
  result: R,
  ctx: Context,
  where: { path: string; type: string },
): R {
  if (result.ok) {
    if (where.type !== 'subscription' || !isAsyncIterable(result.data)) return result;
    return { ...result, data: mappedStream(result.data, ctx, where) };
  }
  const mapped = toTRPCError(result.error.cause, ctx);
  if (mapped) throw mapped;
  if (result.error.code === 'INTERNAL_SERVER_ERROR')
    logUnexpected(ctx, result.error.cause ?? result.error, where);
  return result;
}

/**
 * What to throw for an error raised in a middleware before the procedure ran: the tRPC error a
 * domain error stands for, or the error itself (logged when it is unexpected), as mapResult would
 * have seen it come back from an inner middleware.
 */
export function mapThrown(error: unknown, ctx: Context, where: { path: string; type: string }): unknown {
  if (error instanceof TRPCError) return error;
  const mapped = toTRPCError(error, ctx);
  if (mapped) return mapped;
  logUnexpected(ctx, error, where);
  return error;
}

async function* mappedStream(
  source: AsyncIterable<unknown>,
  ctx: Context,
  where: { path: string; type: string },
): AsyncGenerator<unknown> {
  try {
    yield* source;
  } catch (error) {
    if (error instanceof TRPCError) throw error;
    // The response's headers are gone by now: a limit says when to retry in its body only.
    const mapped = toTRPCError(error, null);
    if (mapped) throw mapped;
    logUnexpected(ctx, error, where);
    throw error;
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** The tRPC error a domain error (or an infrastructure hiccup) stands for; null for anything else. */
function toTRPCError(error: unknown, ctx: Context | null): TRPCError | null {
  const cause = asAppError(error);
  if (!cause) return null;
  if (ctx && cause.code === 'TOO_MANY_REQUESTS' && cause.options.retryAfterSeconds) {
    ctx.res.setHeader('Retry-After', String(cause.options.retryAfterSeconds));
  }
  return new TRPCError({ code: cause.code, message: cause.message, cause });
}

function logUnexpected(ctx: Context, err: unknown, where: { path: string; type: string }): void {
  ctx.deps.logger.error({ err, ...where, requestId: ctx.req.requestId }, 'unexpected error in procedure');
}
