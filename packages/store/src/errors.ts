/**
 * The store could not answer (Redis down, unreachable, or too slow). Retryable: the API answers
 * "try again" rather than an internal error.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  readonly retryable = true;

  constructor(message = 'The shared store is unavailable', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** `withLock` could not acquire the lock within its wait time: someone else is doing the same work. */
export class LockBusyError extends Error {
  override readonly name = 'LockBusyError';

  constructor(readonly key: string) {
    super(`Lock "${key}" is held by another holder`);
  }
}
