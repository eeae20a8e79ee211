import { ErrorMessage } from '../components/error-message';
import { SkeletonCard } from '../components/skeleton';
import { useDocumentTitle } from '../lib/document-title';
import { trpc } from '../lib/trpc';
import { DevicePassCard } from '../profile/device-pass-card';
import { DiscordCard } from '../profile/discord-card';
import { EmailCard } from '../profile/email-card';
import { NftsCard, PointsCard, ReferralsCard } from '../profile/rewards-cards';
import { SessionsCard } from '../profile/sessions-card';
import { WalletsCard } from '../profile/wallets-card';
import { XCard } from '../profile/x-card';

/** The member's own profile (behind RequireAuth): wallets, linked accounts, points, NFTs, referrals. */
export default function ProfilePage() {
  useDocumentTitle('Profile');
  const info = trpc.user.info.useQuery(undefined, { staleTime: 15_000 });
  return (
    <>
      <h1 className="font-bold text-3xl">Profile</h1>
      {info.isPending ? (
        <div className="profile-grid">
          <SkeletonCard label="Loading your profile" />
          <SkeletonCard label="Loading your linked accounts" />
        </div>
      ) : info.isError ? (
        <ErrorMessage error={info.error} onRetry={() => void info.refetch()} />
      ) : (
        <div className="profile-grid">
          <PointsCard info={info.data} />
          <EmailCard email={info.data.email} />
          <WalletsCard info={info.data} />
          <XCard info={info.data} />
          <DiscordCard discord={info.data.discord} />
          <NftsCard nfts={info.data.nfts} />
          <ReferralsCard info={info.data} />
          <DevicePassCard />
          <SessionsCard />
        </div>
      )}
    </>
  );
}
