import { useState } from 'react';
import { describeError } from '../lib/errors';
import { RateLimitCountdown } from './rate-limit-countdown';

/**
 * The one way a failed call is shown: title and the server's message, a countdown on rate limits (the
 * retry button waits for it), and the request id for support.
 */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const shown = describeError(error);
  const [waiting, setWaiting] = useState(shown.retryAfterSeconds !== null && shown.retryAfterSeconds > 0);
  const fields = Object.entries(shown.fieldErrors);
  return (
    <div className="notice notice-error" role="alert">
      <h3>{shown.title}</h3>
      <p>{shown.message}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map(([field, messages]) => (
            <li key={field}>
              {field}: {messages.join(', ')}
            </li>
          ))}
        </ul>
      )}
      {shown.retryAfterSeconds !== null && (
        <RateLimitCountdown seconds={shown.retryAfterSeconds} onDone={() => setWaiting(false)} />
      )}
      {shown.requestId && <p className="muted small">Reference: {shown.requestId}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry} disabled={waiting}>
          Try again
        </button>
      )}
    </div>
  );
}
