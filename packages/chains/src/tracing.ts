import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * One span per chain RPC or HTTP API exchange, when apps/server exports traces
 * (docs/runbooks/observability.md). With tracing off `rpcSpan` is a direct call. The span names the
 * service and the host only: providers put API keys in paths and query strings.
 */

let on = false;

/** Turns RPC spans on or off for this process. */
export function traceRpcCalls(enabled: boolean): void {
  on = enabled;
}

export function rpcSpan<T>(
  call: { service: string; url: string; method: string },
  run: () => Promise<T>,
): Promise<T> {
  if (!on) return run();
  let host = '';
  try {
    host = new URL(call.url).host;
  } catch {
    // An unparseable URL fails in fetch itself; the span just has no host.
  }
  return trace.getTracer('@puffy/chains').startActiveSpan(
    `rpc ${call.service}`,
    {
      kind: SpanKind.CLIENT,
      attributes: { 'rpc.service': call.service, 'http.request.method': call.method, 'server.address': host },
    },
    async (span) => {
      try {
        return await run();
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: 'call failed' });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
