import type { TErrorCode, TErrorData, TSystemVersion } from '@puffy/contracts';

/**
 * A fake transport for component tests that speaks tRPC's real wire format (as captured from our
 * server): batched paths in the URL, an array of `{ result: { data } }` or `{ error }` envelopes, the
 * error's status (207 when a batch mixes outcomes) and `Retry-After` on rate limits. The real server
 * is covered by the browser test.
 */
export type WireAnswer =
  | { result: { data: unknown } }
  | { error: { message: string; code: number; data: TErrorData & { path: string } } };

export interface WireCall {
  url: URL;
  method: string;
  headers: Headers;
  credentials: RequestCredentials | undefined;
  paths: string[];
}

export interface WireTransport {
  fetch: typeof fetch;
  calls: WireCall[];
  /** Every input sent to `path` (GET query string or POST body), in the order they were sent. */
  inputsFor(path: string): unknown[];
}

/** `answer` receives the procedure path and how many times that path was asked before. */
export function wireTransport(answer: (path: string, attempt: number) => WireAnswer): WireTransport {
  const calls: WireCall[] = [];
  const sent: Array<{ path: string; input: unknown }> = [];
  const attempts = new Map<string, number>();
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const paths = decodeURIComponent(url.pathname.replace(/^\/trpc\//, '')).split(',');
    calls.push({
      url,
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      credentials: init?.credentials,
      paths,
    });
    const inputs: Record<string, unknown> =
      typeof init?.body === 'string'
        ? JSON.parse(init.body)
        : JSON.parse(url.searchParams.get('input') ?? '{}');
    paths.forEach((path, index) => {
      sent.push({ path, input: inputs[String(index)] });
    });
    const body = paths.map((path) => {
      const attempt = attempts.get(path) ?? 0;
      attempts.set(path, attempt + 1);
      return answer(path, attempt);
    });
    const statuses = body.map((item) => ('error' in item ? item.error.data.httpStatus : 200));
    const status = new Set(statuses).size === 1 ? (statuses[0] ?? 200) : 207;
    const headers = new Headers({ 'content-type': 'application/json' });
    for (const item of body) {
      if ('error' in item && item.error.data.retryAfterSeconds !== null) {
        headers.set('retry-after', String(item.error.data.retryAfterSeconds));
      }
    }
    return new Response(JSON.stringify(body), { status, headers });
  };
  const inputsFor = (path: string) => sent.filter((s) => s.path === path).map((s) => s.input);
  return { fetch: fetchImpl, calls, inputsFor };
}

export function versionOf(overrides: Partial<TSystemVersion> = {}): TSystemVersion {
  return {
    name: 'puffy-reward-center',
    version: '9.8.7',
    commit: null,
    environment: 'test',
    database: 'sqlite',
    store: 'memory',
    serverTime: '2026-11-23T09:03:13.692Z',
    devChainUrl: null,
    xLinking: true,
    socialServices: { x: true, discord: true, telegram: { botUsername: 'puffy_test_bot' } },
    errorTracking: null,
    ...overrides,
  };
}

export function ok(data: unknown): WireAnswer {
  return { result: { data } };
}

const JSON_RPC_CODE: Partial<Record<TErrorCode, number>> = {
  BAD_REQUEST: -32600,
  UNAUTHORIZED: -32001,
  FORBIDDEN: -32003,
  NOT_FOUND: -32004,
  TOO_MANY_REQUESTS: -32029,
  INTERNAL_SERVER_ERROR: -32603,
  SERVICE_UNAVAILABLE: -32603,
};

export function failure(
  path: string,
  code: TErrorCode,
  httpStatus: number,
  message: string,
  extra: Partial<TErrorData> = {},
): WireAnswer {
  return {
    error: {
      message,
      code: JSON_RPC_CODE[code] ?? -32603,
      data: {
        code,
        httpStatus,
        path,
        requestId: 'req-45369763',
        fieldErrors: null,
        retryAfterSeconds: null,
        reason: null,
        params: null,
        ...extra,
      },
    },
  };
}

/** The answer our server gives when a limit is hit, as captured from it. */
export function rateLimited(path: string, seconds: number): WireAnswer {
  return failure(path, 'TOO_MANY_REQUESTS', 429, `Too many requests. Try again in ${seconds} seconds.`, {
    retryAfterSeconds: seconds,
    reason: 'rate_limited',
    params: { seconds },
  });
}
