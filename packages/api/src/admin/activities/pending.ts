import { inputTime, text } from '@puffy/contracts';
import { and, asc, desc, eq, gt, inArray, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { decodeKeys, encodeKeys } from '../../platform/cursor';
import type { TPendingReview, TPendingReviewInput } from './schemas';

// A review queue is worked from the front (oldest first), so the keyset runs (created_at, id) either way.
const ZQueueKeys = z.tuple([inputTime(), text().min(1).max(64)]);

function afterQueueCursor(
  deps: Pick<Deps, 'db'>,
  cursor: string | undefined,
  order: TPendingReviewInput['order'],
): SQL | undefined {
  if (!cursor) return undefined;
  const [iso, id] = decodeKeys(ZQueueKeys, cursor);
  const at = new Date(iso);
  const ua = deps.db.t.userActivities;
  const beyond = order === 'oldest' ? gt : lt;
  return or(beyond(ua.createdAt, at), and(eq(ua.createdAt, at), beyond(ua.id, id)));
}

/** Completions waiting in `pending_review`, in submission order, with the member, activity and campaign. */
export async function listPendingReviews(
  deps: Pick<Deps, 'db'>,
  page: TPendingReviewInput,
): Promise<{ items: TPendingReview[]; nextCursor: string | null }> {
  const { db, t } = deps.db;
  const ua = t.userActivities;
  const rows = await db
    .select({
      id: ua.id,
      userId: ua.userId,
      activityId: ua.activityId,
      data: ua.data,
      createdAt: ua.createdAt,
      walletAddress: t.users.walletAddress,
      chain: t.users.walletChain,
      activityName: t.activities.name,
      activityKind: t.activities.kind,
    })
    .from(ua)
    .innerJoin(t.users, eq(t.users.id, ua.userId))
    .innerJoin(t.activities, eq(t.activities.id, ua.activityId))
    .where(and(eq(ua.status, 'pending_review'), afterQueueCursor(deps, page.cursor, page.order)))
    .orderBy(
      ...(page.order === 'oldest' ? [asc(ua.createdAt), asc(ua.id)] : [desc(ua.createdAt), desc(ua.id)]),
    )
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const kept = more ? rows.slice(0, page.limit) : rows;
  const campaigns = await campaignsOf(deps, kept);
  const items = kept.map((row): TPendingReview => {
    const campaignId = typeof row.data.campaignId === 'number' ? row.data.campaignId : null;
    return {
      userActivityId: row.id,
      userId: row.userId,
      walletAddress: row.walletAddress,
      chain: row.chain,
      activityId: row.activityId,
      activityName: row.activityName,
      activityKind: row.activityKind,
      campaignId,
      campaignName: campaignId === null ? null : (campaigns.names.get(campaignId) ?? null),
      points: campaigns.points.get(`${campaignId}:${row.activityId}`) ?? 0,
      proofUrl: typeof row.data.url === 'string' ? row.data.url : null,
      submittedAt: row.createdAt.toISOString(),
    };
  });
  const last = kept.at(-1);
  return {
    items,
    nextCursor: more && last ? encodeKeys([last.createdAt.toISOString(), last.id]) : null,
  };
}

/**
 * The campaign each completion was submitted in and the points it lists the activity for: what
 * approval would award (docs/product/admin.md). Read apart, since a global activity's campaign is in
 * the completion's data rather than a column.
 */
async function campaignsOf(deps: Pick<Deps, 'db'>, rows: Array<{ data: Record<string, unknown> }>) {
  const ids = [
    ...new Set(rows.map((r) => r.data.campaignId).filter((id): id is number => typeof id === 'number')),
  ];
  if (ids.length === 0) return { names: new Map<number, string>(), points: new Map<string, number>() };
  const { db, t } = deps.db;
  const [named, listed] = await Promise.all([
    db
      .select({ id: t.campaigns.id, name: t.campaigns.name })
      .from(t.campaigns)
      .where(inArray(t.campaigns.id, ids)),
    db
      .select({
        campaignId: t.campaignActivities.campaignId,
        activityId: t.campaignActivities.activityId,
        points: t.campaignActivities.points,
      })
      .from(t.campaignActivities)
      .where(inArray(t.campaignActivities.campaignId, ids)),
  ]);
  return {
    names: new Map(named.map((c) => [c.id, c.name])),
    points: new Map(listed.map((l) => [`${l.campaignId}:${l.activityId}`, l.points])),
  };
}
