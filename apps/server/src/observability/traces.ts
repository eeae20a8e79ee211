import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { type ProcedureSpan, setProcedureSpan } from '@puffy/api';
import { traceRpcCalls } from '@puffy/chains';
import { traceQueries } from '@puffy/db';
import { traceRedisCommands } from '@puffy/store';
import type { AppConfig } from '../config';
import { routeLabel } from '../metrics';

type OtlpOptions = NonNullable<AppConfig['observability']['otlp']>;

/** A header among writeHead's arguments: an object, a flat [name, value, …] list or a list of pairs. */
function headerIn(args: unknown[], name: string): unknown {
  const headers = args.find((arg) => typeof arg === 'object' && arg !== null);
  if (Array.isArray(headers)) {
    const flat = headers.flat() as unknown[];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      if (String(flat[i]).toLowerCase() === name) return flat[i + 1];
    }
    return undefined;
  }
  if (!headers) return undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/**
 * Traces over OTLP/HTTP: a span per HTTP request, per procedure call, per SQL statement, per Redis
 * command and per chain RPC exchange. Spans nest through the AsyncLocalStorage context manager that
 * `register()` installs, which is why this module loads only when traces are configured: the tRPC
 * hot path carries no async context otherwise (issue 20).
 */
export async function startTraces(options: OtlpOptions) {
  // Imported here, not at the top: the server bundle keeps them dynamic imports, loaded only when on.
  const [{ OTLPTraceExporter }, { resourceFromAttributes }, { BatchSpanProcessor }, { NodeTracerProvider }] =
    await Promise.all([
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/sdk-trace-node'),
    ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${options.endpoint}/v1/traces`, headers: options.headers }),
      ),
    ],
  });
  provider.register();
  const tracer = trace.getTracer('@puffy/server');

  const procedureSpan: ProcedureSpan = (call, run) =>
    tracer.startActiveSpan(
      `trpc ${call.path}`,
      { attributes: { 'rpc.system': 'trpc', 'rpc.method': call.path, 'trpc.type': call.type } },
      async (span) => {
        try {
          const result = await run();
          if (!result.ok) span.setStatus({ code: SpanStatusCode.ERROR, message: 'procedure failed' });
          return result;
        } catch (error) {
          // A refusal before the resolver (a limit, the same-site check) is thrown rather than returned.
          span.setStatus({ code: SpanStatusCode.ERROR, message: 'procedure refused' });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  setProcedureSpan(procedureSpan);
  traceQueries(true);
  traceRedisCommands(true);
  traceRpcCalls(true);

  function traceRequests(listener: RequestListener, procedures: ReadonlySet<string>): RequestListener {
    return (req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const parent = propagation.extract(ROOT_CONTEXT, req.headers);
      const span = tracer.startSpan(
        `${req.method} ${routeLabel(path, procedures)}`,
        {
          kind: SpanKind.SERVER,
          attributes: { 'http.request.method': req.method ?? '', 'url.path': path },
        },
        parent,
      );
      let requestId: unknown;
      // The fast /trpc path hands its headers straight to writeHead, where getHeader cannot see them.
      const writeHead = res.writeHead;
      res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
        requestId = headerIn(args, 'x-request-id');
        return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
      } as typeof res.writeHead;
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        requestId ??= res.getHeader('x-request-id');
        if (typeof requestId === 'string') span.setAttribute('puffy.request_id', requestId);
        span.setAttribute('http.response.status_code', res.statusCode);
        if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      };
      res.once('finish', end);
      res.once('close', end);
      context.with(trace.setSpan(parent, span), () => listener(req, res));
    };
  }

  return {
    traceRequests,
    close: async () => {
      setProcedureSpan(null);
      traceQueries(false);
      traceRedisCommands(false);
      traceRpcCalls(false);
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
