import { z } from 'zod';
import { ZErrorParams } from './error-reasons';

/** The codes our procedures throw (tRPC's names). */
const PROCEDURE_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'PRECONDITION_FAILED',
  'INTERNAL_SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
] as const;

/** Transport-level codes tRPC itself may answer with, before or around a procedure. */
const TRANSPORT_ERROR_CODES = [
  'PARSE_ERROR',
  'METHOD_NOT_SUPPORTED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'TIMEOUT',
  'CLIENT_CLOSED_REQUEST',
] as const;

/** The stable error codes a client may branch on. */
export const ZErrorCode = z.enum([...PROCEDURE_ERROR_CODES, ...TRANSPORT_ERROR_CODES]);
export type TErrorCode = z.infer<typeof ZErrorCode>;

/** What every error carries in `error.data` besides tRPC's own fields. */
export const ZErrorData = z.object({
  code: ZErrorCode,
  httpStatus: z.number().int(),
  requestId: z.string().nullable(),
  /** Field path → messages, for bad input. */
  fieldErrors: z.record(z.string(), z.array(z.string())).nullable(),
  retryAfterSeconds: z.number().int().nullable(),
  /**
   * A narrower domain reason a client may branch on and words by, e.g. `campaign_full`: one of
   * `ERROR_REASONS` from this server, kept a plain string so an older client still reads a newer one.
   */
  reason: z.string().nullable(),
  /** The values the reason's sentence shows (error-reasons.ts). */
  params: ZErrorParams.nullable(),
});
export type TErrorData = z.infer<typeof ZErrorData>;
