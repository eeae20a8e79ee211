import { QueryClientProvider } from '@tanstack/react-query';
import { type RenderResult, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { createQueryClient, routes } from '../src/app';
import { createTrpcClient, trpc } from '../src/lib/trpc';

/** A fake transport for component tests: answers tRPC's batched wire format from a table of results. */
export function wireFetch(answers: Record<string, unknown>, status = 200): typeof fetch {
  return async (input) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://localhost',
    );
    const paths = url.pathname.replace('/trpc/', '').split(',');
    const body = paths.map(
      (path) =>
        answers[path] ?? {
          error: {
            message: `no answer for ${path}`,
            code: -32004,
            data: { code: 'NOT_FOUND', httpStatus: 404 },
          },
        },
    );
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
}

export function renderAt(path: string, fetchImpl: typeof fetch): RenderResult {
  const queryClient = createQueryClient();
  const client = createTrpcClient({ url: 'http://localhost/trpc', fetch: fetchImpl });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return render(
    <trpc.Provider client={client} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </trpc.Provider>,
  );
}
