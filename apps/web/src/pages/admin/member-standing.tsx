import { Link, useParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonText } from '../../components/skeleton';
import { useDocumentTitle } from '../../lib/document-title';
import { trpc } from '../../lib/trpc';
import MemberProducts from './member-products';
import { RetryMintButton } from './retry-mint';

/** One member as an operator sees them: standing, avatar lock, sessions, products and passes. */
export default function MemberStandingPage() {
  useDocumentTitle('Member · Admin');
  const { userId = '' } = useParams();
  const utils = trpc.useUtils();
  const standing = trpc.admin.members.standing.useQuery({ userId });
  const lock = trpc.admin.members.setAvatarLock.useMutation({
    onSuccess: () => void utils.admin.members.standing.invalidate({ userId }),
  });
  const revoke = trpc.admin.members.revokeSessions.useMutation({
    onSuccess: () => void utils.admin.members.standing.invalidate({ userId }),
  });
  if (standing.isPending) return <SkeletonText lines={6} label="Loading the member" />;
  if (standing.error) return <ErrorMessage error={standing.error} onRetry={() => standing.refetch()} />;
  const { info, role, activeSessions, orders, devicePasses } = standing.data;
  const orderText = Object.entries(orders)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  return (
    <section className="card min-w-0 [overflow-wrap:anywhere]">
      <p className="small">
        <Link to="/admin/members">← Members</Link>
      </p>
      <h1>{info.name ?? info.walletAddress}</h1>
      <dl className="small">
        <dt>Wallet</dt>
        <dd className="break-all font-mono text-xs">
          {info.chain}:{info.walletAddress}
        </dd>
        <dt>Role</dt>
        <dd>{role}</dd>
        <dt>Email</dt>
        <dd>{info.email ?? 'none verified'}</dd>
        <dt>X</dt>
        <dd>{info.twitter ? `@${info.twitter.handle ?? '?'} (${info.twitter.id})` : 'not linked'}</dd>
        <dt>Points</dt>
        <dd>{info.points}</dd>
        <dt>NFTs</dt>
        <dd>
          {info.nfts.items.length === 0
            ? 'none'
            : info.nfts.items.map((n) => (
                <span key={n.id} className="flex flex-wrap items-center gap-2" data-testid={`nft-${n.id}`}>
                  #{n.sequence} {n.status}
                  {n.status === 'mint_failed' && <RetryMintButton nftId={n.id} userId={userId} />}
                </span>
              ))}
        </dd>
        <dt>Orders</dt>
        <dd>{orderText || 'none'}</dd>
        <dt>Device passes</dt>
        <dd>
          {devicePasses.active} active, {devicePasses.used} used, {devicePasses.revoked} revoked
        </dd>
        <dt>Sessions</dt>
        <dd data-testid="active-sessions">{activeSessions} active</dd>
        <dt>Avatar</dt>
        <dd>{info.avatarLocked ? 'locked' : 'unlocked'}</dd>
      </dl>
      <button
        type="button"
        className="button"
        disabled={lock.isPending}
        onClick={() => lock.mutate({ userId, locked: !info.avatarLocked })}
      >
        {info.avatarLocked ? 'Unlock avatar' : 'Lock avatar'}
      </button>
      <button
        type="button"
        className="button button-danger"
        disabled={revoke.isPending || activeSessions === 0}
        onClick={() => revoke.mutate({ userId })}
      >
        Sign out everywhere
      </button>
      {revoke.data && (
        <p role="status" className="small">
          {revoke.data.sessionsEnded} session(s) ended.
        </p>
      )}
      {lock.error && <ErrorMessage error={lock.error} />}
      {revoke.error && <ErrorMessage error={revoke.error} />}
      <MemberProducts userId={userId} />
    </section>
  );
}
