import type { TErrorCode, TErrorParams, TErrorReason } from '@puffy/contracts';

/**
 * The domain's own errors. Services throw these; one middleware maps them to tRPC errors, so a
 * service never imports tRPC and every code a client sees comes from this one list. Every refusal
 * names its rule with a reason from contracts (`ERROR_REASON_PARAMS`) and passes the values its
 * sentence shows as params, so the SPA can say it in the member's language (docs/product/README.md).
 */
export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly options: {
      reason: TErrorReason;
      params?: TErrorParams;
      retryAfterSeconds?: number;
      fieldErrors?: Record<string, string[]>;
    },
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadInput extends AppError {
  constructor(
    message: string,
    fieldErrors: Record<string, string[]> | undefined,
    reason: TErrorReason,
    params?: TErrorParams,
  ) {
    super('BAD_REQUEST', message, { fieldErrors, reason, params });
  }
}

/** An error of one code carrying the service's own words, the reason it names and that sentence's values. */
const worded = (code: TErrorCode) =>
  class extends AppError {
    constructor(message: string, reason: TErrorReason, params?: TErrorParams) {
      super(code, message, { reason, params });
    }
  };

export class Unauthorized extends worded('UNAUTHORIZED') {}
export class Forbidden extends worded('FORBIDDEN') {}
export class NotFound extends worded('NOT_FOUND') {}
export class Conflict extends worded('CONFLICT') {}
export class PreconditionFailed extends worded('PRECONDITION_FAILED') {}

export class RateLimited extends AppError {
  constructor(retryAfterSeconds: number, message?: string) {
    const wait = Math.max(1, Math.ceil(retryAfterSeconds));
    super('TOO_MANY_REQUESTS', message ?? `Too many requests. Try again in ${wait} seconds.`, {
      retryAfterSeconds: wait,
      reason: 'rate_limited',
      params: { seconds: wait },
    });
  }
}

/** A chain RPC, Redis or another service we depend on did not answer: the client should retry. */
export class UpstreamUnavailable extends AppError {
  constructor(
    message = 'A service we depend on is not answering. Please try again in a moment.',
    retryAfterSeconds = 5,
  ) {
    super('SERVICE_UNAVAILABLE', message, { retryAfterSeconds, reason: 'upstream_unavailable' });
  }
}
