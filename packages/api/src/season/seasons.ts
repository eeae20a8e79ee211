import type { TSeason } from '@puffy/contracts';
import type { Database } from '@puffy/db';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../deps';
import { decodeKeys, encodeKeys } from '../platform/cursor';
import { NotFound } from '../platform/errors';

type SeasonRow = Deps['db']['t']['seasons']['$inferSelect'];

export const seasonOut = (row: SeasonRow): TSeason => ({
  id: row.id,
  name: row.name,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  status: row.status,
  closedAt: row.closedAt?.toISOString() ?? null,
});

export async function seasonRow(deps: Pick<Deps, 'db'>, q: Database, seasonId: number): Promise<SeasonRow> {
  const { seasons } = deps.db.t;
  const [row] = await q.select().from(seasons).where(eq(seasons.id, seasonId)).limit(1);
  if (!row) throw new NotFound('There is no such season.', 'season_not_found');
  return row;
}

/** `season.list`: every season, the latest first (there are a few a year). */
export async function listSeasons(deps: Pick<Deps, 'db'>): Promise<TSeason[]> {
  const { db, t } = deps.db;
  const rows = await db.select().from(t.seasons).orderBy(desc(t.seasons.startsAt)).limit(200);
  return rows.map(seasonOut);
}

const ZPlaceKey = z.tuple([z.number().int().positive()]);

/** A page of a closed season's frozen standings, in the order prizes go by (place), with each member. */
export async function frozenPage(
  deps: Pick<Deps, 'db'>,
  seasonId: number,
  page: { cursor?: string; limit: number },
) {
  const { db, t } = deps.db;
  const ss = t.seasonStandings;
  const after = page.cursor === undefined ? null : decodeKeys(ZPlaceKey, page.cursor);
  const rows = await db
    .select({
      place: ss.place,
      rank: ss.rank,
      points: ss.points,
      userId: ss.userId,
      walletAddress: t.users.walletAddress,
      name: t.users.name,
      reachedAt: ss.reachedAt,
    })
    .from(ss)
    .innerJoin(t.users, eq(t.users.id, ss.userId))
    .where(and(eq(ss.seasonId, seasonId), after ? gt(ss.place, after[0]) : undefined))
    .orderBy(asc(ss.place))
    .limit(page.limit + 1);
  const kept = rows.slice(0, page.limit);
  const last = kept.at(-1);
  return { rows: kept, nextCursor: rows.length > page.limit && last ? encodeKeys([last.place]) : null };
}
