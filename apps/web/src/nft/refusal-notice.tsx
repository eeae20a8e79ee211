import { RateLimitCountdown } from '../components/rate-limit-countdown';
import { describeError } from '../lib/errors';
import { claimRefusal } from './words';

/** A refused claim or payment: what went wrong (the server's words) and what to do next. */
export function RefusalNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const refusal = claimRefusal(error);
  const retryAfter = describeError(error).retryAfterSeconds;
  return (
    <div
      className="notice notice-error nft-refusal"
      role="alert"
      data-reason={refusal.reason ?? refusal.code}
    >
      <h3>{refusal.title}</h3>
      <p>{refusal.message}</p>
      {refusal.nextStep && <p className="nft-next-step">{refusal.nextStep}</p>}
      {retryAfter !== null && <RateLimitCountdown seconds={retryAfter} />}
      {onRetry && (
        <button type="button" className="secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
