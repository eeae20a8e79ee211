import { ExternalLink } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/error-message';
import { Button } from '../components/ui/button';
import { trpc } from '../lib/trpc';
import { browserNavigation } from './leave';

/**
 * "Link X": asks the server for X's authorize URL (it keeps the PKCE verifier and `state`) and leaves
 * for X, which sends the member back to `/auth/oauth-callback`.
 */
export function StartXLink({ label, variant }: { label?: string; variant?: 'default' | 'outline' }) {
  const { t } = useTranslation('profile');
  const start = trpc.user.twitter.start.useMutation({
    onSuccess: (data) => browserNavigation.open(data.authorizeUrl),
  });
  const leaving = start.isPending || start.isSuccess;
  return (
    <>
      <Button variant={variant} onClick={() => start.mutate()} disabled={leaving}>
        <ExternalLink aria-hidden="true" />
        {leaving ? t('x.opening') : (label ?? t('x.link'))}
      </Button>
      {start.isError && <ErrorMessage error={start.error} />}
    </>
  );
}
