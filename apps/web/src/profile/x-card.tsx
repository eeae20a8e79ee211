import type { TUserInfo } from '@puffy/contracts';
import { ErrorMessage } from '../components/error-message';
import { SkeletonText } from '../components/skeleton';
import { useServerFeatures } from '../lib/server-features';
import { trpc } from '../lib/trpc';
import { StartXLink } from './start-x-link';

/**
 * The X account: link it through X's OAuth, or unlink it unless the link is locked (it earned
 * something, or an admin locked it): the server enforces the lock, the card explains it.
 */
export function XCard({ info }: { info: TUserInfo }) {
  const lock = trpc.user.twitterLock.useQuery();
  const utils = trpc.useUtils();
  const unlink = trpc.user.twitter.unlink.useMutation({
    onSuccess: async () => {
      await Promise.all([utils.user.info.invalidate(), utils.user.twitterLock.invalidate()]);
    },
  });
  const twitter = info.twitter;
  const { xLinking } = useServerFeatures();

  return (
    <section className="card profile-card" aria-labelledby="profile-x">
      <h2 id="profile-x">X (Twitter)</h2>
      {twitter === null ? (
        xLinking ? (
          <>
            <p>Link your X account to take part in X activities. One X account links to one member only.</p>
            <StartXLink />
          </>
        ) : (
          <p className="muted" data-testid="x-unavailable">
            Linking an X account is not available at the moment, so X activities cannot be done yet.
          </p>
        )
      ) : (
        <>
          <p>
            Linked as <strong>{twitter.handle ? `@${twitter.handle}` : `X account ${twitter.id}`}</strong>
          </p>
          {lock.isPending ? (
            <SkeletonText lines={1} label="Checking the lock" />
          ) : lock.isError ? (
            <ErrorMessage error={lock.error} onRetry={() => void lock.refetch()} />
          ) : lock.data.locked ? (
            <p className="profile-locked" data-testid="x-locked">
              <span className="badge">Locked</span> {lock.data.reason ?? 'Your X link is locked.'} It cannot
              be unlinked or changed.
            </p>
          ) : (
            <div className="profile-actions">
              <button
                type="button"
                className="secondary"
                disabled={unlink.isPending}
                onClick={() => unlink.mutate()}
              >
                {unlink.isPending ? 'Unlinking…' : 'Unlink X'}
              </button>
              <StartXLink label="Link a different X account" />
            </div>
          )}
          {unlink.isError && <ErrorMessage error={unlink.error} />}
        </>
      )}
    </section>
  );
}
