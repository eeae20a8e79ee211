import { CircleAlert } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';
import { fieldLabel } from '../lib/field-words';
import { RateLimitCountdown } from './rate-limit-countdown';
import { Alert, AlertDescription, AlertTitle } from './ui/alert';
import { Button } from './ui/button';

/** The request id for support, folded away: it is for the people who read the server's logs. */
export function ErrorDetails({ requestId }: { requestId: string | null }) {
  const { t } = useTranslation();
  if (!requestId) return null;
  return (
    <details className="text-muted-foreground text-sm">
      <summary className="w-fit cursor-pointer">{t('details')}</summary>
      <p className="mt-1">
        {t('requestId')} <span className="break-all font-mono">{requestId}</span>
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
  const { t } = useTranslation();
  const shown = describeError(error);
  const [waiting, setWaiting] = useState(shown.retryAfterSeconds !== null && shown.retryAfterSeconds > 0);
  const fields = fieldsShownInForm ? [] : Object.entries(shown.fieldErrors);
  return (
    <Alert variant="destructive" role="alert">
      <CircleAlert aria-hidden="true" />
      <AlertTitle>{shown.title}</AlertTitle>
      <AlertDescription>
        <p>{shown.message}</p>
        {fields.length > 0 && (
          <ul className="list-disc pl-5">
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
          <Button
            variant="outline"
            size="sm"
            className="mt-1 w-fit text-foreground"
            onClick={onRetry}
            disabled={waiting}
          >
            {t('tryAgain')}
          </Button>
        )}
      </AlertDescription>
    </Alert>
  );
}
