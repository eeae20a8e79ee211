import { type AnyTRPCProcedure, TRPCError } from '@trpc/server';
import { getTRPCErrorFromUnknown } from '@trpc/server/unstable-core-do-not-import';

/**
 * Runs a procedure's middleware chain as tRPC 11's `createProcedureCaller` does (each middleware gets
 * the call's options plus `meta`, `input` and `next`; `next` merges a new context over the old one,
 * replaces the input when given; a throw anywhere becomes `{ ok: false, error }`), but builds each
 * layer's options as one object literal instead of through tRPC's compiled `_objectSpread2` helper,
 * which alone was ~12 % of the trivial query's CPU (docs/architecture.md, "The hot path"). The output
 * validator is run here the same way (parse the data, or fail with tRPC's own message).
 *
 * `shortcut` lets the fast path answer after the base layer: with `at: 1`, the chain's first
 * middleware (the request scope: CSRF, the default rate limits, error mapping) runs for every call,
 * and `answer()` may return a result instead of the rest of the chain (the public answers' cache).
 *
 * test/http/trpc-wire.test.ts sends the same requests to this path and to the stock adapter.
 */

/** What a middleware chain resolves to; `marker` is tRPC's brand on results made by `next()`. */
export type CallResult = { ok: true; data: unknown; marker?: unknown } | { ok: false; error: TRPCError };

type Middleware = ((opts: Record<string, unknown>) => Promise<CallResult>) & { _type?: string };

interface ProcedureDef {
  middlewares: Middleware[];
  meta: unknown;
  output?: unknown;
}

interface CallState {
  path: string;
  type: string;
  ctx: unknown;
  input: unknown;
  getRawInput: () => Promise<unknown>;
  signal: AbortSignal | undefined;
  batchIndex: number;
}

export interface Shortcut {
  /** The index of the middleware replaced by `answer` (1: right after the base layer). */
  at: number;
  /** A result to return instead of running the rest of the chain, or undefined to run it. */
  answer: (run: () => Promise<CallResult>) => Promise<CallResult>;
}

const MARKER = 'middlewareMarker';

type Parse = (value: unknown) => unknown;
/** Per procedure: the output parser run in place of tRPC's output middleware, or null to run that one. */
const outputParsers = new WeakMap<ProcedureDef, Parse | null>();

/**
 * The output parser as tRPC's `getParseFn` picks it for a zod schema (parseAsync), when the procedure
 * has exactly one output middleware and so `_def.output` is that middleware's schema.
 */
function outputParserOf(def: ProcedureDef): Parse | null {
  let parse = outputParsers.get(def);
  if (parse !== undefined) return parse;
  const parser = def.output as { parseAsync?: (v: unknown) => Promise<unknown> } | undefined;
  const outputs = def.middlewares.filter((m) => m._type === 'output').length;
  parse =
    outputs === 1 && parser && typeof parser.parseAsync === 'function'
      ? parser.parseAsync.bind(parser)
      : null;
  outputParsers.set(def, parse);
  return parse;
}

async function validateOutput(def: ProcedureDef, next: () => Promise<CallResult>): Promise<CallResult> {
  const result = await next();
  if (!result.ok) return result;
  const parse = outputParserOf(def);
  if (!parse) return result;
  try {
    return { ...result, data: await parse(result.data) };
  } catch (cause) {
    throw new TRPCError({ message: 'Output validation failed', code: 'INTERNAL_SERVER_ERROR', cause });
  }
}

async function callAt(
  def: ProcedureDef,
  index: number,
  state: CallState,
  shortcut: Shortcut | undefined,
): Promise<CallResult> {
  try {
    const middleware = def.middlewares[index] as Middleware;
    const next = (over?: { ctx?: object; input?: unknown; getRawInput?: () => Promise<unknown> }) => {
      const following: CallState = {
        path: state.path,
        type: state.type,
        ctx: over?.ctx ? { ...(state.ctx as object), ...over.ctx } : state.ctx,
        input: over && 'input' in over ? over.input : state.input,
        getRawInput: over?.getRawInput ?? state.getRawInput,
        signal: state.signal,
        batchIndex: state.batchIndex,
      };
      const rest = () => callAt(def, index + 1, following, undefined);
      return shortcut && shortcut.at === index + 1 ? shortcut.answer(rest) : rest();
    };
    if (middleware._type === 'output' && outputParserOf(def)) return await validateOutput(def, next);
    return await middleware({
      path: state.path,
      getRawInput: state.getRawInput,
      ctx: state.ctx,
      type: state.type,
      signal: state.signal,
      batchIndex: state.batchIndex,
      meta: def.meta,
      input: state.input,
      next,
    });
  } catch (cause) {
    return { ok: false, error: getTRPCErrorFromUnknown(cause), marker: MARKER } as CallResult;
  }
}

/** Calls `procedure` like `procedure(opts)` does: its data, or its error thrown. */
export async function callProcedure(
  procedure: AnyTRPCProcedure,
  opts: Omit<CallState, 'input'>,
  shortcut?: Shortcut,
): Promise<unknown> {
  const def = procedure._def as unknown as ProcedureDef;
  const result = await callAt(def, 0, { ...opts, input: undefined }, shortcut);
  if (!result) {
    throw new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'No result from middlewares - did you forget to `return next()`?',
    });
  }
  if (!result.ok) throw result.error;
  return result.data;
}
