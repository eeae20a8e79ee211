import { describeError } from '../lib/errors';
import { RateLimitCountdown } from './rate-limit-countdown';

/** The one way a failed call is shown: title, message, countdown on rate limits, the request id for support. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const shown = describeError(error);
  return (
    <div className="card error-card" role="alert">
      <h3>{shown.title}</h3>
      <p>{shown.message}</p>
      {shown.retryAfterSeconds !== null && <RateLimitCountdown seconds={shown.retryAfterSeconds} />}
      {shown.requestId && <p className="muted">Reference: {shown.requestId}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
