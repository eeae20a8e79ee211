import { useEffect } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { reportClientError } from '../lib/report-error';
import NotFoundPage from '../pages/not-found';
import { ErrorFallback } from './error-fallback';
import { MAIN_CLASS, SiteHeader } from './layout';

/**
 * The router's error element at the layout level: it takes over when the layout itself fails, so
 * the member still sees the product's header and a way back instead of a blank page.
 */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  useEffect(() => {
    if (!notFound) reportClientError(error, { boundary: 'layout' });
  }, [error, notFound]);
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader nav={false} />
      <main id="main" className={MAIN_CLASS}>
        {notFound ? (
          <NotFoundPage />
        ) : (
          <ErrorFallback error={error} scope="page" onRetry={() => window.location.reload()} />
        )}
      </main>
    </div>
  );
}
