import type { TCampaignInfo } from '@puffy/contracts';
import { and, count, desc, eq, isNull, or, sum } from 'drizzle-orm';
import { memberActivityStates, shownState } from '../activity/campaign-completions';
import type { Deps } from '../deps';
import { findEligibility } from '../eligibility/record';
import { campaignActivityRows, getCampaign } from './queries';

type StandingDeps = Pick<Deps, 'db' | 'clock'>;

/**
 * A member's standing in one campaign, read straight from each domain's tables (eligibility,
 * activities, the points ledger, referrals, NFTs) so it never waits for another service.
 */
export async function campaignStanding(
  deps: StandingDeps,
  userId: string,
  campaignId: number,
): Promise<TCampaignInfo> {
  // Every read goes out at once; a campaign that is not there still answers NOT_FOUND.
  const [, eligibility, activities, points, referral, nft] = await Promise.all([
    getCampaign(deps, { id: campaignId }),
    findEligibility(deps, userId, campaignId),
    activityStanding(deps, userId, campaignId),
    pointsIn(deps, userId, campaignId),
    referralStanding(deps, userId, campaignId),
    nftStanding(deps, userId, campaignId),
  ]);
  const required = activities.filter((a) => a.required);
  return {
    campaignId,
    eligibility: {
      eligible: eligibility !== null,
      method: eligibility?.method ?? null,
      wallet: eligibility ? { chain: eligibility.walletChain, address: eligibility.walletAddress } : null,
      since: eligibility?.createdAt.toISOString() ?? null,
    },
    activities,
    requiredCompleted: required.filter((a) => a.status === 'completed').length,
    requiredTotal: required.length,
    points,
    referral,
    nft,
  };
}

async function activityStanding(deps: StandingDeps, userId: string, campaignId: number) {
  const { db } = deps.db;
  const rows = await campaignActivityRows(deps, db, campaignId);
  const states = await memberActivityStates(deps, db, { userId, campaignId, activities: rows });
  // The standing names an activity by its own id and leaves its scope to the activity list.
  return rows.map(({ campaignActivityId, scope, ...activity }) => ({
    ...activity,
    ...shownState(states.get(activity.activityId), 'open'),
  }));
}

/** The ledger is the truth for points: the sum of this member's entries in the campaign's scope. */
async function pointsIn(deps: StandingDeps, userId: string, campaignId: number): Promise<number> {
  const { db, t } = deps.db;
  const [row] = await db
    .select({ total: sum(t.pointsLedger.points).mapWith(Number) })
    .from(t.pointsLedger)
    .where(and(eq(t.pointsLedger.userId, userId), eq(t.pointsLedger.scopeKey, String(campaignId))));
  return row?.total ?? 0;
}

async function referralStanding(deps: StandingDeps, userId: string, campaignId: number) {
  const { db, t } = deps.db;
  const [codes, [referred], [joined]] = await Promise.all([
    db
      .select({
        code: t.referralCodes.code,
        campaignId: t.referralCodes.campaignId,
        uses: t.referralCodes.uses,
        maxUses: t.referralCodes.maxUses,
      })
      .from(t.referralCodes)
      .where(
        and(
          eq(t.referralCodes.ownerUserId, userId),
          isNull(t.referralCodes.disabledAt),
          or(eq(t.referralCodes.campaignId, campaignId), isNull(t.referralCodes.campaignId)),
        ),
      )
      .limit(10),
    db
      .select({ n: count() })
      .from(t.referralRelations)
      .where(
        and(
          eq(t.referralRelations.referrerUserId, userId),
          eq(t.referralRelations.scopeKey, String(campaignId)),
        ),
      ),
    db
      .select({ id: t.referralRelations.id })
      .from(t.referralRelations)
      .where(
        and(
          eq(t.referralRelations.refereeUserId, userId),
          or(
            eq(t.referralRelations.scopeKey, String(campaignId)),
            eq(t.referralRelations.scopeKey, 'global'),
          ),
        ),
      )
      .limit(1),
  ]);
  // The campaign's own code wins over a global one (sorted here: the dialects order NULLs differently).
  const code = codes.find((c) => c.campaignId === campaignId) ?? codes[0];
  return {
    code: code?.code ?? null,
    uses: code?.uses ?? 0,
    maxUses: code?.maxUses ?? null,
    referredCount: referred?.n ?? 0,
    referred: joined !== undefined,
  };
}

async function nftStanding(deps: StandingDeps, userId: string, campaignId: number) {
  const { db, t } = deps.db;
  const [row] = await db
    .select({
      promotionId: t.userNfts.promotionId,
      status: t.userNfts.status,
      sequence: t.userNfts.sequence,
      assetAddress: t.userNfts.assetAddress,
    })
    .from(t.userNfts)
    .where(and(eq(t.userNfts.userId, userId), eq(t.userNfts.campaignId, campaignId)))
    .orderBy(desc(t.userNfts.id))
    .limit(1);
  return row ?? null;
}
