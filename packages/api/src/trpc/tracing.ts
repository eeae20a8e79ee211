import { middleware } from './init';

/**
 * Runs one procedure call inside a span (apps/server's observability installs it when traces are
 * exported; docs/runbooks/observability.md). `run` resolves with tRPC's middleware result, whose
 * `ok: false` marks a failed call.
 */
export type ProcedureSpan = <R extends { ok: boolean }>(
  call: { path: string; type: string },
  run: () => Promise<R>,
) => Promise<R>;

let procedureSpan: ProcedureSpan | null = null;

/** Installs (or, with null, removes) the span around every procedure call. */
export function setProcedureSpan(next: ProcedureSpan | null): void {
  procedureSpan = next;
}

type Builder = typeof import('./middleware/app-errors').mapAppErrors;

/**
 * The given middleware, with the procedure's span around it when tracing is on. It adds no
 * middleware of its own to the tRPC path: with tracing off the cost is one null check per call
 * (issue 20 keeps that path free of per-call layers).
 */
export function withProcedureSpan(first: Builder): Builder {
  const [inner] = first._middlewares;
  if (!inner || first._middlewares.length !== 1)
    throw new Error('withProcedureSpan wraps exactly one middleware');
  return middleware((opts) => {
    const span = procedureSpan;
    return span === null ? inner(opts) : span({ path: opts.path, type: opts.type }, () => inner(opts));
  }) as unknown as Builder;
}
