import { trace } from '@opentelemetry/api';
import type { Logger } from '@puffy/api';
import type { AppConfig } from '../config';
import { redactValue } from './redact';

type SentryOptions = NonNullable<AppConfig['observability']['sentry']>;
type LogMethod = (this: Logger, ...args: unknown[]) => void;

/**
 * Exceptions to an error tracker speaking Sentry's protocol. The SDK runs without its default
 * integrations: it patches nothing, sets up no OpenTelemetry of its own (our traces own the one
 * context, observability/traces.ts) and attaches no request data. A report carries what the log
 * line carried, the request id as a tag and the active trace's ids, through the log's redaction.
 */
export async function startErrorReports(options: SentryOptions, service: 'server' | 'worker') {
  // Imported here, not at the top: the server bundle keeps it a dynamic import (docs/runbooks/observability.md).
  const Sentry = await import('@sentry/node');
  Sentry.initWithoutDefaultIntegrations({
    dsn: options.dsn,
    environment: options.environment,
    release: options.release,
    integrations: [Sentry.linkedErrorsIntegration(), Sentry.dedupeIntegration()],
    enableOpenTelemetrySetup: false,
    sendClientReports: false,
    initialScope: { tags: { service } },
    beforeSend: (event) => redactValue(event) as typeof event,
  });

  function report(entry: Record<string, unknown>): void {
    const { err, requestId, msg: _msg, ...rest } = entry;
    const active = trace.getActiveSpan()?.spanContext();
    Sentry.captureException(err, {
      tags: typeof requestId === 'string' ? { requestId } : {},
      extra: redactValue(rest) as Record<string, unknown>,
      contexts: active ? { trace: { trace_id: active.traceId, span_id: active.spanId } } : {},
    });
  }

  return {
    /** Every `logger.error({ err, … })` becomes a report as well as a log line. */
    reportLoggedErrors(logger: Logger): void {
      const write = logger.error as unknown as LogMethod;
      const reporting: LogMethod = function (this: Logger, ...args) {
        const [first] = args;
        if (typeof first === 'object' && first !== null && 'err' in first) {
          try {
            report(first as Record<string, unknown>);
          } catch {
            // A report that cannot be made must not cost the log line.
          }
        }
        write.apply(this, args);
      };
      logger.error = reporting as unknown as Logger['error'];
    },
    close: async () => {
      await Sentry.close(2_000);
    },
  };
}
