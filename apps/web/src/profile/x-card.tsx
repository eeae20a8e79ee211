import type { TUserInfo } from '@puffy/contracts';
import { AtSign, Lock } from 'lucide-react';
import { Trans, useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/error-message';
import { SkeletonText } from '../components/skeleton';
import { Alert, AlertDescription, AlertTitle } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { useServerFeatures } from '../lib/server-features';
import { trpc } from '../lib/trpc';
import { ProfilePanel } from './profile-panel';
import { StartXLink } from './start-x-link';

/**
 * The X account: link it through X's OAuth, or unlink it unless the link is locked (it earned
 * something, or an admin locked it): the server enforces the lock, the card explains it.
 */
export function XCard({ info }: { info: TUserInfo }) {
  const { t } = useTranslation('profile');
  const lock = trpc.user.twitterLock.useQuery();
  const utils = trpc.useUtils();
  const unlink = trpc.user.twitter.unlink.useMutation({
    onSuccess: async () => {
      await Promise.all([utils.user.info.invalidate(), utils.user.twitterLock.invalidate()]);
    },
  });
  const twitter = info.twitter;
  const { xLinking } = useServerFeatures();

  if (twitter === null) {
    return (
      <ProfilePanel section="x" icon={AtSign}>
        {xLinking ? (
          <>
            <p className="text-sm">{t('x.lead')}</p>
            <div className="self-start">
              <StartXLink />
            </div>
          </>
        ) : (
          <p className="text-muted-foreground text-sm" data-testid="x-unavailable">
            {t('x.unavailable')}
          </p>
        )}
      </ProfilePanel>
    );
  }
  return (
    <ProfilePanel section="x" icon={AtSign}>
      <p className="text-sm">
        <Trans
          t={t}
          i18nKey="x.linkedAs"
          values={{ name: twitter.handle ? `@${twitter.handle}` : t('x.account', { id: twitter.id }) }}
          components={{ strong: <strong /> }}
        />
      </p>
      {lock.isPending ? (
        <SkeletonText lines={1} label={t('x.checkingLock')} />
      ) : lock.isError ? (
        <ErrorMessage error={lock.error} onRetry={() => void lock.refetch()} />
      ) : lock.data.locked ? (
        <Alert data-testid="x-locked">
          <Lock aria-hidden="true" />
          <AlertTitle>{t('x.locked')}</AlertTitle>
          <AlertDescription>
            {lock.data.reason ?? t('x.lockedDefault')} {t('x.lockedNote')}
          </AlertDescription>
        </Alert>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" disabled={unlink.isPending} onClick={() => unlink.mutate()}>
            {unlink.isPending ? t('x.unlinking') : t('x.unlink')}
          </Button>
          <StartXLink label={t('x.linkOther')} variant="outline" />
        </div>
      )}
      {unlink.isError && <ErrorMessage error={unlink.error} />}
    </ProfilePanel>
  );
}
