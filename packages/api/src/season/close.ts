import { defineJob } from '@puffy/jobs';
import { rankStandings } from '@puffy/seasons';
import { and, eq, gt, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../deps';
import { seasonScope } from './points';

/** At a season's end: closes it and freezes its standings (docs/product/seasons.md). */
export const seasonCloseJob = defineJob({
  name: 'season.close',
  payload: z.object({ seasonId: z.number().int().positive() }),
  retryLimit: 10,
  retryDelaySeconds: 30,
  expireInSeconds: 600,
});

/** Rows per insert: 7 columns each, well under SQLite's bound-parameter limit. */
const CHUNK = 1000;

/**
 * Closes a season whose end has come and writes its standings snapshot, in one transaction. The
 * conditional UPDATE (open and ended) is what makes it idempotent and safe to run twice at once: one
 * run moves the row, the other moves nothing and writes nothing. On Postgres that UPDATE waits for the
 * credits holding the season's row under a share lock (./points.ts), so the snapshot read after it sees
 * every point the season counted, and nothing counts for it afterwards.
 */
export async function closeSeason(
  deps: Pick<Deps, 'db' | 'clock'>,
  seasonId: number,
): Promise<{ closed: boolean; standings: number }> {
  const { t } = deps.db;
  return deps.db.withTransaction(async (tx) => {
    const now = deps.clock.now();
    const [closed] = await tx
      .update(t.seasons)
      .set({ status: 'closed', closedAt: now, updatedAt: now })
      .where(and(eq(t.seasons.id, seasonId), eq(t.seasons.status, 'open'), lte(t.seasons.endsAt, now)))
      .returning({ id: t.seasons.id });
    if (!closed) return { closed: false, standings: 0 };
    const totals = await tx
      .select({
        memberId: t.userPoints.userId,
        points: t.userPoints.points,
        reachedAt: t.userPoints.updatedAt,
      })
      .from(t.userPoints)
      .where(and(eq(t.userPoints.scopeKey, seasonScope(seasonId)), gt(t.userPoints.points, 0)));
    const reachedAt = new Map(totals.map((row) => [row.memberId, row.reachedAt]));
    const rows = rankStandings(totals).map((standing, index) => ({
      seasonId,
      userId: standing.memberId,
      place: index + 1,
      rank: standing.rank,
      points: standing.points,
      reachedAt: reachedAt.get(standing.memberId) ?? now,
    }));
    for (let i = 0; i < rows.length; i += CHUNK)
      await tx.insert(t.seasonStandings).values(rows.slice(i, i + CHUNK));
    return { closed: true, standings: rows.length };
  });
}
