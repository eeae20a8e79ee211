import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { PostgresJsPreparedQuery } from 'drizzle-orm/postgres-js/session';
import { RemotePreparedQuery } from 'drizzle-orm/sqlite-proxy/session';

/**
 * One span per SQL statement, when apps/server exports traces (docs/runbooks/observability.md).
 * The statements are drizzle's prepared queries on both dialects, so their execute methods are
 * wrapped in place the first time tracing is turned on; while it is off nothing is wrapped and a
 * query pays nothing. The span carries the parameterised text, never the parameter values (they
 * hold addresses, codes and emails).
 */

const MAX_TEXT = 2_000;
let on = false;
let wrapped = false;

type Executable = { query?: { sql?: string } };
type Method = (this: Executable, ...args: unknown[]) => Promise<unknown>;

function spanned(system: 'postgresql' | 'sqlite', original: Method): Method {
  return function (this: Executable, ...args: unknown[]) {
    if (!on) return original.apply(this, args);
    const text = this.query?.sql ?? '';
    const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'QUERY';
    return trace.getTracer('@puffy/db').startActiveSpan(
      `db ${operation}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system.name': system,
          'db.operation.name': operation,
          'db.query.text': text.slice(0, MAX_TEXT),
        },
      },
      async (span) => {
        try {
          return await original.apply(this, args);
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: 'query failed' });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  };
}

function wrap(prototype: object, system: 'postgresql' | 'sqlite', names: string[]): void {
  const target = prototype as Record<string, Method>;
  for (const name of names) {
    const original = target[name];
    if (typeof original === 'function') target[name] = spanned(system, original);
  }
}

/** Turns query spans on or off for every database of this process. */
export function traceQueries(enabled: boolean): void {
  on = enabled;
  if (!enabled || wrapped) return;
  wrapped = true;
  wrap(PostgresJsPreparedQuery.prototype, 'postgresql', ['execute', 'all']);
  wrap(RemotePreparedQuery.prototype, 'sqlite', ['run', 'all', 'get', 'values']);
}
