import { readXPostUrl, type TCampaign, type TCampaignActivity } from '@puffy/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/error-message';
import { SkeletonText } from '../components/skeleton';
import { useServerFeatures } from '../lib/server-features';
import { trpc } from '../lib/trpc';
import { useRetryLock } from './use-retry-lock';

const AUTOMATIC: Record<TCampaignActivity['kind'], string> = {
  sign_in: 'Completes itself when you sign in.',
  verify_email: 'Completes itself when you verify your email on your profile.',
  link_x: 'Completes itself when you link your X account on your profile.',
  link_discord: 'Completes itself when you link Discord on your profile.',
  refer_friends: 'Completes itself when enough friends join with your referral code.',
  x_post: 'Post on X and paste the link.',
  manual: 'Mark it done when you have done it.',
};

const STATUS: Record<TCampaignActivity['status'], string> = {
  not_started: 'To do',
  completed: 'Done',
  pending_review: 'Waiting for review',
  rejected: 'Not accepted',
};

function useCompleteActivity(campaignId: number) {
  const utils = trpc.useUtils();
  return trpc.activity.complete.useMutation({
    onSuccess: () =>
      Promise.all([
        utils.activity.list.invalidate({ campaignId }),
        utils.campaign.info.invalidate({ campaignId }),
        utils.campaign.leaderboard.invalidate(),
      ]),
  });
}

function XPostForm({ campaignId, activity }: { campaignId: number; activity: TCampaignActivity }) {
  const ids = useId();
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const complete = useCompleteActivity(campaignId);
  const locked = useRetryLock(complete.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reading = readXPostUrl(url);
    const found = reading.ok ? null : reading.problem;
    setProblem(found);
    if (!found) complete.mutate({ campaignId, activityId: activity.activityId, proof: { url: url.trim() } });
  };
  return (
    <form className="campaign-form campaign-inline" onSubmit={submit} noValidate>
      <label htmlFor={`${ids}-url`}>Link to your post on X</label>
      <input
        id={`${ids}-url`}
        type="url"
        inputMode="url"
        placeholder="https://x.com/yourname/status/123"
        value={url}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${ids}-url-error` : undefined}
        onChange={(e) => setUrl(e.target.value)}
      />
      {problem && (
        <p id={`${ids}-url-error`} className="campaign-field-error">
          {problem}
        </p>
      )}
      <button type="submit" disabled={complete.isPending || locked}>
        {complete.isPending ? 'Sending…' : 'Submit post'}
      </button>
      {complete.isError && <ErrorMessage key={complete.submittedAt} error={complete.error} />}
    </form>
  );
}

function ManualButton({ campaignId, activity }: { campaignId: number; activity: TCampaignActivity }) {
  const complete = useCompleteActivity(campaignId);
  const locked = useRetryLock(complete.error);
  return (
    <>
      <button
        type="button"
        disabled={complete.isPending || locked}
        onClick={() => complete.mutate({ campaignId, activityId: activity.activityId })}
      >
        {complete.isPending ? 'Saving…' : 'Mark as done'}
      </button>
      {complete.isError && <ErrorMessage key={complete.submittedAt} error={complete.error} />}
    </>
  );
}

/** Activities that need a linked X account: nothing a member can do where X cannot be linked. */
const NEEDS_X = new Set<TCampaignActivity['kind']>(['link_x', 'x_post']);
const X_UNAVAILABLE = 'Not available at the moment: X accounts cannot be linked here yet.';

function ActivityRow({
  campaignId,
  activity,
  signedIn,
  xLinking,
}: {
  campaignId: number;
  activity: TCampaignActivity;
  signedIn: boolean;
  xLinking: boolean;
}) {
  const unavailable = NEEDS_X.has(activity.kind) && !xLinking;
  const open = activity.status === 'not_started' || activity.status === 'rejected';
  const selfServe = activity.initiatedByUser && open && signedIn && !unavailable;
  return (
    <li className="campaign-activity" data-status={activity.status}>
      <div className="campaign-activity-head">
        <strong>{activity.name}</strong>
        <span className="badge">{activity.points} points</span>
        {activity.required && <span className="badge">Required</span>}
        <span className={`badge campaign-status-${activity.status}`}>
          {open && unavailable ? 'Unavailable' : STATUS[activity.status]}
        </span>
      </div>
      {activity.description && <p className="small">{activity.description}</p>}
      {open && unavailable && (
        <p className="muted small" data-testid="activity-unavailable">
          {X_UNAVAILABLE}
        </p>
      )}
      {open && !unavailable && (
        <p className="muted small">
          {activity.initiatedByUser && !signedIn ? 'Sign in to complete it.' : AUTOMATIC[activity.kind]}
        </p>
      )}
      {selfServe && activity.kind === 'x_post' && <XPostForm campaignId={campaignId} activity={activity} />}
      {selfServe && activity.kind !== 'x_post' && (
        <ManualButton campaignId={campaignId} activity={activity} />
      )}
    </li>
  );
}

/**
 * The campaign's activities and their points (`activity.list`, a page at a time), completed through
 * `activity.complete`.
 */
export function Activities({ campaign }: { campaign: TCampaign }) {
  const auth = useAuth();
  const list = trpc.activity.list.useInfiniteQuery(
    { campaignId: campaign.id },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  const signedIn = auth.status === 'signedIn';
  const { xLinking } = useServerFeatures();
  const pages = list.data?.pages ?? [];
  const activities = pages.flatMap((page) => page.items);
  // Every page carries the member's points; the newest read is the one to show.
  const points = pages.at(-1)?.points ?? 0;
  return (
    <section className="card" aria-labelledby="activities-title">
      <h2 id="activities-title">Activities</h2>
      {list.isPending && <SkeletonText lines={3} label="Loading activities" />}
      {list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && activities.length === 0 && (
        <p className="muted" data-testid="activities-empty">
          This campaign has no activities.
        </p>
      )}
      {activities.length > 0 && (
        <>
          {signedIn && <p>You have {points} points in this campaign.</p>}
          <ul className="campaign-activities">
            {activities.map((a) => (
              <ActivityRow
                key={a.activityId}
                campaignId={campaign.id}
                activity={a}
                signedIn={signedIn}
                xLinking={xLinking}
              />
            ))}
          </ul>
        </>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="campaign-quiet"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? 'Loading…' : 'Show more activities'}
        </button>
      )}
    </section>
  );
}
