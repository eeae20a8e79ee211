import { useState } from 'react';
import { describeError } from '../lib/errors';
import { fieldLabel } from '../lib/field-words';
import { RateLimitCountdown } from './rate-limit-countdown';

/** The request id for support, folded away: it is for the people who read the server's logs. */
export function ErrorDetails({ requestId }: { requestId: string | null }) {
  if (!requestId) return null;
  return (
    <details className="error-details small">
      <summary>Details</summary>
      <p>
        If you contact support, quote this request id: <span className="mono">{requestId}</span>
      </p>
    </details>
  );
}

/**
 * The one way a failed call is shown: title and the message in words for people, what to fix in which
 * field (unless the form shows that beside its inputs), a countdown on rate limits (the retry button
 * waits for it), and the request id for support under "Details".
 */
export function ErrorMessage({
  error,
  onRetry,
  fieldsShownInForm = false,
}: {
  error: unknown;
  onRetry?: () => void;
  fieldsShownInForm?: boolean;
}) {
  const shown = describeError(error);
  const [waiting, setWaiting] = useState(shown.retryAfterSeconds !== null && shown.retryAfterSeconds > 0);
  const fields = fieldsShownInForm ? [] : Object.entries(shown.fieldErrors);
  return (
    <div className="notice notice-error" role="alert">
      <h3>{shown.title}</h3>
      <p>{shown.message}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map(([path, messages]) => {
            const label = fieldLabel(path);
            const text = messages.join(' ');
            // The message often says it already; a label only when it adds where.
            return <li key={path}>{label && text !== shown.message ? `${label}: ${text}` : text}</li>;
          })}
        </ul>
      )}
      {shown.retryAfterSeconds !== null && (
        <RateLimitCountdown seconds={shown.retryAfterSeconds} onDone={() => setWaiting(false)} />
      )}
      <ErrorDetails requestId={shown.requestId} />
      {onRetry && (
        <button type="button" onClick={onRetry} disabled={waiting}>
          Try again
        </button>
      )}
    </div>
  );
}
