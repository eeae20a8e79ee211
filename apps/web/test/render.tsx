import { type RenderResult, render } from '@testing-library/react';
import { createMemoryRouter, type RouteObject, RouterProvider } from 'react-router-dom';
import { AppProviders } from '../src/app';
import { createQueryClient } from '../src/lib/query-client';
import { createTrpcClient } from '../src/lib/trpc';
import { routes } from '../src/routes';

/** The real providers and tRPC client over a memory router; only the transport under fetch is fake. */
export function renderApp(
  path: string,
  fetchImpl: typeof fetch,
  routeTable: RouteObject[] = routes,
): RenderResult & { router: ReturnType<typeof createMemoryRouter> } {
  const queryClient = createQueryClient();
  const trpcClient = createTrpcClient({ url: 'http://localhost/trpc', fetch: fetchImpl });
  const router = createMemoryRouter(routeTable, { initialEntries: [path] });
  const result = render(
    <AppProviders trpcClient={trpcClient} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router };
}
