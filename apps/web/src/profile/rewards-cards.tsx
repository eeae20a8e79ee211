import type { TUserInfo } from '@puffy/contracts';
import type { ReactNode } from 'react';
import { formatNumber, networkName } from '../lib/format';
import { formatDate, shortId } from './format';

/** user.info carries the newest items of each list; older ones are on the list's own pages. */
function MoreNote({ hasMore, what }: { hasMore: boolean; what: string }) {
  if (!hasMore) return null;
  return <p className="muted small">Showing your most recent {what}; older ones are not listed here.</p>;
}

function ListCard({
  id,
  title,
  empty,
  count,
  children,
}: {
  id: string;
  title: string;
  empty: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <section className="card profile-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {count === 0 ? <p className="muted">{empty}</p> : children}
    </section>
  );
}

export function PointsCard({ info }: { info: TUserInfo }) {
  return (
    <section className="card profile-card profile-points" aria-labelledby="profile-points">
      <h2 id="profile-points">Points</h2>
      <p className="profile-big" data-testid="profile-points">
        {formatNumber(info.points)}
      </p>
      <p className="muted small">
        {info.campaignActivities.items.length + info.activities.items.length > 0
          ? 'Earned by completing activities.'
          : 'Complete activities in a campaign to earn points.'}
      </p>
    </section>
  );
}

export function NftsCard({ nfts }: { nfts: TUserInfo['nfts'] }) {
  return (
    <ListCard
      id="profile-nfts"
      title="NFTs"
      empty="No NFTs yet. Claim one in a campaign you are eligible for."
      count={nfts.items.length}
    >
      <ul className="profile-list">
        {nfts.items.map((nft) => (
          <li key={nft.id}>
            <strong>#{nft.sequence}</strong> <span className="badge">{networkName(nft.network)}</span>{' '}
            <span className={`profile-status profile-status-${nft.status}`}>{nft.status}</span>
            {nft.assetAddress && (
              <>
                {' '}
                <span className="mono small" title={nft.assetAddress}>
                  {shortId(nft.assetAddress)}
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
      <MoreNote hasMore={nfts.hasMore} what="NFTs" />
    </ListCard>
  );
}

export function ReferralsCard({ info }: { info: TUserInfo }) {
  const { referrals } = info;
  return (
    <section className="card profile-card" aria-labelledby="profile-referrals">
      <h2 id="profile-referrals">Referrals</h2>
      {info.referralCode ? (
        <p>
          Your referral code: <strong className="mono">{info.referralCode}</strong>
        </p>
      ) : (
        <p className="muted">You have no referral code yet.</p>
      )}
      {referrals.items.length === 0 ? (
        <p className="muted">Nobody joined with your code yet.</p>
      ) : (
        <>
          <ul className="profile-list">
            {referrals.items.map((r) => (
              <li key={`${r.refereeUserId}:${r.campaignId ?? 'global'}`}>
                <span className="mono" title={r.refereeUserId}>
                  {shortId(r.refereeUserId)}
                </span>{' '}
                <span className="muted small">joined {formatDate(r.createdAt)}</span>
              </li>
            ))}
          </ul>
          <MoreNote hasMore={referrals.hasMore} what="referrals" />
        </>
      )}
    </section>
  );
}
