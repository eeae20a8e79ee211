import { type Database, type Db, isPoolHandle, type Schema } from '@puffy/db';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Deps } from '../deps';
import { NotFound, PreconditionFailed } from '../platform/errors';
import { perDatabase } from '../platform/per-database';

/** The settings an activity's `parameter` may carry; anything else in it is left to its kind. */
const ZActivityParameter = z.object({
  /** An operator reviews each completion before its points count. */
  review: z.boolean().optional(),
  /** rc_products.sku a completion entitles the member to. */
  grantsProductSku: z.string().min(1).optional(),
});

export function activitySettings(parameter: unknown): z.infer<typeof ZActivityParameter> {
  const parsed = ZActivityParameter.safeParse(parameter);
  return parsed.success ? parsed.data : {};
}

interface CampaignWindow {
  isActive: boolean;
  startAt: Date | null;
  endAt: Date | null;
}

/** Active and between start and end: the only time activities count. */
export function isRunning(campaign: CampaignWindow, now: Date): boolean {
  if (!campaign.isActive) return false;
  if (campaign.startAt && campaign.startAt > now) return false;
  return !(campaign.endAt && campaign.endAt <= now);
}

/**
 * Campaign activity rows joined to the activities they list, with the columns asked for of either:
 * what every read of "a campaign's activities" starts from.
 */
export function selectCampaignActivities<F extends SelectedFields>(t: Schema, q: Database, columns: F) {
  return q
    .select(columns)
    .from(t.campaignActivities)
    .innerJoin(t.activities, eq(t.activities.id, t.campaignActivities.activityId));
}

/** What names an activity wherever a campaign's activities are listed. */
export const activityNaming = (t: Schema) => ({
  activityId: t.activities.id,
  name: t.activities.name,
  scope: t.activities.scope,
});

/** What a campaign sets for each activity it lists. */
export const campaignSettings = (t: Schema) => ({
  points: t.campaignActivities.points,
  quantity: t.campaignActivities.quantity,
  required: t.campaignActivities.required,
});

/** Inside a transaction (a prepared statement belongs to the pool, not to the transaction). */
function visibleCampaignInTx(db: Db, tx: Database, campaignId: number) {
  const c = db.t.campaigns;
  return tx
    .select({ id: c.id, isActive: c.isActive, startAt: c.startAt, endAt: c.endAt })
    .from(c)
    .where(and(eq(c.id, campaignId), eq(c.isReady, true), isNull(c.archivedAt)))
    .limit(1);
}

/**
 * The two reads of every `activity.list`, prepared once per database: built through the query
 * builder on each request they cost more than the database took to answer them.
 */
function prepareReads(db: Db) {
  const { t } = db;
  const c = t.campaigns;
  const p = sql.placeholder;
  return {
    visible: db.db
      .select({ id: c.id, isActive: c.isActive, startAt: c.startAt, endAt: c.endAt })
      .from(c)
      .where(and(eq(c.id, p('campaignId')), eq(c.isReady, true), isNull(c.archivedAt)))
      .limit(1)
      .prepare('visible_campaign'),
    activities: selectCampaignActivities(t, db.db, {
      key: t.campaignActivities.id,
      ...activityNaming(t),
      description: t.activities.description,
      kind: t.activities.kind,
      parameter: t.activities.parameter,
      initiatedByUser: t.activities.initiatedByUser,
      ...campaignSettings(t),
    })
      .where(
        and(eq(t.campaignActivities.campaignId, p('campaignId')), gt(t.campaignActivities.id, p('after'))),
      )
      .orderBy(asc(t.campaignActivities.id))
      .limit(p('limit'))
      .prepare('campaign_activity_rows'),
  };
}

const reads = perDatabase(prepareReads);

/**
 * A campaign members may see (ready, not archived), or a NotFound that names the id. `q` is the open
 * transaction's handle, or `deps.db.db` outside one (which takes the prepared statement).
 */
export async function visibleCampaign(deps: Pick<Deps, 'db'>, q: Database, campaignId: number) {
  const [campaign] = isPoolHandle(deps.db, q)
    ? await reads(deps.db).visible.execute({ campaignId })
    : await visibleCampaignInTx(deps.db, q, campaignId);
  if (!campaign) throw new NotFound(`There is no campaign with id ${campaignId}.`, 'campaign_not_found');
  return campaign;
}

export function requireRunning(campaign: CampaignWindow, now: Date): void {
  if (isRunning(campaign, now)) return;
  if (campaign.startAt && campaign.startAt > now)
    throw new PreconditionFailed(
      `This campaign starts on ${campaign.startAt.toISOString()}; activities count from then.`,
      'campaign_not_started',
    );
  if (campaign.endAt && campaign.endAt <= now)
    throw new PreconditionFailed('This campaign has ended; activities no longer count.', 'campaign_ended');
  throw new PreconditionFailed('This campaign is not accepting activities right now.', 'campaign_inactive');
}

/**
 * The campaign's activities with their per-campaign points, in a stable order: `limit` of them after
 * the campaign activity keyed `after` (0 for the first).
 */
export function campaignActivityRows(
  deps: Pick<Deps, 'db'>,
  campaignId: number,
  page: { after: number; limit: number },
) {
  return reads(deps.db).activities.execute({ campaignId, ...page });
}

export async function campaignActivity(deps: Pick<Deps, 'db'>, campaignId: number, activityId: number) {
  const { db, t } = deps.db;
  const [row] = await selectCampaignActivities(t, db, {
    kind: t.activities.kind,
    scope: t.activities.scope,
    parameter: t.activities.parameter,
    initiatedByUser: t.activities.initiatedByUser,
    points: t.campaignActivities.points,
  })
    .where(
      and(eq(t.campaignActivities.campaignId, campaignId), eq(t.campaignActivities.activityId, activityId)),
    )
    .limit(1);
  if (!row) throw new NotFound(`Campaign ${campaignId} has no activity ${activityId}.`, 'activity_not_found');
  return row;
}
