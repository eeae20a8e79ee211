import type { TSeason } from '@puffy/contracts';
import type { Database } from '@puffy/db';
import { desc, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
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
