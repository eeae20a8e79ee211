import type { TCampaignListInput, TEligibilityMethod, TNetwork } from '@puffy/contracts';
import type { Db } from '@puffy/db';
import { and, desc, eq, gt, gte, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { type CampaignRow, campaignColumns } from '../eligibility/seats';
import { perDatabase } from '../platform/per-database';

/**
 * The public campaign reads (list, get, group, promotions) as statements prepared once per database
 * and shape. Building them through the query builder (a wide `select()` of every campaign column)
 * cost about 300 µs a request here, more than the database took to answer; a prepared statement
 * only binds its values.
 */
export interface CampaignFilter {
  phase?: NonNullable<TCampaignListInput['phase']>;
  network?: TNetwork;
  id?: number;
  slug?: string;
  groupId?: number;
}

const p = sql.placeholder;

function prepareCampaignPage(db: Db, filter: CampaignFilter, paged: boolean) {
  const { t } = db;
  const c = t.campaigns;
  const now = p('now') as unknown as Date;
  const byPhase: Record<NonNullable<CampaignFilter['phase']>, SQL | undefined> = {
    active: and(
      eq(c.isActive, true),
      or(isNull(c.startAt), lte(c.startAt, now)),
      or(isNull(c.endAt), gt(c.endAt, now)),
    ),
    upcoming: and(gt(c.startAt, now), or(isNull(c.endAt), gt(c.endAt, now))),
    ended: lte(c.endAt, now),
  };
  return db.db
    .select(campaignColumns(t))
    .from(c)
    .where(
      and(
        eq(c.isReady, true),
        isNull(c.archivedAt),
        filter.phase ? byPhase[filter.phase] : undefined,
        filter.network !== undefined ? eq(c.network, p('network')) : undefined,
        filter.id !== undefined ? eq(c.id, p('id')) : undefined,
        filter.slug !== undefined ? eq(c.slug, p('slug')) : undefined,
        filter.groupId !== undefined ? eq(c.groupId, p('groupId')) : undefined,
        paged ? lt(c.id, p('after')) : undefined,
      ),
    )
    .orderBy(desc(c.id))
    .limit(p('limit'))
    .prepare('campaign_page');
}

function prepareMethods(db: Db) {
  const m = db.t.campaignEligibleMethods;
  return db.db
    .select({ campaignId: m.campaignId, method: m.method })
    .from(m)
    .where(and(gte(m.campaignId, p('from')), lte(m.campaignId, p('to'))))
    .orderBy(m.id)
    .prepare('campaign_methods');
}

function preparePromotions(db: Db, paged: boolean) {
  const { t } = db;
  return db.db
    .select({ promotion: t.promotions })
    .from(t.campaignPromotions)
    .innerJoin(t.promotions, eq(t.promotions.id, t.campaignPromotions.promotionId))
    .where(
      and(
        eq(t.campaignPromotions.campaignId, p('campaignId')),
        paged ? lt(t.promotions.id, p('after')) : undefined,
      ),
    )
    .orderBy(desc(t.promotions.id))
    .limit(p('limit'))
    .prepare(paged ? 'campaign_promotions_after' : 'campaign_promotions');
}

interface Prepared {
  pages: Map<string, ReturnType<typeof prepareCampaignPage>>;
  methods: ReturnType<typeof prepareMethods>;
  promotions: { first: ReturnType<typeof preparePromotions>; after: ReturnType<typeof preparePromotions> };
}

const preparedOf = perDatabase(
  (db): Prepared => ({
    pages: new Map(),
    methods: prepareMethods(db),
    promotions: { first: preparePromotions(db, false), after: preparePromotions(db, true) },
  }),
);

/** Visible campaigns matching `filter`, newest first, up to `limit` of them with ids below `after`. */
export function campaignRows(
  db: Db,
  filter: CampaignFilter,
  page: { now: Date; limit: number; after?: number },
): Promise<CampaignRow[]> {
  const { pages } = preparedOf(db);
  const paged = page.after !== undefined;
  // Which conditions the statement has; the values themselves are bound on each call.
  const shape = [
    filter.phase ?? '',
    filter.network !== undefined,
    filter.id !== undefined,
    filter.slug !== undefined,
    filter.groupId !== undefined,
    paged,
  ].join('|');
  let statement = pages.get(shape);
  if (!statement) {
    statement = prepareCampaignPage(db, filter, paged);
    pages.set(shape, statement);
  }
  return statement.execute({
    // Placeholders bypass the columns' encoders; the time column encodes the value as each dialect stores it.
    now: db.t.campaigns.startAt.mapToDriverValue(page.now),
    network: filter.network,
    id: filter.id,
    slug: filter.slug,
    groupId: filter.groupId,
    after: page.after,
    limit: page.limit,
  });
}

/**
 * The eligibility methods of the given campaigns, in the order they were added. One range read over
 * the campaigns' ids (its rows for campaigns not asked about are dropped), so one prepared statement
 * serves any page.
 */
export async function methodsOf(db: Db, ids: number[]): Promise<Map<number, TEligibilityMethod[]>> {
  const byCampaign = new Map<number, TEligibilityMethod[]>();
  if (ids.length === 0) return byCampaign;
  const wanted = new Set(ids);
  const rows = await preparedOf(db).methods.execute({ from: Math.min(...ids), to: Math.max(...ids) });
  for (const row of rows) {
    if (!wanted.has(row.campaignId)) continue;
    const methods = byCampaign.get(row.campaignId);
    if (methods) methods.push(row.method);
    else byCampaign.set(row.campaignId, [row.method]);
  }
  return byCampaign;
}

/** A campaign's promotions, newest first, up to `limit` of them with ids below `after`. */
export function promotionRows(
  db: Db,
  page: { campaignId: number; after?: number; limit: number },
): Promise<Array<{ promotion: Db['t']['promotions']['$inferSelect'] }>> {
  const { promotions } = preparedOf(db);
  return page.after === undefined
    ? promotions.first.execute({ campaignId: page.campaignId, limit: page.limit })
    : promotions.after.execute(page);
}
