import type { AppRouter } from '@puffy/api/router-type';
import type { TErrorCode } from '@puffy/contracts';
import { isTRPCClientError, type TRPCClientError } from '@trpc/client';
import { i18n } from '../i18n';
import { schemaIssueInWords, withoutInternals } from './field-words';
import { reasonInWords } from './reason-words';

/**
 * What a failure means to the member: our API's codes, the two ways a call fails before it, and
 * `LOCAL` for a step in the browser that said no (a wallet refusing to sign, a closed wallet window).
 */
export type ShownErrorCode = TErrorCode | 'NETWORK' | 'TIMED_OUT' | 'LOCAL';

export interface ShownError {
  code: ShownErrorCode;
  title: string;
  message: string;
  /** Field path → messages in words for people, for forms to show beside their inputs. */
  fieldErrors: Record<string, string[]>;
  retryAfterSeconds: number | null;
  /** Quoted to support so they can find the server's log line (shown under "Details", never in the message). */
  requestId: string | null;
  httpStatus: number | null;
  /** A narrower domain reason to branch on, e.g. `campaign_full`. */
  reason: string | null;
}

/** tRPC's own answer for a procedure this server does not have (an older server behind a newer SPA). */
const ROUTER_MISSING = /^No procedure found on path/;

/** The heading for a code, in the member's language (common catalog, `errors.title`). */
const titleOf = (code: ShownErrorCode): string =>
  i18n.t([`errors.title.${code}`, 'errors.title.other'], { ns: 'common' });
const words = (key: 'network' | 'missing' | 'schema' | 'timeout'): string =>
  i18n.t(`errors.${key}`, { ns: 'common' });

/** The router's error shape is typed through AppRouter, so no cast is needed to read `error.data`. */
export function isApiError(error: unknown): error is TRPCClientError<AppRouter> {
  return isTRPCClientError<AppRouter>(error);
}

/** Our own 15 s timeout, or an abort: tRPC wraps it, so look through the causes. */
function isTimeout(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if (current.name === 'TimeoutError') return true;
    current = current.cause;
  }
  return current instanceof DOMException && current.name === 'TimeoutError';
}

/**
 * An error thrown in the browser that never involved the network: a wallet's own refusal. fetch
 * failures are TypeErrors and tRPC wraps its own, so neither is mistaken for one.
 */
function isLocalFailure(error: unknown): error is Error {
  return (
    error instanceof Error && !isApiError(error) && !(error instanceof TypeError) && error.message !== ''
  );
}

function withoutApiData(error: unknown): ShownError {
  const code = isTimeout(error) ? 'TIMED_OUT' : isLocalFailure(error) ? 'LOCAL' : 'NETWORK';
  return {
    code,
    title: titleOf(code),
    message:
      code === 'TIMED_OUT'
        ? words('timeout')
        : code === 'LOCAL' && error instanceof Error
          ? error.message
          : words('network'),
    fieldErrors: {},
    retryAfterSeconds: null,
    requestId: null,
    httpStatus: null,
    reason: null,
  };
}

/**
 * Turns whatever a call threw into what the member should read. The server's `TErrorData` (code,
 * request id, field errors, retryAfterSeconds) drives it; anything without that data (no connection,
 * a proxy's HTML error page, our timeout) is a connection problem.
 */
export function describeError(error: unknown): ShownError {
  if (!isApiError(error) || !error.data) return withoutApiData(error);
  const data = error.data;
  const fieldErrors = data.fieldErrors ?? {};
  // The schema's refusal lists paths and library text in its message (for developers); a domain
  // refusal is already written for people, less any rule name or id meant for the logs, in English:
  // the catalog says it in the member's language when it knows the reason.
  const schemaRefusal = data.code === 'BAD_REQUEST' && error.message.startsWith('Invalid input:');
  const inWords = reasonInWords(data.reason, data.params ?? null);
  return {
    code: data.code,
    title: titleOf(data.code),
    message: schemaRefusal
      ? words('schema')
      : ROUTER_MISSING.test(error.message)
        ? words('missing')
        : (inWords ?? withoutInternals(error.message)),
    fieldErrors: Object.fromEntries(
      Object.entries(fieldErrors).map(([path, messages]) => [
        path,
        messages.map((m) => (schemaRefusal ? schemaIssueInWords(m) : (inWords ?? withoutInternals(m)))),
      ]),
    ),
    retryAfterSeconds: data.retryAfterSeconds ?? null,
    requestId: data.requestId ?? null,
    httpStatus: data.httpStatus ?? null,
    reason: data.reason ?? null,
  };
}

/**
 * React Query's retry rule: a 4xx will not improve by asking again, so never; a dropped connection or
 * a 5xx may, so once. Our own timeout is not retried: the member has already waited 15 s.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false;
  const shown = describeError(error);
  if (shown.code === 'NETWORK') return true;
  return shown.httpStatus !== null && shown.httpStatus >= 500;
}

/**
 * A lazily loaded page whose file is gone (a deploy replaced the hashed chunks) or never arrived.
 * React keeps such a failure for good, so only a reload brings the page back.
 */
export function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(error.message)
  );
}
