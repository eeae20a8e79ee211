import { UserRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/error-message';
import { SkeletonCard } from '../components/skeleton';
import { useDocumentTitle } from '../lib/document-title';
import { trpc } from '../lib/trpc';
import { DevicePassCard } from '../profile/device-pass-card';
import { DiscordCard } from '../profile/discord-card';
import { EmailCard } from '../profile/email-card';
import { NftsCard, ProfileStats, ReferralsCard } from '../profile/rewards-cards';
import { SessionsCard } from '../profile/sessions-card';
import { WalletsCard } from '../profile/wallets-card';
import { XCard } from '../profile/x-card';
import { PageHeader } from '../store/page-header';

/**
 * The member's own profile (behind RequireAuth): a summary strip (points first), then two columns from
 * tablet width, identity on the left (wallets, linked accounts), what the member earned and the
 * account's sessions on the right; one column on a phone, in the same order.
 */
export default function ProfilePage() {
  const { t } = useTranslation('profile');
  useDocumentTitle(t('title'));
  const info = trpc.user.info.useQuery(undefined, { staleTime: 15_000 });
  return (
    <>
      <PageHeader icon={UserRound} title={t('title')} lead={t('lead')} />
      {info.isPending ? (
        <div className="grid gap-6 md:grid-cols-2">
          <SkeletonCard label={t('loading')} />
          <SkeletonCard label={t('loadingLinks')} />
        </div>
      ) : info.isError ? (
        <ErrorMessage error={info.error} onRetry={() => void info.refetch()} />
      ) : (
        <>
          <ProfileStats info={info.data} />
          <div className="grid gap-6 md:grid-cols-2 md:items-start">
            <div className="grid min-w-0 gap-6">
              <WalletsCard info={info.data} />
              <EmailCard email={info.data.email} />
              <XCard info={info.data} />
              <DiscordCard discord={info.data.discord} />
            </div>
            <div className="grid min-w-0 gap-6">
              <NftsCard nfts={info.data.nfts} />
              <ReferralsCard info={info.data} />
              <DevicePassCard />
              <SessionsCard />
            </div>
          </div>
        </>
      )}
    </>
  );
}
