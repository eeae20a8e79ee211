import type { TNftStatus, TOrderStatus } from '@puffy/contracts';
import { ArrowLeft, Lock, LockOpen, LogOut } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonText } from '../../components/skeleton';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Separator } from '../../components/ui/separator';
import { chainName, formatNumber } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { AdminPage } from './admin-page';
import { DoneNote, LinkButton } from './controls';
import MemberProducts from './member-products';
import { RetryMintButton } from './retry-mint';

/** One member as an operator sees them: standing, avatar lock, sessions, products and passes. */
export default function MemberStandingPage() {
  const { t } = useTranslation('admin');
  const { userId = '' } = useParams();
  const utils = trpc.useUtils();
  const standing = trpc.admin.members.standing.useQuery({ userId });
  const refresh = () => void utils.admin.members.standing.invalidate({ userId });
  const lock = trpc.admin.members.setAvatarLock.useMutation({ onSuccess: refresh });
  const revoke = trpc.admin.members.revokeSessions.useMutation({ onSuccess: refresh });
  if (standing.isPending) return <SkeletonText lines={6} label={t('member.loading')} />;
  if (standing.error) return <ErrorMessage error={standing.error} onRetry={() => standing.refetch()} />;
  const { info, role, activeSessions, orders, devicePasses } = standing.data;
  const orderText = Object.entries(orders)
    .map(([status, n]) => `${formatNumber(n)} ${t(`member.orderStatuses.${status as TOrderStatus}`)}`)
    .join(', ');
  // The member's standing as label and value, in the order an operator reads it.
  const facts: [string, ReactNode, string?][] = [
    [
      t('member.wallet'),
      <span key="wallet" className="break-all font-mono text-xs">
        {chainName(info.chain)} · {info.walletAddress}
      </span>,
    ],
    [t('member.role'), t(`members.roles.${role}`)],
    [t('member.email'), info.email ?? t('member.noEmail')],
    [
      t('member.x'),
      info.twitter ? `@${info.twitter.handle ?? '?'} (${info.twitter.id})` : t('member.notLinked'),
    ],
    [t('member.points'), formatNumber(info.points)],
    [
      t('member.nfts'),
      info.nfts.items.length === 0
        ? t('member.none')
        : info.nfts.items.map((n) => (
            <span key={n.id} className="flex flex-wrap items-center gap-2" data-testid={`nft-${n.id}`}>
              #{n.sequence}
              <Badge variant={n.status === 'mint_failed' ? 'destructive' : 'secondary'}>
                {t(`member.nftStatuses.${n.status as TNftStatus}`)}
              </Badge>
              {n.status === 'mint_failed' && <RetryMintButton nftId={n.id} userId={userId} />}
            </span>
          )),
    ],
    [t('member.orders'), orderText || t('member.none')],
    [t('member.devicePasses'), t('member.passCounts', devicePasses)],
    [t('member.sessions'), t('member.activeSessions', { count: activeSessions }), 'active-sessions'],
    [t('member.avatar'), info.avatarLocked ? t('member.locked') : t('member.unlocked')],
  ];
  return (
    <AdminPage
      title={info.name ?? info.walletAddress}
      action={
        <LinkButton to="/admin/members" icon={ArrowLeft} variant="outline" size="sm">
          {t('member.back')}
        </LinkButton>
      }
    >
      <dl className="grid min-w-0 grid-cols-1 gap-x-6 gap-y-1 text-sm [overflow-wrap:anywhere] sm:grid-cols-[10rem_minmax(0,1fr)]">
        {facts.map(([label, value, testId]) => (
          <div key={label} className="contents">
            <dt className="pt-2 text-muted-foreground sm:pt-0">{label}</dt>
            <dd className="flex flex-col gap-1" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="outline"
          disabled={lock.isPending}
          onClick={() => lock.mutate({ userId, locked: !info.avatarLocked })}
        >
          {info.avatarLocked ? <LockOpen aria-hidden="true" /> : <Lock aria-hidden="true" />}
          {info.avatarLocked ? t('member.unlock') : t('member.lock')}
        </Button>
        <Button
          variant="destructive"
          disabled={revoke.isPending || activeSessions === 0}
          onClick={() => revoke.mutate({ userId })}
        >
          <LogOut aria-hidden="true" />
          {t('member.signOut')}
        </Button>
      </div>
      {revoke.data && <DoneNote>{t('member.ended', { count: revoke.data.sessionsEnded })}</DoneNote>}
      {lock.error && <ErrorMessage error={lock.error} />}
      {revoke.error && <ErrorMessage error={revoke.error} />}
      <Separator />
      <MemberProducts userId={userId} />
    </AdminPage>
  );
}
