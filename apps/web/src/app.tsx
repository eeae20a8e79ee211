import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { AuthProvider } from './auth/auth-context';
import { ErrorBoundary } from './components/error-boundary';
import './i18n';
import { createQueryClient } from './lib/query-client';
import { createTrpcClient, type TrpcClient, trpc } from './lib/trpc';
import { AppRoutes } from './routes';

/** The data layer every page reads through; tests wrap the same providers around a memory router. */
export function AppProviders({
  trpcClient,
  queryClient,
  children,
}: {
  trpcClient: TrpcClient;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <AuthProvider>{children}</AuthProvider>
      </QueryClientProvider>
    </trpc.Provider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(() => createTrpcClient());
  return (
    // The last line of defence: a crash outside the router (in a provider) still gets a way back.
    <ErrorBoundary boundary="app" scope="page" onReset={() => window.location.reload()}>
      <AppProviders trpcClient={trpcClient} queryClient={queryClient}>
        {/* The declarative router: its data-router mode would add 17 KB gzip to the first load. Without
            transitions a navigation shows the page's skeleton at once, and tests (test/render.tsx) see
            the same router. */}
        <BrowserRouter useTransitions={false}>
          <AppRoutes />
        </BrowserRouter>
      </AppProviders>
    </ErrorBoundary>
  );
}
