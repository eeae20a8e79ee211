import { and, type Column, eq, type SQL } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { afterCursor, newestFirst, toPage } from '../../platform/cursor';
import { campaignParam, listExport, registerExportDataset } from '../exports';

const PAGE = 500;

/** What a campaign table's page query is given: the keyset and campaign filter, the order, the limit. */
interface PageQuery {
  where: SQL | undefined;
  orderBy: SQL[];
  limit: number;
}

/**
 * One keyset page over a table with (created_at, id, campaign_id), newest first, narrowed to the
 * link's `?campaignId=` when it names one.
 */
async function campaignPage<R extends { createdAt: Date; id: string }>(
  table: { createdAt: Column; id: Column; campaignId: Column },
  cursor: string | undefined,
  query: URLSearchParams,
  read: (q: PageQuery) => Promise<R[]>,
) {
  const campaignId = campaignParam(query);
  const rows = await read({
    where: and(
      afterCursor(cursor, table.createdAt, table.id),
      campaignId === undefined ? undefined : eq(table.campaignId, campaignId),
    ),
    orderBy: newestFirst(table.createdAt, table.id),
    limit: PAGE + 1,
  });
  return toPage(rows, PAGE, (row) => row);
}

registerExportDataset(
  'participants',
  listExport({
    scope: 'campaigns',
    list(deps: Deps, cursor, query) {
      const { db, t } = deps.db;
      const e = t.userCampaignEligibles;
      return campaignPage(e, cursor, query, (q) =>
        db
          .select()
          .from(e)
          .where(q.where)
          .orderBy(...q.orderBy)
          .limit(q.limit),
      );
    },
    columns: {
      id: 'id',
      created_at: (r) => r.createdAt.toISOString(),
      campaign_id: 'campaignId',
      user_id: 'userId',
      method: 'method',
      wallet_chain: 'walletChain',
      wallet_address: 'walletAddress',
    },
  }),
);

registerExportDataset(
  'referrals',
  listExport({
    scope: 'campaigns',
    list(deps: Deps, cursor, query) {
      const { db, t } = deps.db;
      const r = t.referralRelations;
      return campaignPage(r, cursor, query, (q) =>
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
          .leftJoin(t.referralCodes, eq(t.referralCodes.id, r.codeId))
          .where(q.where)
          .orderBy(...q.orderBy)
          .limit(q.limit),
      );
    },
    columns: {
      id: 'id',
      created_at: (x) => x.createdAt.toISOString(),
      campaign_id: 'campaignId',
      code: 'code',
      referrer_user_id: 'referrer',
      referee_user_id: 'referee',
    },
  }),
);

registerExportDataset(
  'points',
  listExport({
    scope: 'campaigns',
    list(deps: Deps, cursor, query) {
      const { db, t } = deps.db;
      const p = t.pointsLedger;
      return campaignPage(p, cursor, query, (q) =>
        db
          .select()
          .from(p)
          .where(q.where)
          .orderBy(...q.orderBy)
          .limit(q.limit),
      );
    },
    columns: {
      id: 'id',
      created_at: (r) => r.createdAt.toISOString(),
      campaign_id: 'campaignId',
      user_id: 'userId',
      points: 'points',
      reason: 'reason',
      source_key: 'sourceKey',
    },
  }),
);
