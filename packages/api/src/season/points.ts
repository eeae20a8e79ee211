import { type Database, readShared } from '@puffy/db';
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Deps } from '../deps';

/** The user_points scope of one season's totals (docs/product/seasons.md). */
export const seasonScope = (seasonId: number) => `season:${seasonId}`;

/**
 * The open season `at` falls in, if any: the ledger adds a credit made then to that season's total.
 * Read under a share lock, so the season's close (a conditional UPDATE of this row) waits for every
 * credit that counted it to commit before it freezes the standings, and a credit that comes after the
 * close finds the season closed and leaves its total alone.
 */
export async function openSeasonAt(deps: Pick<Deps, 'db'>, tx: Database, at: Date): Promise<number | null> {
  const { seasons } = deps.db.t;
  const [row] = await readShared(
    deps.db,
    tx
      .select({ id: seasons.id })
      .from(seasons)
      .where(and(eq(seasons.status, 'open'), lte(seasons.startsAt, at), gt(seasons.endsAt, at)))
      .limit(1),
  );
  return row?.id ?? null;
}
