import type { TActivityScope } from '@puffy/contracts';
import type { Database } from '@puffy/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../deps';
import { activityNaming, selectCampaignActivities } from './catalog';
import { campaignScope, GLOBAL_SCOPE } from './ledger';

/*
 * Which of a member's activities count for a campaign, in one place (docs/product/points.md, "Scope"):
 * a global activity completes once for the whole platform and counts in every campaign that lists it;
 * a campaign activity counts only in the campaign it was completed in. Only a `completed` row counts:
 * a submission waiting for review, or rejected, does not. The activity list, the member's standing,
 * eligibility and the claim gate all ask here.
 */

/** An activity as a campaign lists it: what decides which of the member's rows belongs to it. */
export interface CampaignActivityRef {
  activityId: number;
  scope: TActivityScope;
}

/** The user_activities scope key a completion of an activity carries in a campaign. */
export const activityScopeKey = (scope: TActivityScope, campaignId: number): string =>
  scope === 'global' ? GLOBAL_SCOPE : campaignScope(campaignId);

type UserActivityRow = Deps['db']['t']['userActivities']['$inferSelect'];

/** The member's own state on an activity of the campaign; an activity without one is not started. */
export interface MemberActivityState {
  status: UserActivityRow['status'];
  completedAt: Date | null;
}

/** The member's state as a list of activities shows it; `absent` is the status of one not started. */
export function shownState<S extends string>(state: MemberActivityState | undefined, absent: S) {
  return { status: state?.status ?? absent, completedAt: state?.completedAt?.toISOString() ?? null };
}

export interface CampaignMember<A extends CampaignActivityRef = CampaignActivityRef> {
  userId: string;
  campaignId: number;
  activities: readonly A[];
}

/**
 * The member's row of each of `activities` as it stands in the campaign, keyed by activity id. `q` is
 * the open transaction's handle, or `deps.db.db` outside one.
 */
export async function memberActivityStates(
  deps: Pick<Deps, 'db'>,
  q: Database,
  member: CampaignMember,
): Promise<Map<number, MemberActivityState>> {
  const states = new Map<number, MemberActivityState>();
  if (member.activities.length === 0) return states;
  const { t } = deps.db;
  const keyOf = new Map(
    member.activities.map((a) => [a.activityId, activityScopeKey(a.scope, member.campaignId)]),
  );
  const rows = await q
    .select({
      activityId: t.userActivities.activityId,
      scopeKey: t.userActivities.scopeKey,
      status: t.userActivities.status,
      completedAt: t.userActivities.completedAt,
    })
    .from(t.userActivities)
    .where(
      and(
        eq(t.userActivities.userId, member.userId),
        inArray(t.userActivities.activityId, [...keyOf.keys()]),
        inArray(t.userActivities.scopeKey, [GLOBAL_SCOPE, campaignScope(member.campaignId)]),
      ),
    );
  for (const row of rows) {
    if (keyOf.get(row.activityId) === row.scopeKey)
      states.set(row.activityId, { status: row.status, completedAt: row.completedAt });
  }
  return states;
}

/** Of `activities`, the ones the member has not completed in the campaign, in their order. */
export async function notCompletedIn<A extends CampaignActivityRef>(
  deps: Pick<Deps, 'db'>,
  q: Database,
  member: CampaignMember<A>,
): Promise<A[]> {
  const states = await memberActivityStates(deps, q, member);
  return member.activities.filter((a) => states.get(a.activityId)?.status !== 'completed');
}

/** The activities each of the campaigns marks required, in each campaign's order. */
export function requiredActivitiesOf(deps: Pick<Deps, 'db'>, q: Database, campaignIds: number[]) {
  const { t } = deps.db;
  return selectCampaignActivities(t, q, { campaignId: t.campaignActivities.campaignId, ...activityNaming(t) })
    .where(
      and(inArray(t.campaignActivities.campaignId, campaignIds), eq(t.campaignActivities.required, true)),
    )
    .orderBy(asc(t.campaignActivities.id));
}
