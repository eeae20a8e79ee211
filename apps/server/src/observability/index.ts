import type { RequestListener } from 'node:http';
import type { Logger } from '@puffy/api';
import type { AppConfig } from '../config';

/**
 * Error reports (Sentry's protocol) and traces (OTLP), each on only when its variable is set
 * (docs/runbooks/observability.md). With neither set this module imports neither SDK and installs
 * nothing: no context manager, no span hook, no wrapper on any request.
 */
export interface Observability {
  /** Wraps the server's request listener in one span per request (null while traces are off). */
  traceRequests: ((listener: RequestListener, procedures: ReadonlySet<string>) => RequestListener) | null;
  /** Sends every error-level log line that carries an error to the tracker too. */
  reportLoggedErrors(logger: Logger): void;
  /** Sends what is buffered and stops. */
  close(): Promise<void>;
}

export async function startObservability(
  config: Pick<AppConfig, 'observability'>,
  context: { service: 'server' | 'worker'; logger: Logger },
): Promise<Observability | null> {
  const { sentry, otlp } = config.observability;
  if (!sentry && !otlp) return null;
  const traces = otlp ? await (await import('./traces')).startTraces(otlp) : null;
  const errors = sentry ? await (await import('./errors')).startErrorReports(sentry, context.service) : null;
  context.logger.info({ errorReports: errors !== null, traces: traces !== null }, 'observability on');
  return {
    traceRequests: traces ? traces.traceRequests : null,
    reportLoggedErrors: (logger) => errors?.reportLoggedErrors(logger),
    close: async () => {
      await Promise.allSettled([traces?.close(), errors?.close()]);
    },
  };
}
