import {
  type TPartnerCompletion,
  type TPartnerCompletionAnswer,
  type TTaskInput,
  ZPartnerTaskParameter,
} from '@puffy/contracts';
import { eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { type PartnerKey, requireGrant, spendPartnerCall } from '../../partners/keys';
import { recordAudit } from '../../platform/audit';
import { NotFound, PreconditionFailed } from '../../platform/errors';
import { requireRunning, visibleCampaign } from '../catalog';
import { completeActivityIn } from '../completion';
import { taskActivity, taskCompletion } from './task-activity';

/*
 * "Partner API" tasks (docs/product/tasks.md): a partner with a `tasks:complete` key for the campaign
 * completes the task for a member named by wallet. The natural key (member, activity, scope) makes
 * the call idempotent: a second call, or two at once, records one completion and one award.
 */

async function memberByWallet(deps: Pick<Deps, 'db'>, wallet: string): Promise<string> {
  const { db, t } = deps.db;
  const [row] = await db
    .select({ userId: t.userWallets.userId })
    .from(t.userWallets)
    .where(eq(t.userWallets.address, wallet))
    .limit(1);
  if (!row) throw new NotFound('No member has signed in with this wallet.', 'member_not_found');
  return row.userId;
}

export async function completePartnerTask(
  deps: Pick<Deps, 'db' | 'clock' | 'limiter'>,
  key: PartnerKey,
  ids: TTaskInput,
  body: TPartnerCompletion,
  requestId: string | null,
): Promise<TPartnerCompletionAnswer> {
  await spendPartnerCall(deps, key);
  await requireGrant(deps, key, 'tasks:complete', ids.campaignId, requestId);
  const campaign = await visibleCampaign(deps, deps.db.db, ids.campaignId);
  requireRunning(campaign, deps.clock.now());
  const task = await taskActivity(deps, ids, 'partner_api', ZPartnerTaskParameter);
  const userId = await memberByWallet(deps, body.wallet);
  const evidence = {
    partner: { keyId: key.id, keyName: key.name, reference: body.reference ?? null },
    checkedAt: deps.clock.now().toISOString(),
  };
  return deps.db.withTransaction(async (tx) => {
    const outcome = await completeActivityIn(deps, tx, taskCompletion(task, userId, evidence));
    // A revoked completion is one a re-check withdrew (social-tasks.md); a partner's call does not reinstate it.
    if (outcome.status === 'rejected' || outcome.status === 'revoked')
      throw new PreconditionFailed(
        'An operator rejected this member’s completion of the task; it cannot be completed again.',
        'completion_rejected',
      );
    await recordAudit(
      deps,
      tx,
      { userId: null, requestId },
      {
        action: 'partner.task_completed',
        targetType: 'partner_key',
        targetId: key.id,
        before: null,
        after: { ...ids, userId, reference: body.reference ?? null, created: outcome.isNew },
      },
    );
    return {
      ...ids,
      status: outcome.status,
      created: outcome.isNew,
      pointsAwarded: outcome.pointsAwarded,
    };
  });
}
