import { EvmRpcUnavailableError } from '@puffy/chains';
import { LockBusyError, StoreUnavailableError } from '@puffy/store';
import { TRPCError } from '@trpc/server';
import { AppError, UpstreamUnavailable } from '../../platform/errors';
import { middleware } from '../init';

/**
 * Services throw domain errors without knowing tRPC; this turns them into tRPC errors carrying the
 * right HTTP status, with the domain error kept as the cause for the formatter. Unexpected errors
 * are logged with their stack here and leave as a bare INTERNAL_SERVER_ERROR.
 */
export const mapAppErrors = middleware(async ({ ctx, path, type, next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = toAppError(result.error.cause);
  if (cause instanceof AppError) {
    if (cause.code === 'TOO_MANY_REQUESTS' && cause.options.retryAfterSeconds) {
      ctx.res.setHeader('Retry-After', String(cause.options.retryAfterSeconds));
    }
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  if (result.error.code === 'INTERNAL_SERVER_ERROR') {
    ctx.deps.logger.error(
      { err: cause ?? result.error, path, type, requestId: ctx.req.requestId },
      'unexpected error in procedure',
    );
  }
  return result;
});

/** Infrastructure hiccups are the client's cue to retry, not internal errors. */
function toAppError(cause: unknown): unknown {
  if (cause instanceof StoreUnavailableError)
    return new UpstreamUnavailable('Our session store is not answering. Please try again in a moment.', 2);
  if (cause instanceof EvmRpcUnavailableError)
    return new UpstreamUnavailable(
      'The Ethereum node we ask is not answering. Please try again in a moment.',
    );
  if (cause instanceof LockBusyError)
    return new UpstreamUnavailable('This is being changed right now. Please try again in a moment.', 1);
  return cause;
}
