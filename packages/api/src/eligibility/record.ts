import type { TEligibilityMethod, TEligibilityWallet } from '@puffy/contracts';
import { and, eq } from 'drizzle-orm';
import { recordFunnelStep } from '../analytics/service';
import type { Deps } from '../deps';
import { noteEligibleCount } from './rules-cache';
import { seatState, takeSeat } from './seats';

class CampaignFull extends Error {
  constructor(readonly taken: number) {
    super('campaign full');
  }
}

export type RecordOutcome = 'recorded' | 'already' | 'full';

/**
 * Stores that a member became eligible, first come first served: the record and a place in the
 * campaign are taken in one transaction, the place by one conditional increment of one of the
 * campaign's seat shards (seats.ts), so concurrent members can never fill more than `limit` places.
 * The place is the transaction's last statement (docs/architecture.md, "Statement budgets"). A second
 * call for the same member finds the unique key taken and changes nothing.
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
  let seat: Awaited<ReturnType<typeof takeSeat>> | null;
  try {
    seat = await deps.db.withTransaction(async (tx) => {
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
      // Taken last: the shard's row lock is held only from this statement to the commit.
      const taken = await takeSeat(deps, tx, input.campaignId);
      // Throwing rolls the record (and its funnel step) back with the place that could not be taken.
      if (taken.kind === 'full') throw new CampaignFull(taken.taken);
      return taken;
    });
  } catch (error) {
    if (!(error instanceof CampaignFull)) throw error;
    // Every instance's cached rules hear that the campaign is full, so its checks refuse at once.
    await noteEligibleCount(deps, input.campaignId, error.taken);
    return 'full';
  }
  if (seat === null) return 'already';
  // After the commit, and only when this place filled its shard (a few times per campaign): was it
  // the campaign's last? Then the cached rules hear it, as above.
  if (seat.kind === 'taken' && seat.lastOfShard) {
    const state = await seatState(deps, input.campaignId);
    if (state.full) await noteEligibleCount(deps, input.campaignId, state.taken);
  }
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
