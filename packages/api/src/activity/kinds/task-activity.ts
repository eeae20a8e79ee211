import type { TActivityScope } from '@puffy/contracts';
import type { z } from 'zod';
import type { Deps } from '../../deps';
import { PreconditionFailed } from '../../platform/errors';
import { activitySettings, campaignActivity } from '../catalog';
import type { ActivityCompletion } from '../completion';

/** A self-checking task of a campaign with its kind's settings read (docs/product/tasks.md). */
export interface TaskActivity<P> {
  activityId: number;
  campaignId: number;
  scope: TActivityScope;
  points: number;
  task: P;
  review: boolean;
  grantsProductSku: string | null;
}

/**
 * The campaign's activity `activityId`, which must be of `kind`, with its parameter read by `schema`.
 * A parameter that does not read (written before the schema, or by hand) refuses the member instead
 * of guessing.
 */
export async function taskActivity<S extends z.ZodType>(
  deps: Pick<Deps, 'db'>,
  ids: { campaignId: number; activityId: number },
  kind: string,
  schema: S,
): Promise<TaskActivity<z.infer<S>>> {
  const activity = await campaignActivity(deps, ids.campaignId, ids.activityId);
  if (activity.kind !== kind)
    throw new PreconditionFailed('This activity is not that kind of task.', 'wrong_task_kind');
  const parsed = schema.safeParse(activity.parameter);
  if (!parsed.success)
    throw new PreconditionFailed(
      'This task is not set up completely yet. Try again later.',
      'task_misconfigured',
    );
  const settings = activitySettings(activity.parameter);
  return {
    activityId: ids.activityId,
    campaignId: ids.campaignId,
    scope: activity.scope,
    points: activity.points,
    task: parsed.data,
    review: settings.review ?? false,
    grantsProductSku: settings.grantsProductSku ?? null,
  };
}

/** The completion a task's check earns, with what the check saw as its evidence. */
export function taskCompletion(
  activity: TaskActivity<unknown>,
  userId: string,
  evidence: Record<string, unknown>,
): ActivityCompletion {
  return {
    userId,
    activityId: activity.activityId,
    activityScope: activity.scope,
    campaignId: activity.campaignId,
    points: activity.points,
    status: activity.review ? 'pending_review' : 'completed',
    data: evidence,
    grantsProductSku: activity.grantsProductSku,
  };
}
