import { LockKeyhole } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SkeletonCard } from '../components/skeleton';
import { Card, CardDescription, CardHeader } from '../components/ui/card';
import { useAuth } from './auth-context';

/**
 * Private pages render nothing private until the session is known: a skeleton while it loads, a
 * sign-in prompt when there is none. No flash of someone's content, no redirect loop.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const auth = useAuth();
  if (auth.status === 'loading') return <SkeletonCard />;
  if (auth.status === 'signedOut') {
    return (
      <Card as="section" data-testid="sign-in-required">
        <CardHeader>
          {/* The page's own heading: nothing else of a private page shows before sign-in. */}
          <h1 className="flex items-center gap-2 font-semibold text-2xl leading-tight">
            <LockKeyhole className="size-5 shrink-0 text-primary" aria-hidden="true" />
            {t('signInRequired.title')}
          </h1>
          <CardDescription>{t('signInRequired.body')}</CardDescription>
        </CardHeader>
        {auth.notice && <p className="text-muted-foreground text-sm">{auth.notice}</p>}
      </Card>
    );
  }
  return <>{children}</>;
}
