import { type TErrorData, ZErrorData } from '@puffy/contracts';
import { TRPCClientError } from '@trpc/client';

export interface ShownError {
  title: string;
  message: string;
  fieldErrors: Record<string, string[]>;
  retryAfterSeconds: number | null;
  requestId: string | null;
  code: TErrorData['code'] | 'NETWORK';
}

const TITLES: Partial<Record<ShownError['code'], string>> = {
  BAD_REQUEST: 'Please check what you entered',
  UNAUTHORIZED: 'Please sign in',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Already done',
  TOO_MANY_REQUESTS: 'Slow down a little',
  PRECONDITION_FAILED: 'Not yet possible',
  SERVICE_UNAVAILABLE: 'Temporarily unavailable',
  NETWORK: 'Connection problem',
};

/** Turns whatever a call threw into what the member should read, using the server's error data. */
export function describeError(error: unknown): ShownError {
  if (error instanceof TRPCClientError) {
    const data = ZErrorData.safeParse(error.data);
    if (data.success) {
      return {
        code: data.data.code,
        title: TITLES[data.data.code] ?? 'Something went wrong',
        message: error.message,
        fieldErrors: data.data.fieldErrors ?? {},
        retryAfterSeconds: data.data.retryAfterSeconds,
        requestId: data.data.requestId,
      };
    }
  }
  const aborted = error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
  return {
    code: 'NETWORK',
    title: TITLES.NETWORK ?? 'Connection problem',
    message: aborted
      ? 'The server took too long to answer. Check your connection and try again.'
      : 'We could not reach the server. Check your connection and try again.',
    fieldErrors: {},
    retryAfterSeconds: null,
    requestId: null,
  };
}

/** Client errors (4xx) will not improve by retrying; network errors and 5xx may. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false;
  const shown = describeError(error);
  return (
    shown.code === 'NETWORK' || shown.code === 'INTERNAL_SERVER_ERROR' || shown.code === 'SERVICE_UNAVAILABLE'
  );
}
