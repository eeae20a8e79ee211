import { TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { describeError, isApiError } from '../lib/errors';
import { ErrorDetails } from './error-message';
import { Button } from './ui/button';
import { Card, CardDescription, CardHeader, CardTitle } from './ui/card';

interface ErrorFallbackProps {
  error: unknown;
  onRetry: () => void;
  /** `page` when the whole screen failed, `section` when only a route's content did. */
  scope?: 'page' | 'section';
}

/** What a boundary shows: a friendly message, the request id when a call caused it, and a way back. */
export function ErrorFallback({ error, onRetry, scope = 'section' }: ErrorFallbackProps) {
  const { t } = useTranslation();
  const shown = describeError(error);
  // A crash in our own code has no words for people; a failed call brings its own.
  const message = isApiError(error) ? shown.message : t(`crashed.${scope}`);
  return (
    <Card as="section" className="border-destructive/35" role="alert">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <TriangleAlert className="size-5 shrink-0 text-destructive" aria-hidden="true" />
          {t('crashed.title')}
        </CardTitle>
        <CardDescription>{message}</CardDescription>
      </CardHeader>
      <ErrorDetails requestId={shown.requestId} />
      <Button className="w-fit" onClick={onRetry}>
        {t('tryAgain')}
      </Button>
    </Card>
  );
}
