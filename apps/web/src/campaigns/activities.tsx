import { readXPostUrl, type TCampaign, type TCampaignActivity } from '@puffy/contracts';
import { ListTodo } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { Badge } from '../components/ui/badge';
import { Button } from '../components/ui/button';
import { FormField } from '../components/ui/form-field';
import { Input } from '../components/ui/input';
import { formatNumber } from '../lib/format';
import { useServerFeatures } from '../lib/server-features';
import { trpc } from '../lib/trpc';
import { LoadingLines } from './loading-lines';
import { Panel } from './panel';
import { ShowMore } from './show-more';
import { TASK_CARD_KINDS, TaskCard } from './tasks/task-cards';
import { useRetryLock } from './use-retry-lock';

const STATUS_VARIANT = {
  not_started: 'outline',
  completed: 'success',
  pending_review: 'warning',
  rejected: 'destructive',
  revoked: 'destructive',
} as const;

function useCompleteActivity(campaignId: number) {
  const utils = trpc.useUtils();
  const complete = trpc.activity.complete.useMutation({
    onSuccess: () =>
      Promise.all([
        utils.activity.list.invalidate({ campaignId }),
        utils.campaign.info.invalidate({ campaignId }),
        utils.campaign.leaderboard.invalidate(),
      ]),
  });
  const locked = useRetryLock(complete.error);
  return { complete, locked };
}

function XPostForm({ campaignId, activity }: { campaignId: number; activity: TCampaignActivity }) {
  const { t } = useTranslation('campaign');
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { complete, locked } = useCompleteActivity(campaignId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reading = readXPostUrl(url);
    const found = reading.ok ? null : reading.problem;
    setProblem(found);
    if (!found) complete.mutate({ campaignId, activityId: activity.activityId, proof: { url: url.trim() } });
  };
  return (
    <form className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end" onSubmit={submit} noValidate>
      <FormField label={t('activities.postLink')} error={problem}>
        <Input
          type="url"
          inputMode="url"
          placeholder="https://x.com/yourname/status/123"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      </FormField>
      <Button type="submit" disabled={complete.isPending || locked}>
        {complete.isPending ? t('activities.sending') : t('activities.submitPost')}
      </Button>
      {complete.isError && (
        <div className="sm:col-span-2">
          <ErrorMessage key={complete.submittedAt} error={complete.error} />
        </div>
      )}
    </form>
  );
}

function ManualButton({ campaignId, activity }: { campaignId: number; activity: TCampaignActivity }) {
  const { t } = useTranslation('campaign');
  const { complete, locked } = useCompleteActivity(campaignId);
  return (
    <>
      <Button
        variant="secondary"
        className="justify-self-start"
        disabled={complete.isPending || locked}
        onClick={() => complete.mutate({ campaignId, activityId: activity.activityId })}
      >
        {complete.isPending ? t('activities.saving') : t('activities.markDone')}
      </Button>
      {complete.isError && <ErrorMessage key={complete.submittedAt} error={complete.error} />}
    </>
  );
}

/** Activities that need a linked X account: nothing a member can do where X cannot be linked. */
const NEEDS_X = new Set<TCampaignActivity['kind']>(['link_x', 'x_post']);

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
  const { t } = useTranslation('campaign');
  const unavailable = NEEDS_X.has(activity.kind) && !xLinking;
  const open = activity.status === 'not_started' || activity.status === 'rejected';
  const selfServe = activity.initiatedByUser && open && signedIn && !unavailable;
  return (
    <li className="grid gap-2 rounded-lg border px-3 py-3" data-status={activity.status}>
      <div className="flex flex-wrap items-center gap-2">
        <strong className="mr-auto min-w-0 break-words">{activity.name}</strong>
        <Badge variant="secondary">
          {t('activities.points', { count: activity.points, points: formatNumber(activity.points) })}
        </Badge>
        {activity.required && <Badge variant="outline">{t('activities.required')}</Badge>}
        <Badge variant={open && unavailable ? 'outline' : STATUS_VARIANT[activity.status]}>
          {open && unavailable ? t('activities.unavailable') : t(`activities.status.${activity.status}`)}
        </Badge>
      </div>
      {activity.description && <p className="text-sm">{activity.description}</p>}
      {open && unavailable && (
        <p className="text-muted-foreground text-sm" data-testid="activity-unavailable">
          {t('activities.xUnavailable')}
        </p>
      )}
      {open && !unavailable && (
        <p className="text-muted-foreground text-sm">
          {activity.initiatedByUser && !signedIn
            ? t('activities.signIn')
            : t(`activities.how.${activity.kind}`)}
        </p>
      )}
      {selfServe && activity.kind === 'x_post' && <XPostForm campaignId={campaignId} activity={activity} />}
      {selfServe && TASK_CARD_KINDS.has(activity.kind) && (
        <TaskCard campaignId={campaignId} activity={activity} />
      )}
      {selfServe && activity.kind !== 'x_post' && !TASK_CARD_KINDS.has(activity.kind) && (
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
  const { t } = useTranslation('campaign');
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
    <Panel
      icon={ListTodo}
      title={t('activities.title')}
      description={
        signedIn && activities.length > 0
          ? t('activities.yourPoints', { count: points, points: formatNumber(points) })
          : undefined
      }
    >
      {list.isPending && <LoadingLines lines={3} label={t('activities.loading')} />}
      {list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && activities.length === 0 && (
        <EmptyState testId="activities-empty">{t('activities.empty')}</EmptyState>
      )}
      {activities.length > 0 && (
        <ul className="grid gap-2">
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
      )}
      <ShowMore list={list} label={t('activities.more')} loadingLabel={t('loadingMore')} />
    </Panel>
  );
}
