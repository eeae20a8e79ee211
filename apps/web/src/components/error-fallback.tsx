import { describeError, isApiError } from '../lib/errors';
import { ErrorDetails } from './error-message';

interface ErrorFallbackProps {
  error: unknown;
  onRetry: () => void;
  /** `page` when the whole screen failed, `section` when only a route's content did. */
  scope?: 'page' | 'section';
}

/** What a boundary shows: a friendly message, the request id when a call caused it, and a way back. */
export function ErrorFallback({ error, onRetry, scope = 'section' }: ErrorFallbackProps) {
  const shown = describeError(error);
  const message = isApiError(error)
    ? shown.message
    : scope === 'page'
      ? 'The page stopped working. Trying again usually fixes it.'
      : 'This part of the page stopped working. The rest of the app still works.';
  return (
    <section className="card error-card" role="alert">
      <h2>Something went wrong</h2>
      <p>{message}</p>
      <ErrorDetails requestId={shown.requestId} />
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </section>
  );
}
