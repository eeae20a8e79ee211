import { and, type Column, eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { afterCursor, encodeCursor, newestFirst } from '../../platform/cursor';
import { campaignParam, registerExportDataset } from '../exports';

const PAGE = 500;
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** One keyset page over a table with (created_at, id): rows and the cursor after the last one. */
async function keysetPage<R extends { createdAt: Date; id: string }>(
  read: (after: ReturnType<typeof afterCursor>, limit: number) => Promise<R[]>,
  createdAt: Column,
  id: Column,
  cursor: string | undefined,
) {
  const rows = await read(afterCursor(cursor, createdAt, id), PAGE + 1);
  const kept = rows.slice(0, PAGE);
  const last = kept.at(-1);
  return { kept, nextCursor: rows.length > PAGE && last ? encodeCursor(last) : null };
}

registerExportDataset('participants', {
  scope: 'campaigns',
  columns: ['id', 'created_at', 'campaign_id', 'user_id', 'method', 'wallet_chain', 'wallet_address'],
  async page(deps: Deps, cursor, query) {
    const { db, t } = deps.db;
    const e = t.userCampaignEligibles;
    const campaignId = campaignParam(query);
    const { kept, nextCursor } = await keysetPage(
      (after, limit) =>
        db
          .select()
          .from(e)
          .where(and(after, campaignId === undefined ? undefined : eq(e.campaignId, campaignId)))
          .orderBy(...newestFirst(e.createdAt, e.id))
          .limit(limit),
      e.createdAt,
      e.id,
      cursor,
    );
    return {
      rows: kept.map((r) => [
        r.id,
        iso(r.createdAt),
        r.campaignId,
        r.userId,
        r.method,
        r.walletChain,
        r.walletAddress,
      ]),
      nextCursor,
    };
  },
});

registerExportDataset('referrals', {
  scope: 'campaigns',
  columns: ['id', 'created_at', 'campaign_id', 'code', 'referrer_user_id', 'referee_user_id'],
  async page(deps: Deps, cursor, query) {
    const { db, t } = deps.db;
    const r = t.referralRelations;
    const campaignId = campaignParam(query);
    const { kept, nextCursor } = await keysetPage(
      (after, limit) =>
        db
          .select({
            id: r.id,
            createdAt: r.createdAt,
            campaignId: r.campaignId,
            code: t.referralCodes.code,
            referrer: r.referrerUserId,
            referee: r.refereeUserId,
          })
          .from(r)
          .leftJoin(t.referralCodes, eqCode(t))
          .where(and(after, campaignId === undefined ? undefined : eq(r.campaignId, campaignId)))
          .orderBy(...newestFirst(r.createdAt, r.id))
          .limit(limit),
      r.createdAt,
      r.id,
      cursor,
    );
    return {
      rows: kept.map((x) => [x.id, iso(x.createdAt), x.campaignId, x.code, x.referrer, x.referee]),
      nextCursor,
    };
  },
});

registerExportDataset('points', {
  scope: 'campaigns',
  columns: ['id', 'created_at', 'campaign_id', 'user_id', 'points', 'reason', 'source_key'],
  async page(deps: Deps, cursor, query) {
    const { db, t } = deps.db;
    const p = t.pointsLedger;
    const campaignId = campaignParam(query);
    const { kept, nextCursor } = await keysetPage(
      (after, limit) =>
        db
          .select()
          .from(p)
          .where(and(after, campaignId === undefined ? undefined : eq(p.campaignId, campaignId)))
          .orderBy(...newestFirst(p.createdAt, p.id))
          .limit(limit),
      p.createdAt,
      p.id,
      cursor,
    );
    return {
      rows: kept.map((r) => [
        r.id,
        iso(r.createdAt),
        r.campaignId,
        r.userId,
        r.points,
        r.reason,
        r.sourceKey,
      ]),
      nextCursor,
    };
  },
});

function eqCode(t: Deps['db']['t']) {
  return eq(t.referralCodes.id, t.referralRelations.codeId);
}
