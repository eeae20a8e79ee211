export interface ClientErrorReport {
  message: string;
  stack?: string;
  componentStack?: string;
  path: string;
}

type Reporter = (report: ClientErrorReport) => void;

/** Kept swappable: the telemetry procedure plugs in here, tests observe it. */
let reporter: Reporter = () => {};

export function setErrorReporter(next: Reporter): void {
  reporter = next;
}

export function reportError(error: unknown, componentStack?: string): void {
  const err = error instanceof Error ? error : new Error(String(error));
  try {
    reporter({
      message: err.message.slice(0, 500),
      stack: err.stack?.slice(0, 4000),
      componentStack: componentStack?.slice(0, 4000),
      path: typeof window === 'undefined' ? '' : window.location.pathname,
    });
  } catch {
    // Reporting must never take the page down with it.
  }
}
