import type {
  TCampaign,
  TCampaignBase,
  TCampaignGetInput,
  TCampaignGroupOutput,
  TCampaignListInput,
  TCampaignPage,
  TCampaignPhase,
  TEligibilityMethod,
  TPageInput,
  TPromotionPage,
} from '@puffy/contracts';
import type { Database } from '@puffy/db';
import { asc, eq } from 'drizzle-orm';
import { activityNaming, campaignSettings, selectCampaignActivities } from '../activity/catalog';
import type { Deps } from '../deps';
import type { CampaignRow } from '../eligibility/seats';
import { BadInput, NotFound } from '../platform/errors';
import { type CampaignFilter, campaignRows, methodsOf, promotionRows } from './page-query';

type QueryDeps = Pick<Deps, 'db' | 'clock'>;

/**
 * A campaign's activities, each with what the campaign sets for it (points, quantity, required), in
 * the order they were added: what a member's standing and the operators' desk both list.
 */
export function campaignActivityRows(deps: Pick<Deps, 'db'>, q: Database, campaignId: number) {
  const { t } = deps.db;
  return selectCampaignActivities(t, q, {
    campaignActivityId: t.campaignActivities.id,
    ...activityNaming(t),
    kind: t.activities.kind,
    ...campaignSettings(t),
  })
    .where(eq(t.campaignActivities.campaignId, campaignId))
    .orderBy(asc(t.campaignActivities.id));
}

export function phaseOf(row: Pick<CampaignRow, 'isActive' | 'startAt' | 'endAt'>, now: Date): TCampaignPhase {
  if (row.endAt && row.endAt <= now) return 'ended';
  if (row.startAt && row.startAt > now) return 'upcoming';
  return row.isActive ? 'active' : 'paused';
}

/** The fields every view of a campaign shares; toCampaign and the desk's toAdminCampaign build on it. */
export function toCampaignBase(row: CampaignRow): TCampaignBase {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    edition: row.edition,
    requirement: row.requirement,
    collectionAddress: row.collectionAddress,
    collectionName: row.collectionName,
    network: row.network,
    startAt: row.startAt?.toISOString() ?? null,
    endAt: row.endAt?.toISOString() ?? null,
    limit: row.limit,
    eligibleCount: row.eligibleCount,
    media: row.media,
    nftGasFeeLamports: row.nftGasFeeLamports.toString(),
    xPostUrl: row.xPostUrl,
    isActive: row.isActive,
    groupId: row.groupId,
  };
}

export function toCampaign(row: CampaignRow, methods: TEligibilityMethod[], now: Date): TCampaign {
  return { ...toCampaignBase(row), vmType: row.vmType, phase: phaseOf(row, now), methods };
}

/** Ids as opaque cursors: the page after a cursor holds the next lower ids (newest first). */
function cursorId(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  if (!/^[1-9]\d{0,9}$/.test(cursor))
    throw new BadInput('This page cursor is not valid.', { cursor: ['Not a cursor'] }, 'cursor_invalid');
  return Number(cursor);
}

async function pageOfCampaigns(
  deps: QueryDeps,
  filter: CampaignFilter,
  page: TPageInput,
): Promise<TCampaignPage> {
  const now = deps.clock.now();
  const rows = await campaignRows(deps.db, filter, {
    now,
    limit: page.limit + 1,
    after: cursorId(page.cursor),
  });
  const items = rows.slice(0, page.limit);
  const methods = await methodsOf(
    deps.db,
    items.map((r) => r.id),
  );
  return {
    items: items.map((row) => toCampaign(row, methods.get(row.id) ?? [], now)),
    nextCursor: rows.length > page.limit ? String(items[items.length - 1]?.id) : null,
  };
}

/** Campaigns members can see, newest first, by phase and network. */
export function listCampaigns(deps: QueryDeps, input: TCampaignListInput): Promise<TCampaignPage> {
  return pageOfCampaigns(deps, { phase: input.phase, network: input.network }, input);
}

export async function getCampaign(deps: QueryDeps, input: TCampaignGetInput): Promise<TCampaign> {
  const filter: CampaignFilter = input.id !== undefined ? { id: input.id } : { slug: input.slug ?? '' };
  const page = await pageOfCampaigns(deps, filter, { limit: 1 });
  const campaign = page.items[0];
  if (!campaign)
    throw new NotFound('This campaign does not exist or is not open to members.', 'campaign_not_found');
  return campaign;
}

export async function campaignGroup(
  deps: QueryDeps,
  input: TPageInput & { slug: string },
): Promise<TCampaignGroupOutput> {
  const { db, t } = deps.db;
  const [group] = await db
    .select()
    .from(t.campaignGroups)
    .where(eq(t.campaignGroups.slug, input.slug))
    .limit(1);
  if (!group) throw new NotFound('This campaign group does not exist.', 'group_not_found');
  return {
    group: { id: group.id, slug: group.slug, name: group.name, description: group.description },
    campaigns: await pageOfCampaigns(deps, { groupId: group.id }, input),
  };
}

export async function campaignPromotions(
  deps: QueryDeps,
  input: TPageInput & { campaignId: number },
): Promise<TPromotionPage> {
  await getCampaign(deps, { id: input.campaignId });
  const after = cursorId(input.cursor);
  const rows = await promotionRows(deps.db, {
    campaignId: input.campaignId,
    after,
    limit: input.limit + 1,
  });
  const items = rows.slice(0, input.limit).map(({ promotion: p }) => ({
    id: p.id,
    name: p.name,
    symbol: p.symbol,
    description: p.description,
    metadataUrl: p.metadataUrl,
    collectionAddress: p.collectionAddress,
    media: p.media,
    network: p.network,
  }));
  return { items, nextCursor: rows.length > input.limit ? String(items[items.length - 1]?.id) : null };
}
