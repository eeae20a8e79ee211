import {
  lamportsToSol,
  networkVm,
  solToLamports,
  type TAdminCampaign,
  type TAdminCampaignFields,
} from '@puffy/contracts';
import { lockKey } from '@puffy/db';
import { and, desc, eq, isNotNull, isNull, like, lt, or } from 'drizzle-orm';
import { toCampaignBase } from '../../campaign/queries';
import type { Deps } from '../../deps';
import { type CampaignRow, campaignColumns, spreadSeats } from '../../eligibility/seats';
import { type AuditActor, recordAudit } from '../../platform/audit';
import { BadInput, Conflict, NotFound, PreconditionFailed } from '../../platform/errors';
import { audited } from '../audited';
import { assertAllowedMediaUrl } from '../media-hosts';

export type DeskDeps = Pick<Deps, 'db' | 'clock'>;
export type Tx = Parameters<Parameters<Deps['db']['withTransaction']>[0]>[0];
type MethodRow = { method: TAdminCampaign['methods'][number]['method']; config: Record<string, unknown> };

/** The members' fields (one mapper for both views) plus what only operators see. */
export function toAdminCampaign(row: CampaignRow, methods: MethodRow[]): TAdminCampaign {
  return {
    ...toCampaignBase(row),
    nftGasFeeSol: lamportsToSol(row.nftGasFeeLamports),
    isReady: row.isReady,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    methods: methods.map((m) => ({ method: m.method, config: m.config })),
  };
}

async function methodsOf(q: Tx | Deps['db']['db'], t: Deps['db']['t'], campaignId: number) {
  return q
    .select({ method: t.campaignEligibleMethods.method, config: t.campaignEligibleMethods.config })
    .from(t.campaignEligibleMethods)
    .where(eq(t.campaignEligibleMethods.campaignId, campaignId))
    .orderBy(t.campaignEligibleMethods.id);
}

/** A campaign with its methods, read inside a transaction (or outside one). */
export async function loadAdminCampaign(
  deps: Pick<Deps, 'db'>,
  q: Tx | Deps['db']['db'],
  campaignId: number,
): Promise<TAdminCampaign> {
  const { t } = deps.db;
  const [row] = await q
    .select(campaignColumns(t))
    .from(t.campaigns)
    .where(eq(t.campaigns.id, campaignId))
    .limit(1);
  if (!row) throw new NotFound('No campaign has this id.', 'campaign_not_found');
  return toAdminCampaign(row, await methodsOf(q, t, campaignId));
}

async function checkMedia(deps: Pick<Deps, 'db'>, fields: TAdminCampaignFields) {
  for (const [key, url] of Object.entries(fields.media)) {
    if (url) await assertAllowedMediaUrl(deps, `media.${key}`, url);
  }
  if (fields.xPostUrl && !/^https:\/\/(x|twitter)\.com\/\w+\/status\/\d+/.test(fields.xPostUrl))
    throw new BadInput(
      'The X post link must look like https://x.com/handle/status/123.',
      {
        xPostUrl: ['Not an X post link'],
      },
      'x_post_url_invalid',
    );
}

function columnsOf(fields: TAdminCampaignFields) {
  return {
    slug: fields.slug,
    name: fields.name,
    description: fields.description,
    edition: fields.edition,
    requirement: fields.requirement,
    collectionAddress: fields.collectionAddress,
    collectionName: fields.collectionName,
    network: fields.network,
    vmType: networkVm[fields.network],
    startAt: fields.startAt ? new Date(fields.startAt) : null,
    endAt: fields.endAt ? new Date(fields.endAt) : null,
    limit: fields.limit,
    media: fields.media,
    nftGasFeeLamports: solToLamports(fields.nftGasFeeSol),
    xPostUrl: fields.xPostUrl,
    groupId: fields.groupId,
  };
}

/** Two saves racing for one slug: the lock lets one in, the other then sees the slug taken. */
async function assertFree(deps: Pick<Deps, 'db'>, tx: Tx, slug: string, exceptId: number | null) {
  const { t } = deps.db;
  await lockKey(deps.db, tx, `campaign-slug:${slug}`);
  const [taken] = await tx
    .select({ id: t.campaigns.id })
    .from(t.campaigns)
    .where(eq(t.campaigns.slug, slug))
    .limit(1);
  if (taken && taken.id !== exceptId)
    throw new Conflict(`Another campaign already uses the slug "${slug}"; choose another.`, 'slug_taken', {
      slug,
    });
}

async function replaceMethods(tx: Tx, t: Deps['db']['t'], campaignId: number, fields: TAdminCampaignFields) {
  await tx.delete(t.campaignEligibleMethods).where(eq(t.campaignEligibleMethods.campaignId, campaignId));
  if (fields.methods.length > 0)
    await tx
      .insert(t.campaignEligibleMethods)
      .values(fields.methods.map((m) => ({ campaignId, method: m.method, config: m.config })));
}

/**
 * Creates a campaign (`campaignId` null; it stays closed until it is complete and scheduled) or edits
 * one that is not archived: its slug stays unique, its media comes from an allowed host, its methods
 * are replaced whole.
 */
async function saveCampaign(
  deps: DeskDeps,
  actor: AuditActor,
  campaignId: number | null,
  fields: TAdminCampaignFields,
): Promise<TAdminCampaign> {
  await checkMedia(deps, fields);
  const { t } = deps.db;
  return audited(deps, actor, async (tx) => {
    const before = campaignId === null ? null : await loadAdminCampaign(deps, tx, campaignId);
    if (before?.archivedAt)
      throw new PreconditionFailed(
        'This campaign is archived; it can no longer change.',
        'campaign_archived',
      );
    await assertFree(deps, tx, fields.slug, campaignId);
    const now = deps.clock.now();
    let id = campaignId;
    if (id === null) {
      const [row] = await tx
        .insert(t.campaigns)
        .values({ ...columnsOf(fields), isReady: false, isActive: false, createdAt: now, updatedAt: now })
        .returning({ id: t.campaigns.id });
      if (!row) throw new Error('campaign insert returned nothing');
      id = row.id;
    } else {
      await tx
        .update(t.campaigns)
        .set({ ...columnsOf(fields), updatedAt: now })
        .where(eq(t.campaigns.id, id));
    }
    await replaceMethods(tx, t, id, fields);
    // The limit may have changed: its places are dealt over the seat shards again (seats.ts).
    await spreadSeats(deps, tx, id);
    const after = await loadAdminCampaign(deps, tx, id);
    const action = before ? 'campaign.updated' : 'campaign.created';
    return { audit: { action, targetType: 'campaign', targetId: String(id), before, after }, result: after };
  });
}

export function createCampaign(deps: DeskDeps, actor: AuditActor, fields: TAdminCampaignFields) {
  return saveCampaign(deps, actor, null, fields);
}

export function updateCampaign(
  deps: DeskDeps,
  actor: AuditActor,
  campaignId: number,
  fields: TAdminCampaignFields,
) {
  return saveCampaign(deps, actor, campaignId, fields);
}

/** What keeps a campaign from opening to members; empty when it is complete. */
export function missingForMembers(campaign: TAdminCampaign, promotions: number): string[] {
  const missing: string[] = [];
  if (campaign.methods.length === 0) missing.push('Choose at least one eligibility method.');
  if (promotions === 0) missing.push('Add the promotion (the NFT members claim).');
  if (!campaign.media.image) missing.push('Add a campaign image.');
  return missing;
}

async function promotionCount(tx: Tx, t: Deps['db']['t'], campaignId: number) {
  const rows = await tx
    .select({ id: t.campaignPromotions.promotionId })
    .from(t.campaignPromotions)
    .where(eq(t.campaignPromotions.campaignId, campaignId));
  return rows.length;
}

/**
 * Moves a campaign through its life: `schedule` makes it visible and opens it at its start, `activate`
 * opens it now, `pause` stops checks and claims, `archive` hides it for good.
 */
export async function setCampaignState(
  deps: DeskDeps,
  actor: AuditActor,
  campaignId: number,
  action: 'schedule' | 'activate' | 'pause' | 'archive',
): Promise<TAdminCampaign> {
  const { t } = deps.db;
  return deps.db.withTransaction(async (tx) => {
    const before = await loadAdminCampaign(deps, tx, campaignId);
    if (before.archivedAt)
      throw new PreconditionFailed(
        'This campaign is archived; it can no longer change.',
        'campaign_archived',
      );
    const now = deps.clock.now();
    let change: Partial<Deps['db']['t']['campaigns']['$inferSelect']>;
    if (action === 'pause') change = { isActive: false };
    else if (action === 'archive') change = { isActive: false, isReady: false, archivedAt: now };
    else {
      const missing = missingForMembers(before, await promotionCount(tx, t, campaignId));
      if (missing.length > 0)
        throw new PreconditionFailed(
          `Not ready for members yet: ${missing.join(' ')}`,
          'campaign_incomplete',
        );
      if (before.endAt && new Date(before.endAt) <= now)
        throw new PreconditionFailed(
          'This campaign has already ended; move its end date first.',
          'campaign_already_ended',
        );
      if (action === 'schedule') {
        if (!before.startAt || new Date(before.startAt) <= now)
          throw new PreconditionFailed(
            'Set a start date in the future to schedule; or activate it now.',
            'start_not_in_future',
          );
        change = { isReady: true, isActive: true };
      } else {
        const started = before.startAt && new Date(before.startAt) <= now;
        change = { isReady: true, isActive: true, ...(started ? {} : { startAt: now }) };
      }
    }
    await tx
      .update(t.campaigns)
      .set({ ...change, updatedAt: now })
      .where(eq(t.campaigns.id, campaignId));
    const after = await loadAdminCampaign(deps, tx, campaignId);
    await recordAudit(deps, tx, actor, {
      action: `campaign.${action}`,
      targetType: 'campaign',
      targetId: String(campaignId),
      before,
      after,
    });
    return after;
  });
}

/** The console's list: newest first, by name or slug, live or archived. Cursor: the last id. */
export async function listAdminCampaigns(
  deps: Pick<Deps, 'db'>,
  input: { cursor?: string; limit: number; query?: string; archived: boolean },
) {
  const { db, t } = deps.db;
  const c = t.campaigns;
  const after = input.cursor && /^\d+$/.test(input.cursor) ? lt(c.id, Number(input.cursor)) : undefined;
  const text = input.query ? `%${input.query.toLowerCase().replace(/[%_\\]/g, '')}%` : undefined;
  const rows = await db
    .select(campaignColumns(t))
    .from(c)
    .where(
      and(
        input.archived ? isNotNull(c.archivedAt) : isNull(c.archivedAt),
        after,
        text ? or(like(c.slug, text), like(c.name, text)) : undefined,
      ),
    )
    .orderBy(desc(c.id))
    .limit(input.limit + 1);
  const kept = rows.slice(0, input.limit);
  const items = await Promise.all(kept.map(async (r) => toAdminCampaign(r, await methodsOf(db, t, r.id))));
  return { items, nextCursor: rows.length > input.limit ? String(kept.at(-1)?.id) : null };
}
