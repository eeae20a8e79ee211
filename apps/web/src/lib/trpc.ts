import type { AppRouter } from '@puffy/api/router-type';
import { httpBatchLink } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import { getCsrfToken } from './session-token';

export const trpc = createTRPCReact<AppRouter>();

export const REQUEST_TIMEOUT_MS = 15_000;

/** fetch with the SPA's request timeout: a hung request fails with a clear error instead of spinning forever. */
export function fetchWithTimeout(timeoutMs = REQUEST_TIMEOUT_MS): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal, credentials: 'include' });
  };
}

export function createTrpcClient(options: { url?: string; fetch?: typeof fetch } = {}) {
  return trpc.createClient({
    links: [
      httpBatchLink({
        url: options.url ?? '/trpc',
        fetch: options.fetch ?? fetchWithTimeout(),
        headers: () => {
          const token = getCsrfToken();
          return token ? { 'x-csrf-token': token } : {};
        },
      }),
    ],
  });
}
