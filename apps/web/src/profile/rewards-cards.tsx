import type { TUserInfo } from '@puffy/contracts';
import { ChevronRight, Gem, Trophy, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Panel } from '../campaigns/panel';
import { Badge } from '../components/ui/badge';
import { formatNumber, networkName } from '../lib/format';
import { CopyButton } from './copy-button';
import { formatDate, shortId } from './format';

const NFT_STATUS_VARIANT = {
  new: 'warning',
  paid: 'secondary',
  payment_confirmed: 'secondary',
  minted: 'success',
  mint_failed: 'destructive',
  payment_expired: 'outline',
} as const;

/** user.info carries the newest items of each list; older ones are on the list's own pages. */
function MoreNote({ hasMore, what }: { hasMore: boolean; what: 'nfts' | 'referrals' }) {
  const { t } = useTranslation('profile');
  if (!hasMore) return null;
  return <p className="text-muted-foreground text-xs">{t(`moreNote.${what}`)}</p>;
}

export function PointsCard({ info }: { info: TUserInfo }) {
  const { t } = useTranslation('profile');
  const active = info.campaignActivities.items.length + info.activities.items.length > 0;
  return (
    <Panel titleId="profile-points" icon={Trophy} title={t('points.title')}>
      <p className="font-bold text-4xl tabular-nums tracking-tight" data-testid="profile-points">
        {formatNumber(info.points)}
      </p>
      <p className="text-muted-foreground text-sm">{active ? t('points.earned') : t('points.none')}</p>
    </Panel>
  );
}

function NftRow({ nft }: { nft: TUserInfo['nfts']['items'][number] }) {
  const { t } = useTranslation('profile');
  const name = <strong className="font-semibold tabular-nums">#{nft.sequence}</strong>;
  return (
    <li className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1.5 rounded-lg border px-3 py-2.5">
      {nft.status === 'minted' ? <Link to={`/nft/${nft.id}`}>{name}</Link> : name}
      <Badge variant="outline">{networkName(nft.network)}</Badge>
      <Badge variant={NFT_STATUS_VARIANT[nft.status]}>{t(`nfts.status.${nft.status}`)}</Badge>
      {nft.assetAddress && (
        <span className="ml-auto font-mono text-muted-foreground text-xs" title={nft.assetAddress}>
          {shortId(nft.assetAddress)}
        </span>
      )}
      {nft.status === 'minted' && (
        <ChevronRight className="size-4 text-muted-foreground" aria-hidden="true" />
      )}
    </li>
  );
}

export function NftsCard({ nfts }: { nfts: TUserInfo['nfts'] }) {
  const { t } = useTranslation('profile');
  return (
    <Panel titleId="profile-nfts" icon={Gem} title={t('nfts.title')}>
      {nfts.items.length === 0 ? (
        <p className="text-muted-foreground text-sm">{t('nfts.empty')}</p>
      ) : (
        <ul className="grid gap-2">
          {nfts.items.map((nft) => (
            <NftRow key={nft.id} nft={nft} />
          ))}
        </ul>
      )}
      <MoreNote hasMore={nfts.hasMore} what="nfts" />
    </Panel>
  );
}

export function ReferralsCard({ info }: { info: TUserInfo }) {
  const { t } = useTranslation('profile');
  const { referrals, referralCode } = info;
  return (
    <Panel titleId="profile-referrals" icon={Users} title={t('referrals.title')}>
      {referralCode ? (
        <div className="flex flex-wrap items-center gap-2 rounded-lg bg-muted px-3 py-2">
          <span className="text-muted-foreground text-xs">{t('referrals.code')}</span>
          <strong className="font-mono">{referralCode}</strong>
          <CopyButton
            value={referralCode}
            label={t('referrals.copy')}
            copied={t('referrals.copied')}
            iconOnly
            className="ml-auto"
          />
        </div>
      ) : (
        <p className="text-muted-foreground text-sm">{t('referrals.noCode')}</p>
      )}
      {referrals.items.length === 0 ? (
        <p className="text-muted-foreground text-sm">{t('referrals.empty')}</p>
      ) : (
        <ul className="grid gap-1.5">
          {referrals.items.map((r) => (
            <li
              key={`${r.refereeUserId}:${r.campaignId ?? 'global'}`}
              className="flex flex-wrap items-center justify-between gap-x-3 text-sm"
            >
              <span className="font-mono" title={r.refereeUserId}>
                {shortId(r.refereeUserId)}
              </span>
              <span className="text-muted-foreground text-xs">
                {t('referrals.joined', { date: formatDate(r.createdAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <MoreNote hasMore={referrals.hasMore} what="referrals" />
    </Panel>
  );
}
