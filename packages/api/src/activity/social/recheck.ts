import { isSocialTaskKind, socialTaskService, type TRecheckOutput } from '@puffy/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { type AuditActor, recordAudit } from '../../platform/audit';
import { NotFound, PreconditionFailed } from '../../platform/errors';
import { socialVerifiers } from '../kinds';
import { ServiceThrottled } from './answer';
import { recordCheck, serviceOffered } from './evidence';
import { socialRecheckJob } from './jobs-definitions';
import { completionColumns, revokeCompletion } from './standing';
import type { CheckResult } from './verifier';

/*
 * Re-checks a completed task with its service (docs/product/social-tasks.md): still confirmed, it
 * stays; no longer confirmed (unfollowed, left the server, post deleted, account unlinked), it is
 * revoked and its points reversed through the ledger. Throttled, the re-check is queued for the reset.
 */

const accountColumn = { x: 'twitterId', discord: 'discordId', telegram: 'telegramId' } as const;

export async function recheckCompletion(
  deps: Deps,
  userActivityId: string,
  actor: AuditActor | null,
): Promise<TRecheckOutput> {
  const { db, t } = deps.db;
  const [row] = await db
    .select({
      ...completionColumns(t),
      kind: t.activities.kind,
      parameter: t.activities.parameter,
      twitterId: t.users.twitterId,
      discordId: t.users.discordId,
      telegramId: t.users.telegramId,
    })
    .from(t.userActivities)
    .innerJoin(t.activities, eq(t.activities.id, t.userActivities.activityId))
    .innerJoin(t.users, eq(t.users.id, t.userActivities.userId))
    .where(eq(t.userActivities.id, userActivityId))
    .limit(1);
  if (!row) throw new NotFound('There is no such activity completion.', 'completion_not_found');
  if (!isSocialTaskKind(row.kind))
    throw new PreconditionFailed('Only tasks checked with a service can be re-checked.', 'not_checked_task');
  const done = (status: TRecheckOutput['status'], pointsReversed = 0) => ({
    userActivityId,
    status,
    pointsReversed,
  });
  if (row.status !== 'completed') return done(row.status === 'revoked' ? 'revoked' : 'completed');
  const service = socialTaskService[row.kind];
  if (!serviceOffered(deps, service))
    throw new PreconditionFailed(
      'This task cannot be checked on this server right now.',
      `${service}_not_configured`,
    );
  const campaignId = typeof row.data.campaignId === 'number' ? row.data.campaignId : null;
  const evidence = {
    userId: row.userId,
    activityId: row.activityId,
    campaignId,
    trigger: 'recheck' as const,
  };
  const accountId = row[accountColumn[service]];
  let result: CheckResult;
  try {
    result = accountId
      ? await socialVerifiers[row.kind].check(deps, {
          userId: row.userId,
          accountId,
          parameter: row.parameter,
          recorded: row.data,
        })
      : { passed: false, answer: { account: 'unlinked' } };
  } catch (error) {
    if (!(error instanceof ServiceThrottled)) throw error;
    await deps.db.withTransaction(async (tx) => {
      await recordCheck(deps, tx, { ...evidence, outcome: 'throttled', answer: error.answer });
      await deps.jobs.queue.enqueue(
        socialRecheckJob,
        { userActivityId },
        {
          tx,
          startAfter: error.retryAt,
          // Keyed by the reset: a queued re-check that is throttled again queues its successor.
          singletonKey: `${userActivityId}:${error.retryAt.getTime()}`,
        },
      );
    });
    return done('checking');
  }
  return deps.db.withTransaction(async (tx) => {
    await recordCheck(deps, tx, {
      ...evidence,
      outcome: result.passed ? 'passed' : 'failed',
      answer: result.answer,
    });
    const reversed = result.passed ? 0 : await revokeCompletion(deps, tx, row);
    if (actor)
      await recordAudit(deps, tx, actor, {
        action: 'activity.rechecked',
        targetType: 'user_activity',
        targetId: userActivityId,
        before: { status: 'completed', userId: row.userId, activityId: row.activityId },
        after: { status: result.passed ? 'completed' : 'revoked', pointsReversed: reversed },
      });
    return done(result.passed ? 'completed' : 'revoked', reversed);
  });
}

/** Queues a re-check of every completed checked task of a campaign (its own and its global ones). */
export async function queueCampaignRecheck(
  deps: Deps,
  actor: AuditActor,
  campaignId: number,
): Promise<{ queued: number }> {
  const { t } = deps.db;
  const kinds = Object.keys(socialTaskService) as Array<keyof typeof socialTaskService>;
  return deps.db.withTransaction(async (tx) => {
    const listed = await tx
      .select({ activityId: t.campaignActivities.activityId })
      .from(t.campaignActivities)
      .innerJoin(t.activities, eq(t.activities.id, t.campaignActivities.activityId))
      .where(and(eq(t.campaignActivities.campaignId, campaignId), inArray(t.activities.kind, kinds)));
    const ids = listed.map((l) => l.activityId);
    const rows =
      ids.length === 0
        ? []
        : await tx
            .select({ id: t.userActivities.id })
            .from(t.userActivities)
            .where(and(inArray(t.userActivities.activityId, ids), eq(t.userActivities.status, 'completed')));
    let queued = 0;
    for (const row of rows) {
      const id = await deps.jobs.queue.enqueue(
        socialRecheckJob,
        { userActivityId: row.id },
        {
          tx,
          singletonKey: row.id,
        },
      );
      if (id) queued += 1;
    }
    await recordAudit(deps, tx, actor, {
      action: 'campaign.tasks_recheck_queued',
      targetType: 'campaign',
      targetId: String(campaignId),
      before: null,
      after: { queued },
    });
    return { queued };
  });
}
