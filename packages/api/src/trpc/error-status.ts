import { EvmRpcUnavailableError } from '@puffy/chains';
import type { TErrorData } from '@puffy/contracts';
import { LockBusyError, StoreUnavailableError } from '@puffy/store';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { AppError, UpstreamUnavailable } from '../platform/errors';

/**
 * The domain error a thrown value stands for, or null for an unexpected one. Infrastructure hiccups
 * become the client's cue to retry rather than internal errors. Both the tRPC procedures
 * (middleware/app-errors.ts) and the plain HTTP routes (apps/server/src/http/access.ts) ask this.
 */
export function asAppError(cause: unknown): AppError | null {
  if (cause instanceof AppError) return cause;
  if (cause instanceof StoreUnavailableError)
    return new UpstreamUnavailable('Our session store is not answering. Please try again in a moment.', 2);
  if (cause instanceof EvmRpcUnavailableError)
    return new UpstreamUnavailable(
      'The Ethereum node we ask is not answering. Please try again in a moment.',
    );
  if (cause instanceof LockBusyError)
    return new UpstreamUnavailable('This is being changed right now. Please try again in a moment.', 1);
  return null;
}

/**
 * The HTTP status of a domain error: tRPC's own table, so a plain HTTP route answers an error with
 * the status a procedure would.
 */
export function httpStatusOf(error: AppError): number {
  return getHTTPStatusCodeFromError(new TRPCError({ code: error.code }));
}

/** A plain HTTP route's error body: the message and the same `data` fields a procedure's error has. */
export function httpErrorBody(error: AppError, requestId: string | null): TErrorData & { message: string } {
  return {
    message: error.message,
    code: error.code,
    httpStatus: httpStatusOf(error),
    requestId,
    fieldErrors: error.options.fieldErrors ?? null,
    retryAfterSeconds: error.options.retryAfterSeconds ?? null,
    reason: error.options.reason ?? null,
    params: error.options.params ?? null,
  };
}
