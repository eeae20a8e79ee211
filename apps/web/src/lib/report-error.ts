import { describeError } from './errors';

/** What a crash report carries; the shape `telemetry.clientError` will validate on the server. */
export interface ClientErrorReport {
  name: string;
  message: string;
  stack: string | null;
  componentStack: string | null;
  /** Which boundary caught it (`route`, `layout`, `app`, `window`). */
  boundary: string;
  /** The path only: query strings carry one-time tokens (`/auth/verify-email?token=…`). */
  path: string;
  /** When the crash came from a failed call, the server's request id ties the two logs together. */
  requestId: string | null;
}

export type ErrorReporter = (report: ClientErrorReport) => void;

/** At most this many distinct reports per page load: a render loop must not flood the server. */
const MAX_REPORTS = 20;

const noReporter: ErrorReporter = () => {};
let reporter: ErrorReporter = noReporter;
const reported = new Set<string>();

/**
 * The seam for `telemetry.clientError`: the app installs a reporter that sends the report once that
 * procedure exists; until then reports go nowhere. Tests install one to observe. Returns the previous
 * reporter so a caller can put it back.
 */
export function setErrorReporter(next: ErrorReporter | null): ErrorReporter {
  const previous = reporter;
  reporter = next ?? noReporter;
  reported.clear();
  return previous;
}

function truncate(text: string | undefined | null, max: number): string | null {
  return text ? text.slice(0, max) : null;
}

/** Called by every error boundary and by the window's error handlers. Never throws. */
export function reportClientError(
  error: unknown,
  context: { boundary: string; componentStack?: string | null },
): void {
  try {
    const err = error instanceof Error ? error : new Error(String(error));
    const report: ClientErrorReport = {
      name: err.name,
      message: truncate(err.message, 500) ?? '',
      stack: truncate(err.stack, 4000),
      componentStack: truncate(context.componentStack, 4000),
      boundary: context.boundary,
      path: typeof window === 'undefined' ? '' : window.location.pathname,
      requestId: describeError(error).requestId,
    };
    const fingerprint = `${report.name}|${report.message}|${report.path}`;
    if (reported.has(fingerprint) || reported.size >= MAX_REPORTS) return;
    reported.add(fingerprint);
    reporter(report);
  } catch {
    // Reporting must never take the page down with it.
  }
}
