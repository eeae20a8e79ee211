import type { TEligibilityMethod, TEligibilityWallet } from '@puffy/contracts';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { recordFunnelStep } from '../analytics/service';
import type { Deps } from '../deps';
import { noteEligibleCount } from './rules-cache';

class CampaignFull extends Error {}

export type RecordOutcome = 'recorded' | 'already' | 'full';

/**
 * Stores that a member became eligible, first come first served: the record and the campaign's seat
 * are taken in one transaction, the seat by one conditional increment (`eligible_count < limit`), so
 * concurrent members can never fill more than `limit` seats. The seat is the transaction's last
 * statement (docs/architecture.md, "Statement budgets"). A second call for the same member finds
 * the unique key taken and changes nothing.
 */
export async function recordEligibility(
  deps: Pick<Deps, 'db' | 'clock'> & Partial<Pick<Deps, 'store'>>,
  input: {
    userId: string;
    campaignId: number;
    method: TEligibilityMethod;
    wallet: TEligibilityWallet | null;
  },
): Promise<RecordOutcome> {
  const { t } = deps.db;
  let taken: number | null;
  try {
    taken = await deps.db.withTransaction(async (tx) => {
      const inserted = await tx
        .insert(t.userCampaignEligibles)
        .values({
          id: crypto.randomUUID(),
          userId: input.userId,
          campaignId: input.campaignId,
          method: input.method,
          walletChain: input.wallet?.chain ?? null,
          walletAddress: input.wallet?.address ?? null,
          createdAt: deps.clock.now(),
        })
        .onConflictDoNothing()
        .returning({ id: t.userCampaignEligibles.id });
      if (inserted.length === 0) return null;
      await recordFunnelStep(deps, tx, {
        name: 'eligible',
        userId: input.userId,
        campaignId: input.campaignId,
      });
      // The seat is the campaign's one row every member's check updates: taken last, its row lock is
      // held only from this statement to the commit, so members queue behind each other for one
      // statement instead of for the rest of the transaction.
      const seat = await tx
        .update(t.campaigns)
        .set({ eligibleCount: sql`${t.campaigns.eligibleCount} + 1` })
        .where(
          and(
            eq(t.campaigns.id, input.campaignId),
            or(isNull(t.campaigns.limit), lt(t.campaigns.eligibleCount, t.campaigns.limit)),
          ),
        )
        .returning({ eligibleCount: t.campaigns.eligibleCount });
      // Throwing rolls the record (and its funnel step) back with the seat that could not be taken.
      if (!seat[0]) throw new CampaignFull();
      return seat[0].eligibleCount;
    });
  } catch (error) {
    if (error instanceof CampaignFull) return 'full';
    throw error;
  }
  if (taken === null) return 'already';
  // After the commit: an instance that reloads on hearing it must find the seat taken.
  await noteEligibleCount(deps, input.campaignId, taken);
  return 'recorded';
}

export async function findEligibility(deps: Pick<Deps, 'db'>, userId: string, campaignId: number) {
  const { db, t } = deps.db;
  const [row] = await db
    .select()
    .from(t.userCampaignEligibles)
    .where(
      and(eq(t.userCampaignEligibles.userId, userId), eq(t.userCampaignEligibles.campaignId, campaignId)),
    )
    .limit(1);
  return row ?? null;
}
