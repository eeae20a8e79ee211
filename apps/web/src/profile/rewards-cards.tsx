import type { TUserInfo } from '@puffy/contracts';
import { Gem, type LucideIcon, Trophy, Users, Wallet } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge } from '../components/ui/badge';
import { formatNumber, networkName } from '../lib/format';
import { CopyButton } from './copy-button';
import { formatDate, shortId } from './format';
import { ProfilePanel } from './profile-panel';

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

/** One figure of the summary strip: what it counts, the number, and a line on where it comes from. */
function Stat({
  icon: Icon,
  label,
  value,
  hint,
  testId,
}: {
  icon: LucideIcon;
  label: string;
  value: string;
  hint?: string;
  testId?: string;
}) {
  return (
    <div className="grid min-w-0 content-start gap-1 rounded-xl border bg-card px-4 py-3 shadow-sm">
      <dt className="flex items-center gap-1.5 text-muted-foreground text-xs">
        <Icon className="size-3.5 text-primary" aria-hidden="true" />
        {label}
      </dt>
      <dd className="font-bold text-3xl tabular-nums tracking-tight" data-testid={testId}>
        {value}
      </dd>
      {hint && <dd className="text-muted-foreground text-xs">{hint}</dd>}
    </div>
  );
}

/** How many a bounded list holds: "20+" when user.info left older ones out. */
const counted = (list: { items: unknown[]; hasMore: boolean }) =>
  `${formatNumber(list.items.length)}${list.hasMore ? '+' : ''}`;

/**
 * The profile's summary strip: points first (with how they are earned), then how many wallets, NFTs
 * and referrals the cards below list. The lists are bounded, so a count says "at least" with a plus.
 */
export function ProfileStats({ info }: { info: TUserInfo }) {
  const { t } = useTranslation('profile');
  const active = info.campaignActivities.items.length + info.activities.items.length > 0;
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label={t('stats.label')}>
      <Stat
        icon={Trophy}
        label={t('points.title')}
        value={formatNumber(info.points)}
        hint={active ? t('points.earned') : t('points.none')}
        testId="profile-points"
      />
      <Stat icon={Wallet} label={t('wallets.title')} value={formatNumber(info.wallets.length)} />
      <Stat icon={Gem} label={t('nfts.title')} value={counted(info.nfts)} />
      <Stat icon={Users} label={t('referrals.title')} value={counted(info.referrals)} />
    </dl>
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
    </li>
  );
}

export function NftsCard({ nfts }: { nfts: TUserInfo['nfts'] }) {
  const { t } = useTranslation('profile');
  return (
    <ProfilePanel section="nfts" icon={Gem}>
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
    </ProfilePanel>
  );
}

export function ReferralsCard({ info }: { info: TUserInfo }) {
  const { t } = useTranslation('profile');
  const { referrals, referralCode } = info;
  return (
    <ProfilePanel section="referrals" icon={Users}>
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
    </ProfilePanel>
  );
}
