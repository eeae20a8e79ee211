import { lamportsToSol, type TCampaignActivity, type TTaskView } from '@puffy/contracts';
import { ExternalLink } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { Button } from '../../components/ui/button';
import { trpc } from '../../lib/trpc';
import { useRetryLock } from '../use-retry-lock';

/*
 * The member's side of the self-checking tasks (docs/product/tasks.md): each reads `activity.task`
 * and completes through its own door. Words are in the `tasks` catalog.
 */

type Ids = { campaignId: number; activityId: number };

function useRefreshAfterTask(campaignId: number) {
  const utils = trpc.useUtils();
  return () =>
    Promise.all([
      utils.activity.list.invalidate({ campaignId }),
      utils.activity.task.invalidate(),
      utils.campaign.info.invalidate({ campaignId }),
      utils.campaign.leaderboard.invalidate(),
    ]);
}

function QuizForm({ ids, quiz }: { ids: Ids; quiz: Extract<TTaskView, { kind: 'quiz' }> }) {
  const { t } = useTranslation('tasks');
  const refresh = useRefreshAfterTask(ids.campaignId);
  const [picks, setPicks] = useState<number[][]>(() => quiz.questions.map(() => []));
  const answer = trpc.activity.answerQuiz.useMutation({ onSuccess: refresh });
  const locked = useRetryLock(answer.error);
  const left = quiz.maxAttempts - quiz.attemptsUsed;
  const result = answer.data?.result ?? quiz.lastResult;
  const pick = (question: number, choice: number, multiple: boolean) =>
    setPicks((all) =>
      all.map((chosen, i) => {
        if (i !== question) return chosen;
        if (!multiple) return [choice];
        return chosen.includes(choice) ? chosen.filter((c) => c !== choice) : [...chosen, choice];
      }),
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    answer.mutate({ ...ids, answers: picks });
  };
  const complete = picks.every((chosen) => chosen.length > 0);
  return (
    <form className="grid gap-3" onSubmit={submit} data-testid="quiz">
      {quiz.questions.map((q) => (
        <fieldset key={q.index} className="grid gap-1.5">
          <legend className="mb-1 font-medium text-sm">
            {q.index + 1}. {q.prompt}
            {q.multiple && <span className="ml-1 text-muted-foreground">({t('quiz.pickAll')})</span>}
          </legend>
          {q.choices.map((choice, c) => (
            <label key={choice} className="flex min-h-9 cursor-pointer items-center gap-2 text-sm">
              <input
                type={q.multiple ? 'checkbox' : 'radio'}
                name={`q${ids.activityId}-${q.index}`}
                className="size-4 accent-primary"
                checked={picks[q.index]?.includes(c) ?? false}
                onChange={() => pick(q.index, c, q.multiple)}
              />
              {choice}
            </label>
          ))}
        </fieldset>
      ))}
      {result && (
        <p className="text-sm" data-testid="quiz-result" role="status">
          {result.passed
            ? t('quiz.passed', { correct: result.correct, total: result.total })
            : t('quiz.failed', { correct: result.correct, total: result.total, needed: result.needed })}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={!complete || answer.isPending || locked || left <= 0}>
          {answer.isPending ? t('quiz.checking') : t('quiz.submit')}
        </Button>
        <span className="text-muted-foreground text-sm">
          {left > 0 ? t('quiz.attemptsLeft', { count: left }) : t('quiz.noAttempts')}
        </span>
      </div>
      {answer.isError && <ErrorMessage key={answer.submittedAt} error={answer.error} />}
    </form>
  );
}

function VisitLink({ ids, link }: { ids: Ids; link: Extract<TTaskView, { kind: 'visit_link' }> }) {
  const { t } = useTranslation('tasks');
  const refresh = useRefreshAfterTask(ids.campaignId);
  if (!link.go) return null;
  return (
    <Button asChild variant="secondary" className="justify-self-start">
      {/* Our redirect records the visit; the list refreshes when the member comes back to the tab. */}
      <a href={link.go} target="_blank" rel="noopener noreferrer" onClick={() => setTimeout(refresh, 1500)}>
        <ExternalLink aria-hidden="true" />
        {t('link.open', { host: link.host })}
      </a>
    </Button>
  );
}

function OnchainCheck({ ids, task }: { ids: Ids; task: Extract<TTaskView, { kind: 'onchain_tx' }> }) {
  const { t } = useTranslation('tasks');
  const refresh = useRefreshAfterTask(ids.campaignId);
  const check = trpc.activity.complete.useMutation({ onSuccess: refresh });
  const locked = useRetryLock(check.error);
  return (
    <div className="grid gap-2">
      <dl className="grid gap-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)] sm:gap-x-3">
        <dt className="text-muted-foreground">{t('onchain.program')}</dt>
        <dd className="break-all font-mono text-xs">{task.programId}</dd>
        {task.minLamports && (
          <>
            <dt className="text-muted-foreground">{t('onchain.minimum')}</dt>
            <dd>{t('onchain.sol', { amount: lamportsToSol(BigInt(task.minLamports)) })}</dd>
          </>
        )}
      </dl>
      <Button
        variant="secondary"
        className="justify-self-start"
        disabled={check.isPending || locked}
        onClick={() => check.mutate(ids)}
      >
        {check.isPending ? t('onchain.checking') : t('onchain.check')}
      </Button>
      {check.isError && <ErrorMessage key={check.submittedAt} error={check.error} />}
    </div>
  );
}

/** The kinds that have a card of their own; the activity row shows the card for these. */
export const TASK_CARD_KINDS = new Set<TCampaignActivity['kind']>(['quiz', 'visit_link', 'onchain_tx']);

/** A self-checking task's card for a signed-in member who has not completed it yet. */
export function TaskCard({ campaignId, activity }: { campaignId: number; activity: TCampaignActivity }) {
  const ids = { campaignId, activityId: activity.activityId };
  const task = trpc.activity.task.useQuery(ids);
  if (task.isPending) return null;
  if (task.isError) return <ErrorMessage error={task.error} onRetry={() => void task.refetch()} />;
  const view = task.data;
  if (view.kind === 'quiz') return <QuizForm ids={ids} quiz={view} />;
  if (view.kind === 'visit_link') return <VisitLink ids={ids} link={view} />;
  if (view.kind === 'onchain_tx') return <OnchainCheck ids={ids} task={view} />;
  return null;
}
