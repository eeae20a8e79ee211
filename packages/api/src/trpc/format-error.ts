import { type TErrorData, ZErrorCode } from '@puffy/contracts';
import type { TRPCError } from '@trpc/server';
import type { DefaultErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { z } from 'zod';
import { AppError } from '../platform/errors';
import type { Context } from './context';

type Shape = Omit<DefaultErrorShape, 'data'> & { data: TErrorData & { path?: string } };

function fieldErrorsOf(cause: unknown): Record<string, string[]> | null {
  if (!(cause instanceof z.ZodError)) return null;
  const out: Record<string, string[]> = {};
  for (const issue of cause.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

/**
 * The one place errors get their public shape: a stable code, a message a person can act on, field
 * errors for bad input, retryAfterSeconds on limits; never a stack or an internal message.
 */
export function formatError(opts: {
  shape: DefaultErrorShape;
  error: TRPCError;
  ctx: Context | undefined;
  path: string | undefined;
}): Shape {
  const { shape, error, ctx, path } = opts;
  const app = error.cause instanceof AppError ? error.cause : null;
  const fieldErrors = app?.options.fieldErrors ?? fieldErrorsOf(error.cause);
  const internal = error.code === 'INTERNAL_SERVER_ERROR';
  const message = internal
    ? 'Something went wrong on our side. Please try again; if it keeps happening, contact support with the request id.'
    : fieldErrors && !app
      ? `Invalid input: ${Object.entries(fieldErrors)
          .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
          .join('; ')}`
      : error.message;
  return {
    message,
    code: shape.code,
    data: {
      code: ZErrorCode.catch('INTERNAL_SERVER_ERROR').parse(error.code),
      httpStatus: shape.data.httpStatus,
      path,
      requestId: ctx?.req.requestId ?? null,
      fieldErrors,
      retryAfterSeconds: app?.options.retryAfterSeconds ?? null,
      reason: app?.options.reason ?? null,
      params: app?.options.params ?? null,
    },
  };
}
