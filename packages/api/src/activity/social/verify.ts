import {
  isSocialTaskKind,
  socialTaskService,
  type TActivityVerifyInput,
  type TActivityVerifyOutput,
} from '@puffy/contracts';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { PreconditionFailed } from '../../platform/errors';
import { activityScopeKey } from '../campaign-completions';
import { campaignActivity, requireRunning, visibleCampaign } from '../catalog';
import { completeActivityOnce, completionRejected, memberCompletion } from '../completion';
import { socialVerifiers } from '../kinds';
import { ServiceThrottled } from './answer';
import { linkedAccountId, recordCheck, serviceOffered } from './evidence';
import { socialCheckRetryJob } from './jobs-definitions';
import { completionColumns, reinstateCompletion } from './standing';

/*
 * `activity.verify` (docs/product/social-tasks.md): the member presses Verify, we ask the service
 * with their linked account or our bot, keep its answer, and complete the task when it confirms. A
 * service that throttles us queues the same check for the moment it names; the member is told we are
 * checking, and the activity list shows the outcome once the job ran.
 */

type VerifyDeps = Deps;

export function verifySocialTask(
  deps: VerifyDeps,
  userId: string,
  input: TActivityVerifyInput,
): Promise<TActivityVerifyOutput> {
  return runCheck(deps, userId, input, 'member');
}

export async function runCheck(
  deps: VerifyDeps,
  userId: string,
  input: TActivityVerifyInput,
  trigger: 'member' | 'retry',
): Promise<TActivityVerifyOutput> {
  const { db, t } = deps.db;
  const campaign = await visibleCampaign(deps, db, input.campaignId);
  requireRunning(campaign, deps.clock.now());
  const activity = await campaignActivity(deps, input.campaignId, input.activityId);
  if (!isSocialTaskKind(activity.kind))
    throw new PreconditionFailed('This activity is not checked with a service.', 'not_checked_task');
  const service = socialTaskService[activity.kind];
  if (!serviceOffered(deps, service))
    throw new PreconditionFailed(
      'This task cannot be checked on this server right now.',
      `${service}_not_configured`,
    );
  const accountId = await linkedAccountId(deps, db, userId, service);
  const reply = (
    outcome: TActivityVerifyOutput['outcome'],
    pointsAwarded = 0,
    retryAt: Date | null = null,
  ) => ({
    campaignId: input.campaignId,
    activityId: input.activityId,
    outcome,
    pointsAwarded,
    retryAt: retryAt?.toISOString() ?? null,
  });

  const scopeKey = activityScopeKey(activity.scope, input.campaignId);
  const [existing] = await db
    .select(completionColumns(t))
    .from(t.userActivities)
    .where(
      and(
        eq(t.userActivities.userId, userId),
        eq(t.userActivities.activityId, input.activityId),
        eq(t.userActivities.scopeKey, scopeKey),
      ),
    )
    .limit(1);
  if (existing?.status === 'rejected') throw completionRejected();
  // Completed (or waiting for review) in this scope: the service is not asked again for nothing. A
  // global task completed elsewhere still earns this campaign's points, as every member activity does.
  const complete = (data: Record<string, unknown>) =>
    completeActivityOnce(deps, memberCompletion(userId, input, activity, data));
  if (existing && existing.status !== 'revoked') {
    const outcome = await complete(existing.data);
    return reply(outcome.status === 'completed' ? 'completed' : 'pending_review', outcome.pointsAwarded);
  }

  const evidence = { userId, activityId: input.activityId, campaignId: input.campaignId, trigger };
  let result: Awaited<ReturnType<(typeof socialVerifiers)[typeof activity.kind]['check']>>;
  try {
    result = await socialVerifiers[activity.kind].check(deps, {
      userId,
      accountId,
      parameter: activity.parameter,
      proofUrl: input.proof?.url,
    });
  } catch (error) {
    if (!(error instanceof ServiceThrottled)) throw error;
    await deps.db.withTransaction(async (tx) => {
      await recordCheck(deps, tx, { ...evidence, outcome: 'throttled', answer: error.answer });
      await deps.jobs.queue.enqueue(
        socialCheckRetryJob,
        { userId, activityId: input.activityId, campaignId: input.campaignId, proofUrl: input.proof?.url },
        // Keyed by the reset too: a retry that is throttled again queues its successor while it still runs.
        {
          tx,
          startAfter: error.retryAt,
          singletonKey: `${userId}:${input.activityId}:${input.campaignId}:${error.retryAt.getTime()}`,
        },
      );
    });
    return reply('checking', 0, error.retryAt);
  }
  await recordCheck(deps, db, {
    ...evidence,
    outcome: result.passed ? 'passed' : 'failed',
    answer: result.answer,
  });
  if (!result.passed) return reply('not_done');
  const data = { ...result.data, checkedAt: deps.clock.now().toISOString() };
  if (existing?.status === 'revoked') {
    const awarded = await deps.db.withTransaction((tx) =>
      reinstateCompletion(deps, tx, existing, {
        campaignId: input.campaignId,
        points: activity.points,
        data,
      }),
    );
    return reply('completed', awarded ?? 0);
  }
  const outcome = await complete(data);
  if (outcome.status === 'rejected' || outcome.status === 'revoked') throw completionRejected();
  return reply(outcome.status, outcome.pointsAwarded);
}
