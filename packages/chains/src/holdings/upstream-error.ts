export type TUpstreamErrorKind = 'timeout' | 'unavailable' | 'circuit_open' | 'bad_response';

export interface UpstreamErrorInit {
  kind: TUpstreamErrorKind;
  /** Which upstream failed, for example `sol`, `eth` or `ton`. */
  service: string;
  message: string;
  /** Defaults to true for every kind but `bad_response`. */
  retryable?: boolean;
  /** HTTP status, when the upstream answered with one. */
  status?: number;
  /** JSON-RPC error code, when the upstream answered with one. */
  rpcCode?: number;
  /** How long the upstream asked us to wait (Retry-After) or the breaker stays open. */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * An upstream (RPC, HTTP API) could not give a definitive answer. Callers must report "could not check
 * now" rather than a negative answer: an outage is never evidence that a wallet holds nothing.
 */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  readonly kind: TUpstreamErrorKind;
  readonly service: string;
  /** A later attempt may succeed (outage, overload, open breaker); false when asking again cannot help. */
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly rpcCode: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: UpstreamErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.service = init.service;
    this.retryable = init.retryable ?? init.kind !== 'bad_response';
    this.status = init.status;
    this.rpcCode = init.rpcCode;
    this.retryAfterMs = init.retryAfterMs;
  }
}

export const isUpstreamError = (error: unknown): error is UpstreamError => error instanceof UpstreamError;

/**
 * Failures worth another immediate attempt. An open circuit is retryable later but not now: retrying it
 * at once would only spin against the breaker.
 */
export const isTransientFailure = (error: unknown): boolean =>
  error instanceof UpstreamError && error.retryable && error.kind !== 'circuit_open';
