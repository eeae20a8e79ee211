import type { TErrorCode } from '@puffy/contracts';

/**
 * The domain's own errors. Services throw these; one middleware maps them to tRPC errors, so a
 * service never imports tRPC and every code a client sees comes from this one list.
 */
export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly options: {
      reason?: string;
      retryAfterSeconds?: number;
      fieldErrors?: Record<string, string[]>;
    } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadInput extends AppError {
  constructor(message: string, fieldErrors?: Record<string, string[]>, reason?: string) {
    super('BAD_REQUEST', message, { fieldErrors, reason });
  }
}

export class Unauthorized extends AppError {
  constructor(message = 'Sign in to continue.', reason?: string) {
    super('UNAUTHORIZED', message, { reason });
  }
}

export class Forbidden extends AppError {
  constructor(message = 'You are not allowed to do this.', reason?: string) {
    super('FORBIDDEN', message, { reason });
  }
}

/** An error of one code carrying the service's own words and, optionally, a reason the SPA branches on. */
const worded = (code: TErrorCode) =>
  class extends AppError {
    constructor(message: string, reason?: string) {
      super(code, message, { reason });
    }
  };

export class NotFound extends worded('NOT_FOUND') {}
export class Conflict extends worded('CONFLICT') {}
export class PreconditionFailed extends worded('PRECONDITION_FAILED') {}

export class RateLimited extends AppError {
  constructor(retryAfterSeconds: number, message?: string) {
    const wait = Math.max(1, Math.ceil(retryAfterSeconds));
    super('TOO_MANY_REQUESTS', message ?? `Too many requests. Try again in ${wait} seconds.`, {
      retryAfterSeconds: wait,
      reason: 'rate_limited',
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
