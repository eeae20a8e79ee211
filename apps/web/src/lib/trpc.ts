import type { AppRouter } from '@puffy/api/router-type';
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCLink,
} from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import { observable } from '@trpc/server/observable';
import { describeError } from './errors';
import { loadReasonWords } from './reason-words';
import { refreshSession } from './session-refresh';
import { getCsrfToken } from './session-token';

export const trpc = createTRPCReact<AppRouter>();
export type TrpcClient = ReturnType<typeof trpc.createClient>;

/** docs/product/README.md: a request that gets no answer fails after 15 s instead of spinning forever. */
export const REQUEST_TIMEOUT_MS = 15_000;

/** Below the server's tRPC maxBatchSize, so a busy page never has a batch refused as a whole. */
const MAX_BATCH_ITEMS = 10;

/** The error a request fails with when the timeout fires; `describeError` words it for people. */
export function timeoutError(timeoutMs: number): DOMException {
  return new DOMException(`No answer from the server within ${timeoutMs / 1000} s`, 'TimeoutError');
}

/**
 * fetch with the SPA's request timeout and the session cookies. The timeout covers the whole exchange,
 * body included (the batch link reads plain JSON, so buffering it here costs nothing), and a caller's
 * own abort (React Query cancelling a query) still passes through.
 */
export function fetchWithTimeout(timeoutMs = REQUEST_TIMEOUT_MS, baseFetch?: typeof fetch): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(timeoutError(timeoutMs)), timeoutMs);
    const outer = init?.signal;
    const forwardAbort = () => controller.abort(outer?.reason);
    if (outer?.aborted) forwardAbort();
    else outer?.addEventListener('abort', forwardAbort, { once: true });
    try {
      const request = { ...init, signal: controller.signal, credentials: 'include' as const };
      const response = baseFetch ? await baseFetch(input, request) : await fetch(input, request);
      const body = await response.arrayBuffer();
      // A null-body status (204, 304) refuses even an empty buffer.
      return new Response(body.byteLength > 0 ? body : null, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', forwardAbort);
    }
  };
}

/**
 * What becomes of a failed call. One refused because its access token is dead (expired while the tab
 * slept, or the cookie is gone) is retried once after one refresh of the session; sign-in calls are
 * never retried (their 401 is the answer), and a session that cannot be renewed lets the refusal
 * through. A refusal reaches its caller only once the member's language has its sentence
 * (reason-words.ts): the `errors` catalog is fetched on the first failed call, not with the first page.
 */
export function sessionRetryLink(refresh: () => Promise<{ csrfToken: string }>): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        let closed = false;
        let current = next(op).subscribe({
          next: (value) => observer.next(value),
          complete: () => observer.complete(),
          error: (error) => {
            const pass = () =>
              void loadReasonWords()
                .catch(() => undefined)
                .then(() => closed || observer.error(error));
            const { code, reason } = describeError(error);
            if (code !== 'UNAUTHORIZED' || reason !== 'sign_in_required' || op.path.startsWith('auth.'))
              return pass();
            void refreshSession(refresh).then((outcome) => {
              if (outcome !== 'renewed') return pass();
              if (!closed) current = next(op).subscribe(observer);
            });
          },
        });
        return () => {
          closed = true;
          current.unsubscribe();
        };
      });
}

export interface TrpcClientOptions {
  /** Absolute in tests (jsdom has no page origin to resolve `/trpc` against). */
  url?: string;
  /** The transport under the timeout: the browser's fetch, or a wire-format fake in component tests. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * The one tRPC client: plain JSON (no transformer, docs/architecture.md), batched, with cookies and the
 * CSRF header of the current session, and one refresh-and-retry for a call whose access token died
 * (sessionRetryLink). Subscriptions (order status) go over SSE through a splitLink.
 */
export function createTrpcClient(options: TrpcClientOptions = {}): TrpcClient {
  const url = options.url ?? '/trpc';
  const transport = fetchWithTimeout(options.timeoutMs, options.fetch);
  const csrfHeader = () => {
    const token = getCsrfToken();
    return token ? { 'x-csrf-token': token } : {};
  };
  // A client of its own, so the refresh never waits in a batch with the calls it unblocks.
  const refresher = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url, maxItems: 1, fetch: transport, headers: csrfHeader })],
  });
  return trpc.createClient({
    links: [
      sessionRetryLink(() => refresher.auth.refresh.mutate()),
      splitLink({
        condition: (op) => op.type === 'subscription',
        // A live stream has no request timeout: EventSource reconnects by itself when it drops.
        true: httpSubscriptionLink({ url, eventSourceOptions: { withCredentials: true } }),
        false: httpBatchLink({
          url,
          maxItems: MAX_BATCH_ITEMS,
          maxURLLength: 2000,
          fetch: transport,
          headers: csrfHeader,
        }),
      }),
    ],
  });
}
