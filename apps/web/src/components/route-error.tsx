import type { ReactNode } from 'react';
import { ErrorBoundary } from './error-boundary';
import { ErrorFallback } from './error-fallback';
import { MAIN_CLASS, SiteHeader } from './layout';

/**
 * The boundary around the layout itself: when the layout fails (the header, a provider), the member
 * still sees the product's name and a way back instead of a blank page. Route content has its own,
 * inner boundary in the layout, which keeps the header and footer.
 */
export function LayoutBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary
      boundary="layout"
      fallback={(error) => (
        <div className="flex min-h-screen flex-col">
          <SiteHeader nav={false} />
          <main id="main" className={MAIN_CLASS}>
            <ErrorFallback error={error} scope="page" onRetry={() => window.location.reload()} />
          </main>
        </div>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
