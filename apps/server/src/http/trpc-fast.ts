import { publicCacheControl } from '@puffy/api';
import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import {
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  TRPCError,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import { type SharedForms, sharedFormsOf } from './public-answers';
import { callProcedure, type Shortcut } from './trpc-call';

/**
 * tRPC's non-streaming HTTP protocol (queries over GET, mutations over POST, batches with
 * `?batch=1`), answered without building Request/Response objects or an AbortController per call.
 * Each step mirrors `resolveResponse` of @trpc/server 11 so the bytes on the wire are the same:
 * the same error messages, the same order of context creation and input parsing, the same status
 * (207 for mixed batches). Everything this does not handle (subscriptions, streaming, form data,
 * lazy routers) is left to the stock adapter; `fastPathFor` says which requests qualify, and
 * test/trpc-wire.test.ts compares both handlers response by response.
 */

type Procedure = AnyTRPCProcedure;

/** What the fast path needs to know about a request before reading its body. */
export interface FastCall {
  paths: string[];
  procedures: Array<Procedure | undefined>;
  isBatch: boolean;
  /** The raw `input` query parameter of a GET. */
  queryInput: string | null;
}

/** Response headers a procedure set through the context (Retry-After, Set-Cookie). */
export class HeaderBag {
  readonly values = new Map<string, string>();
  readonly cookies: string[] = [];

  set(name: string, value: string): void {
    const key = name.toLowerCase();
    if (key === 'set-cookie') {
      this.cookies.length = 0;
      this.cookies.push(value);
    } else this.values.set(key, value);
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    if (key === 'set-cookie') this.cookies.push(value);
    else {
      const current = this.values.get(key);
      this.values.set(key, current === undefined ? value : `${current}, ${value}`);
    }
  }

  get(name: string): string | undefined {
    return this.values.get(name.toLowerCase());
  }
}

export interface FastResponse {
  status: number;
  /** tRPC's own headers (vary, content-type) followed by what the procedures set, as the fetch adapter merges them. */
  headers: HeaderBag;
  body: string;
  /** Set when the body is a shared public answer's (public-answers.ts): its other forms are kept there. */
  shared?: SharedForms;
}

const PATH = /^\/trpc\/([\w.,-]+)$/;

function hasJsonl(accept: string | undefined): boolean {
  return accept?.split(',').some((t) => t.trim() === 'application/jsonl') ?? false;
}

/**
 * The calls of a request the fast path answers exactly like the fetch adapter, or null when the
 * request must go to the stock adapter (it still works there, only slower).
 */
export function fastPathFor(
  router: AnyTRPCRouter,
  method: string,
  url: string,
  header: (name: string) => string | undefined,
): FastCall | null {
  if (method !== 'GET' && method !== 'POST') return null;
  const q = url.indexOf('?');
  const match = PATH.exec(q < 0 ? url : url.slice(0, q));
  if (!match?.[1]) return null;
  const contentType = header('content-type');
  if (contentType === undefined ? method !== 'GET' : !contentType.startsWith('application/json')) return null;
  if (header('trpc-accept') !== undefined || hasJsonl(header('accept'))) return null;
  const search = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
  if (search.has('connectionParams')) return null;
  const isBatch = search.get('batch') === '1';
  const paths = isBatch ? match[1].split(',') : [match[1]];
  const { procedures, lazy } = router._def as {
    procedures: Record<string, Procedure | undefined>;
    lazy: Record<string, unknown>;
  };
  const found: Array<Procedure | undefined> = [];
  for (const path of paths) {
    const procedure = Object.hasOwn(procedures, path) ? procedures[path] : undefined;
    if (!procedure && Object.keys(lazy).length > 0) return null;
    if (procedure?._def.type === 'subscription') return null;
    found.push(procedure);
  }
  return { paths, procedures: found, isBatch, queryInput: method === 'GET' ? search.get('input') : null };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && !Array.isArray(value) && typeof value === 'object';

const isPromiseLike = (value: unknown): boolean =>
  isObject(value) && typeof (value as { then?: unknown }).then === 'function';

/** tRPC refuses async iterables and promises in a non-streaming response; so do we. */
function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  const values = Object.values(value);
  return values.some(isPromiseLike) || values.some(isAsyncIterable);
}

const ACCEPTED_METHOD: Record<string, string> = { query: 'GET', mutation: 'POST' };

/** Parses the inputs once, on first use, turning a parse failure into BAD_REQUEST as tRPC's memo does. */
function inputReader(router: AnyTRPCRouter, call: FastCall, method: string, readBody: () => string) {
  const deserialize = (v: unknown) => router._def._config.transformer.input.deserialize(v);
  let parsed: Record<number, unknown> | undefined;
  let failure: unknown;
  const parse = (): Record<number, unknown> => {
    let inputs: unknown;
    if (method === 'GET') {
      if (call.queryInput) inputs = JSON.parse(call.queryInput);
    } else inputs = JSON.parse(readBody());
    const result: Record<number, unknown> = Object.create(null);
    if (inputs === undefined) return result;
    if (!call.isBatch) {
      result[0] = deserialize(inputs);
      return result;
    }
    if (!isObject(inputs)) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: '"input" needs to be an object when doing a batch call',
      });
    }
    for (const index of call.paths.keys()) {
      const input = inputs[index];
      if (input !== undefined) result[index] = deserialize(input);
    }
    return result;
  };
  return {
    read(): Record<number, unknown> {
      if (parsed) return parsed;
      if (failure === undefined) {
        try {
          parsed = parse();
          return parsed;
        } catch (cause) {
          failure =
            cause instanceof TRPCError
              ? cause
              : new TRPCError({
                  code: 'BAD_REQUEST',
                  message: cause instanceof Error ? cause.message : 'Invalid input',
                  cause,
                });
        }
      }
      throw failure;
    },
    result: (index: number): unknown => parsed?.[index],
  };
}

type Outcome = { ok: true; data: unknown } | { ok: false; error: TRPCError };

/**
 * Answers a qualifying request. `createContext` receives the header bag the procedures write into;
 * `readBody` returns the already-read request body (POST only).
 */
export async function resolveFast<TContext>(options: {
  router: AnyTRPCRouter;
  call: FastCall;
  method: string;
  readBody: () => string;
  maxBatchSize: number;
  createContext: (headers: HeaderBag) => Promise<TContext>;
  /** A way to answer a call after its base layer (trpc-call.ts), e.g. from the public answers' cache. */
  shortcutFor?: (call: FastCall, index: number, rawInput: () => Promise<unknown>) => Shortcut | undefined;
}): Promise<FastResponse> {
  const { router, call, method } = options;
  const config = router._def._config;
  const headers = new HeaderBag();
  headers.set('vary', 'trpc-accept, accept');
  const resHeaders = new HeaderBag();
  const finish = (status: number, body: string): FastResponse => {
    for (const [key, value] of resHeaders.values) headers.append(key, value);
    for (const cookie of resHeaders.cookies) headers.append('set-cookie', cookie);
    return { status, headers, body };
  };
  const types = new Set<string>();
  for (const procedure of call.procedures) if (procedure) types.add(procedure._def.type);
  const type = types.values().next().value ?? 'unknown';

  let ctx: TContext | undefined;
  const fail = (cause: unknown, errorType: string, path?: string, input?: unknown) => {
    const error = getTRPCErrorFromUnknown(cause);
    return { error: getErrorShape({ config, error, type: errorType as 'query', path, input, ctx }) };
  };
  // Request-level refusals happen before the context exists, as in tRPC (the error then has no request id).
  let infoError: TRPCError | undefined;
  if (call.isBatch && call.paths.length > options.maxBatchSize) {
    infoError = new TRPCError({ code: 'BAD_REQUEST', message: 'Batch call exceeds maximum size' });
  } else if (types.size > 1) {
    infoError = new TRPCError({
      code: 'BAD_REQUEST',
      message: `Cannot mix procedure types in call: ${Array.from(types).join(', ')}`,
    });
  }
  if (infoError) {
    // No content-type here, as in tRPC: the server layer then labels the body text/plain like Fetch does.
    const json = fail(infoError, 'unknown');
    return finish(getHTTPStatusCode(json), JSON.stringify(transformTRPCResponse(config, json)));
  }

  let ctxError: TRPCError | undefined;
  try {
    ctx = await options.createContext(resHeaders);
  } catch (cause) {
    ctxError = getTRPCErrorFromUnknown(cause);
  }
  const inputs = inputReader(router, call, method, options.readBody);
  const run = async (path: string, procedure: Procedure | undefined, index: number): Promise<Outcome> => {
    try {
      if (!procedure)
        throw new TRPCError({ code: 'NOT_FOUND', message: `No procedure found on path "${path}"` });
      const procType = procedure._def.type;
      if (ACCEPTED_METHOD[procType] !== method) {
        throw new TRPCError({
          code: 'METHOD_NOT_SUPPORTED',
          message: `Unsupported ${method}-request to ${procType} procedure at path "${path}"`,
        });
      }
      if (ctxError) throw ctxError;
      const getRawInput = async () => inputs.read()[index];
      const data: unknown = await callProcedure(
        procedure,
        {
          path,
          getRawInput,
          ctx,
          type: procType,
          signal: undefined,
          batchIndex: index,
        },
        options.shortcutFor?.(call, index, getRawInput),
      );
      return { ok: true, data };
    } catch (cause) {
      return { ok: false, error: getTRPCErrorFromUnknown(cause) };
    }
  };
  const outcomes = await Promise.all(call.paths.map((path, i) => run(path, call.procedures[i], i)));
  headers.set('content-type', 'application/json');
  // As the stock handler's responseMeta decides it (trpc.ts): public only when every call declared so.
  const cacheControl = publicCacheControl(
    router,
    call.paths,
    type,
    outcomes.some((outcome) => !outcome.ok),
  );
  if (cacheControl) headers.set('cache-control', cacheControl);
  const procTypeOf = (i: number) => call.procedures[i]?._def.type ?? 'unknown';

  if (!call.isBatch) {
    const [outcome] = outcomes as [Outcome];
    if (outcome.ok && isDataStream(outcome.data)) {
      // tRPC throws this one to its outer handler, which reports it without a path.
      const json = fail(
        new TRPCError({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
        }),
        type,
      );
      return finish(getHTTPStatusCode(json), JSON.stringify(transformTRPCResponse(config, json)));
    }
    const shared = outcome.ok ? sharedFormsOf(outcome.data) : undefined;
    if (shared && outcome.ok) {
      const data = outcome.data;
      shared.body ??= JSON.stringify(transformTRPCResponse(config, { result: { data } }));
      return { ...finish(200, shared.body), shared };
    }
    const json = outcome.ok
      ? { result: { data: outcome.data } }
      : fail(outcome.error, type, call.paths[0], inputs.result(0));
    return finish(getHTTPStatusCode([json]), JSON.stringify(transformTRPCResponse(config, json)));
  }

  const json = outcomes.map((outcome, i) => {
    if (outcome.ok && !isDataStream(outcome.data)) return { result: { data: outcome.data } };
    const error = outcome.ok
      ? new TRPCError({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
        })
      : outcome.error;
    return fail(error, procTypeOf(i), call.paths[i], inputs.result(i));
  });
  return finish(getHTTPStatusCode(json), JSON.stringify(transformTRPCResponse(config, json)));
}
