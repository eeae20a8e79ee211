import { z } from 'zod';
import { rpcSpan } from '../tracing';
import { UpstreamError } from './upstream-error';

export type FetchLike = typeof fetch;

/** HTTP statuses that mean "not now" rather than "no": overload, rate limits, gateway trouble. */
export const isTransientStatus = (status: number): boolean =>
  status === 408 || status === 429 || status >= 500;

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * JSON-RPC 2.0 error codes: -32603 (internal) and the implementation-defined server range
 * -32000..-32099 (node behind, unhealthy, limit exceeded) are worth another try; parse, request, method
 * and params errors are definitive.
 */
export function classifyRpcError(
  service: string,
  error: { code: number; message: string },
  status?: number,
  cause?: unknown,
): UpstreamError {
  const { code } = error;
  const transient = code === 429 || code === -32603 || (code <= -32000 && code >= -32099);
  return new UpstreamError({
    kind: transient ? 'unavailable' : 'bad_response',
    service,
    message:
      code === -32601
        ? `${service} does not support this method (${error.message}).`
        : `${service} answered with JSON-RPC error ${code}: ${error.message}`,
    rpcCode: code,
    status,
    cause,
  });
}

export function statusError(
  service: string,
  status: number,
  retryAfterMs?: number,
  cause?: unknown,
): UpstreamError {
  const transient = isTransientStatus(status);
  return new UpstreamError({
    kind: transient ? 'unavailable' : 'bad_response',
    service,
    message: transient
      ? `${service} is overloaded or failing (HTTP ${status}).`
      : `${service} refused the request (HTTP ${status}).`,
    status,
    retryAfterMs,
    cause,
  });
}

export const badResponse = (service: string, message: string, cause?: unknown): UpstreamError =>
  new UpstreamError({ kind: 'bad_response', service, message: `${service} ${message}`, cause });

/** Parses an upstream payload; a shape we do not understand is a bad response, never an empty answer. */
export function parseWire<S extends z.ZodType>(
  service: string,
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw badResponse(service, `sent ${what} we cannot read${where}: ${issue?.message ?? 'invalid'}.`);
}

const ZRpcErrorObject = z.object({ code: z.number().int(), message: z.string() });
const ZRpcEnvelope = z.union([
  z.object({ error: ZRpcErrorObject }),
  z.object({ result: z.unknown() }).refine((value) => 'result' in value, 'result is missing'),
]);

export interface JsonRequest {
  fetch: FetchLike;
  service: string;
  url: string;
  signal: AbortSignal;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * One HTTP exchange that yields parsed JSON or an UpstreamError: unreachable → unavailable, 408/429/5xx →
 * unavailable (with Retry-After), other non-2xx → bad_response (a JSON-RPC error body keeps its code),
 * unparseable body → bad_response.
 */
export function requestJson(request: JsonRequest): Promise<unknown> {
  return rpcSpan({ service: request.service, url: request.url, method: request.method ?? 'GET' }, () =>
    exchangeJson(request),
  );
}

async function exchangeJson(request: JsonRequest): Promise<unknown> {
  const { service, signal } = request;
  let response: Response;
  try {
    response = await request.fetch(request.url, {
      method: request.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
    });
  } catch (error) {
    throw unreachable(service, signal, error);
  }
  if (isTransientStatus(response.status)) {
    await response.body?.cancel().catch(() => undefined);
    throw statusError(service, response.status, parseRetryAfter(response.headers.get('retry-after')));
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw unreachable(service, signal, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (!response.ok) throw statusError(service, response.status);
    throw badResponse(service, 'sent a body that is not JSON.', error);
  }
  if (!response.ok) {
    const rpc = z.object({ error: ZRpcErrorObject }).safeParse(json);
    throw rpc.success
      ? classifyRpcError(service, rpc.data.error, response.status)
      : statusError(service, response.status);
  }
  return json;
}

function unreachable(service: string, signal: AbortSignal, error: unknown): UpstreamError {
  if (signal.aborted && signal.reason instanceof UpstreamError) return signal.reason;
  return new UpstreamError({
    kind: 'unavailable',
    service,
    message: `${service} could not be reached.`,
    cause: error,
  });
}

/**
 * The classifier for calls made through requestJson, which already throws UpstreamErrors; anything else
 * is a reply we failed to handle, reported as a bad response rather than swallowed.
 */
export const classifyFetchError =
  (service: string) =>
  (error: unknown): UpstreamError =>
    error instanceof UpstreamError ? error : badResponse(service, 'sent a reply we could not handle.', error);

let nextRequestId = 1;

/** A JSON-RPC 2.0 call over HTTP POST; returns `result` unparsed for the caller's schema. */
export async function callJsonRpc(
  request: Omit<JsonRequest, 'method' | 'body'>,
  method: string,
  params: unknown,
): Promise<unknown> {
  const id = nextRequestId++;
  const json = await requestJson({
    ...request,
    method: 'POST',
    body: { jsonrpc: '2.0', id, method, params },
  });
  const envelope = parseWire(request.service, ZRpcEnvelope, json, `a ${method} reply`);
  if ('error' in envelope) throw classifyRpcError(request.service, envelope.error);
  return envelope.result;
}
