import { type Column, eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { newestPage, type OpenSelect } from '../../platform/cursor';
import { campaignParam, type ExportColumns, listExport, registerExportDataset } from '../exports';

const PAGE = 500;

/** A campaign table's keys: what a page is cut by and the export's `?campaignId=` narrows. */
interface CampaignTable {
  createdAt: Column;
  id: Column;
  campaignId: Column;
}

interface CampaignRow {
  createdAt: Date;
  id: string;
  campaignId: number | null;
}

/**
 * Registers a campaign-scoped export of a table with (created_at, id, campaign_id): its rows a keyset
 * page at a time, newest first, narrowed to the link's `?campaignId=` when it names one. `select` is
 * the dataset's SELECT ... FROM (with its joins); every row leads with id, created_at and campaign_id.
 */
function registerCampaignExport<S extends OpenSelect<CampaignRow> & PromiseLike<CampaignRow[]>>(
  name: string,
  dataset: {
    table: (deps: Deps) => CampaignTable;
    select: (deps: Deps) => S;
    columns: ExportColumns<Awaited<S>[number]>;
  },
): void {
  type R = Awaited<S>[number];
  registerExportDataset(
    name,
    listExport({
      scope: 'campaigns',
      list(deps: Deps, cursor, query) {
        const table = dataset.table(deps);
        const campaignId = campaignParam(query);
        const filters = [campaignId === undefined ? undefined : eq(table.campaignId, campaignId)];
        return newestPage(dataset.select(deps), table, { cursor, limit: PAGE, filters }, (row) => row);
      },
      columns: {
        id: (r: R) => r.id,
        created_at: (r: R) => r.createdAt.toISOString(),
        campaign_id: (r: R) => r.campaignId,
        ...dataset.columns,
      },
    }),
  );
}

registerCampaignExport('participants', {
  table: (deps) => deps.db.t.userCampaignEligibles,
  select: ({ db: { db, t } }: Deps) => db.select().from(t.userCampaignEligibles).$dynamic(),
  columns: {
    user_id: 'userId',
    method: 'method',
    wallet_chain: 'walletChain',
    wallet_address: 'walletAddress',
  },
});

registerCampaignExport('referrals', {
  table: (deps) => deps.db.t.referralRelations,
  select: ({ db: { db, t } }: Deps) =>
    db
      .select({
        id: t.referralRelations.id,
        createdAt: t.referralRelations.createdAt,
        campaignId: t.referralRelations.campaignId,
        code: t.referralCodes.code,
        referrer: t.referralRelations.referrerUserId,
        referee: t.referralRelations.refereeUserId,
      })
      .from(t.referralRelations)
      .leftJoin(t.referralCodes, eq(t.referralCodes.id, t.referralRelations.codeId))
      .$dynamic(),
  columns: {
    code: 'code',
    referrer_user_id: 'referrer',
    referee_user_id: 'referee',
  },
});

/** The ledger's keys and what the export shows of each entry, nothing more. */
registerCampaignExport('points', {
  table: (deps) => deps.db.t.pointsLedger,
  select: ({ db: { db, t } }: Deps) => {
    const { id, createdAt, campaignId, userId, points, reason, sourceKey } = t.pointsLedger;
    return db
      .select({ id, createdAt, campaignId, userId, points, reason, sourceKey })
      .from(t.pointsLedger)
      .$dynamic();
  },
  columns: {
    user_id: 'userId',
    points: 'points',
    reason: 'reason',
    source_key: 'sourceKey',
  },
});
