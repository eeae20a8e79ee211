import { CircleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ErrorDetails } from '../components/error-message';
import { RateLimitCountdown } from '../components/rate-limit-countdown';
import { Alert, AlertDescription, AlertTitle } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { describeError } from '../lib/errors';
import { claimRefusal } from './words';

/** A refused claim or payment: what went wrong (the server's words) and what to do next. */
export function RefusalNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('nft');
  const refusal = claimRefusal(t, error);
  const shown = describeError(error);
  return (
    <Alert variant="destructive" role="alert" data-reason={refusal.reason ?? refusal.code}>
      <CircleAlert aria-hidden="true" />
      <AlertTitle>{refusal.title}</AlertTitle>
      <AlertDescription>
        <p className="text-foreground">{refusal.message}</p>
        {refusal.nextStep && <p>{refusal.nextStep}</p>}
        {shown.retryAfterSeconds !== null && <RateLimitCountdown seconds={shown.retryAfterSeconds} />}
        <ErrorDetails requestId={shown.requestId} />
        {onRetry && (
          <Button variant="outline" size="sm" className="justify-self-start" onClick={onRetry}>
            {t('refusal.retry')}
          </Button>
        )}
      </AlertDescription>
    </Alert>
  );
}
