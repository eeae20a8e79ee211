import { type RenderResult, render } from '@testing-library/react';
import { type Location, MemoryRouter, type RouteObject, useLocation } from 'react-router-dom';
import { AppProviders } from '../src/app';
import { createQueryClient } from '../src/lib/query-client';
import { createTrpcClient } from '../src/lib/trpc';
import { AppRoutes, routes } from '../src/routes';

/** Where the memory router is now, read the way tests read a router: `router.state.location`. */
export interface RouterProbe {
  state: { location: Location };
}

function LocationProbe({ probe }: { probe: RouterProbe }) {
  probe.state.location = useLocation();
  return null;
}

/**
 * The real providers, routes and tRPC client over a memory router (the app runs the same routes in
 * the browser's router); only the transport under fetch is fake.
 */
export function renderApp(
  path: string,
  fetchImpl: typeof fetch,
  routeTable: RouteObject[] = routes,
): RenderResult & { router: RouterProbe } {
  const queryClient = createQueryClient();
  const trpcClient = createTrpcClient({ url: 'http://localhost/trpc', fetch: fetchImpl });
  const [pathname = '/', search = ''] = path.split('?');
  const router: RouterProbe = {
    state: {
      location: { pathname, search: search ? `?${search}` : '', hash: '', state: null, key: 'default' },
    },
  };
  const result = render(
    <AppProviders trpcClient={trpcClient} queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]} useTransitions={false}>
        <AppRoutes table={routeTable} />
        <LocationProbe probe={router} />
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...result, router };
}
