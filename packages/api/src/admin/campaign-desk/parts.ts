import type { TAdminCampaignDetail, TCampaignPreview, TPromotion } from '@puffy/contracts';
import {
  activityCompletedBy,
  lamportsToSol,
  type ZCampaignActivityInput,
  type ZPromotionFields,
} from '@puffy/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { offeredActivityParameter } from '../../activity/social/offer';
import { campaignActivityRows, toCampaign } from '../../campaign/queries';
import type { Deps } from '../../deps';
import { campaignColumns } from '../../eligibility/seats';
import type { AuditActor } from '../../platform/audit';
import { Conflict, NotFound } from '../../platform/errors';
import { type AuditEntry, audited } from '../audited';
import { assertAllowedMediaUrl } from '../media-hosts';
import { type DeskDeps, loadAdminCampaign, missingForMembers, type Tx } from './campaigns';

type Q = Tx | Deps['db']['db'];
type PromotionRow = Deps['db']['t']['promotions']['$inferSelect'];

const bpsToPercent = (bps: number) => (bps / 100).toFixed(2).replace(/\.?0+$/, '');
/** "5.5" → 550 without a float: the percent has at most two decimals. */
const percentToBps = (percent: string) => {
  const [whole = '0', fraction = ''] = percent.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
};

const toPromotion = (row: PromotionRow): TPromotion => ({
  id: row.id,
  name: row.name,
  symbol: row.symbol,
  description: row.description,
  metadataUrl: row.metadataUrl,
  collectionAddress: row.collectionAddress,
  media: row.media,
  network: row.network,
});

async function promotionsOf(deps: Pick<Deps, 'db'>, q: Q, campaignId: number) {
  const { t } = deps.db;
  return q
    .select({ p: t.promotions })
    .from(t.campaignPromotions)
    .innerJoin(t.promotions, eq(t.promotions.id, t.campaignPromotions.promotionId))
    .where(eq(t.campaignPromotions.campaignId, campaignId))
    .orderBy(asc(t.promotions.id));
}

/** The campaign as operators edit it; `q` is the open transaction's handle, or `deps.db.db` outside one. */
export async function campaignDetail(
  deps: Pick<Deps, 'db'>,
  q: Q,
  campaignId: number,
): Promise<TAdminCampaignDetail> {
  const campaign = await loadAdminCampaign(deps, q, campaignId);
  const [activities, promotions] = await Promise.all([
    campaignActivityRows(deps, q, campaignId),
    promotionsOf(deps, q, campaignId),
  ]);
  return {
    campaign,
    activities,
    promotions: promotions.map(({ p }) => ({
      ...toPromotion(p),
      royaltyPercent: bpsToPercent(p.royaltyBps),
    })),
  };
}

/** The campaign exactly as the member side maps it, plus what still keeps members from seeing it. */
export async function campaignPreview(
  deps: Pick<Deps, 'db' | 'clock'>,
  campaignId: number,
): Promise<TCampaignPreview> {
  const { db, t } = deps.db;
  const detail = await campaignDetail(deps, db, campaignId);
  const [row] = await db
    .select(campaignColumns(t))
    .from(t.campaigns)
    .where(eq(t.campaigns.id, campaignId))
    .limit(1);
  if (!row) throw new NotFound('No campaign has this id.', 'campaign_not_found');
  const missing = missingForMembers(detail.campaign, detail.promotions.length);
  return {
    campaign: toCampaign(
      row,
      detail.campaign.methods.map((m) => m.method),
      deps.clock.now(),
    ),
    promotions: detail.promotions.map(({ royaltyPercent: _r, ...p }) => p),
    activities: detail.activities,
    gasFeeSol: lamportsToSol(row.nftGasFeeLamports),
    visibleToMembers: row.isReady && row.archivedAt === null,
    missing,
  };
}

/**
 * A change to one of a campaign's parts, audited in its own transaction: `change` says what it did,
 * and the answer is the campaign as operators now see it.
 */
function changePart(
  deps: DeskDeps,
  actor: AuditActor,
  campaignId: number,
  change: (tx: Tx) => Promise<AuditEntry>,
): Promise<TAdminCampaignDetail> {
  return audited(deps, actor, async (tx) => ({
    audit: await change(tx),
    result: await campaignDetail(deps, tx, campaignId),
  }));
}

/** The audit entry of a part taken off a campaign: the row as it was, nothing after. */
const removal = (action: string, targetType: string, targetId: number, before: unknown): AuditEntry => ({
  action,
  targetType,
  targetId: String(targetId),
  before,
  after: null,
});

/** Adds an activity to a campaign (a new one or one of the catalog), or changes its points and flags. */
export async function saveCampaignActivity(
  deps: DeskDeps & Pick<Deps, 'twitter' | 'social'>,
  actor: AuditActor,
  input: z.infer<typeof ZCampaignActivityInput>,
): Promise<TAdminCampaignDetail> {
  const { t } = deps.db;
  return changePart(deps, actor, input.campaignId, async (tx) => {
    await loadAdminCampaign(deps, tx, input.campaignId);
    let activityId = input.activityId;
    if (input.activity) {
      const a = input.activity;
      const parameter = offeredActivityParameter(deps, a.kind, a.parameter);
      const [created] = await tx
        .insert(t.activities)
        .values({
          scope: a.scope,
          kind: a.kind,
          name: a.name,
          description: a.description,
          parameter,
          initiatedByUser: activityCompletedBy[a.kind] === 'member',
          createdAt: deps.clock.now(),
        })
        .returning({ id: t.activities.id });
      activityId = created?.id;
    } else {
      const [found] = await tx
        .select({ id: t.activities.id })
        .from(t.activities)
        .where(eq(t.activities.id, input.activityId ?? 0))
        .limit(1);
      if (!found) throw new NotFound('No activity has this id.', 'activity_not_found');
    }
    if (activityId === undefined) throw new Error('activity insert returned nothing');
    const key = and(
      eq(t.campaignActivities.campaignId, input.campaignId),
      eq(t.campaignActivities.activityId, activityId),
    );
    const [before] = await tx.select().from(t.campaignActivities).where(key).limit(1);
    const values = { points: input.points, quantity: input.quantity, required: input.required };
    if (before) await tx.update(t.campaignActivities).set(values).where(key);
    else
      await tx.insert(t.campaignActivities).values({ campaignId: input.campaignId, activityId, ...values });
    return {
      action: 'campaign.activity_saved',
      targetType: 'campaign',
      targetId: String(input.campaignId),
      before: before ?? null,
      after: { activityId, ...values },
    };
  });
}

export async function removeCampaignActivity(
  deps: DeskDeps,
  actor: AuditActor,
  input: { campaignId: number; activityId: number },
): Promise<TAdminCampaignDetail> {
  const ca = deps.db.t.campaignActivities;
  return changePart(deps, actor, input.campaignId, async (tx) => {
    const key = and(eq(ca.campaignId, input.campaignId), eq(ca.activityId, input.activityId));
    const [before] = await tx.delete(ca).where(key).returning();
    if (!before) throw new NotFound('This activity is not part of the campaign.', 'activity_not_in_campaign');
    return removal('campaign.activity_removed', 'campaign', input.campaignId, before);
  });
}

/** Creates or edits a campaign's promotion; its media must come from an allowed host. */
export async function savePromotion(
  deps: DeskDeps,
  actor: AuditActor,
  input: { campaignId: number; promotionId?: number; fields: z.infer<typeof ZPromotionFields> },
): Promise<TAdminCampaignDetail> {
  const f = input.fields;
  await assertAllowedMediaUrl(deps, 'image', f.image);
  if (f.video) await assertAllowedMediaUrl(deps, 'video', f.video);
  const { t } = deps.db;
  const values = {
    name: f.name,
    symbol: f.symbol,
    description: f.description,
    collectionAddress: f.collectionAddress,
    network: f.network,
    media: { image: f.image, ...(f.video ? { video: f.video } : {}) },
    royaltyBps: percentToBps(f.royaltyPercent),
  };
  return changePart(deps, actor, input.campaignId, async (tx) => {
    await loadAdminCampaign(deps, tx, input.campaignId);
    let before: PromotionRow | null = null;
    let promotionId = input.promotionId;
    if (promotionId !== undefined) {
      const [link] = await tx
        .select({ p: t.promotions })
        .from(t.campaignPromotions)
        .innerJoin(t.promotions, eq(t.promotions.id, t.campaignPromotions.promotionId))
        .where(
          and(
            eq(t.campaignPromotions.campaignId, input.campaignId),
            eq(t.campaignPromotions.promotionId, promotionId),
          ),
        )
        .limit(1);
      if (!link)
        throw new NotFound('This promotion is not part of the campaign.', 'promotion_not_in_campaign');
      before = link.p;
      await tx.update(t.promotions).set(values).where(eq(t.promotions.id, promotionId));
    } else {
      const [created] = await tx
        .insert(t.promotions)
        .values({ ...values, createdAt: deps.clock.now() })
        .returning({ id: t.promotions.id });
      promotionId = created?.id;
      if (promotionId === undefined) throw new Error('promotion insert returned nothing');
      await tx.insert(t.campaignPromotions).values({ campaignId: input.campaignId, promotionId });
    }
    return {
      action: before ? 'promotion.updated' : 'promotion.created',
      targetType: 'promotion',
      targetId: String(promotionId),
      before,
      after: { campaignId: input.campaignId, ...values },
    };
  });
}

/** Detaches a promotion no member has claimed yet; a claimed one stays (members hold its NFTs). */
export async function removePromotion(
  deps: DeskDeps,
  actor: AuditActor,
  input: { campaignId: number; promotionId: number },
): Promise<TAdminCampaignDetail> {
  const { t } = deps.db;
  return changePart(deps, actor, input.campaignId, async (tx) => {
    const [claimed] = await tx
      .select({ id: t.userNfts.id })
      .from(t.userNfts)
      .where(eq(t.userNfts.promotionId, input.promotionId))
      .limit(1);
    if (claimed)
      throw new Conflict('Members have claimed this promotion; it cannot be removed.', 'promotion_claimed');
    const [before] = await tx
      .delete(t.campaignPromotions)
      .where(
        and(
          eq(t.campaignPromotions.campaignId, input.campaignId),
          eq(t.campaignPromotions.promotionId, input.promotionId),
        ),
      )
      .returning();
    if (!before)
      throw new NotFound('This promotion is not part of the campaign.', 'promotion_not_in_campaign');
    return removal('promotion.removed', 'promotion', input.promotionId, before);
  });
}
