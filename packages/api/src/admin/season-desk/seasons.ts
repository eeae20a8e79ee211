import type {
  TPage,
  TSeason,
  TSeasonEdit,
  TSeasonFields,
  TSeasonStanding,
  TSeasonStandingsInput,
} from '@puffy/contracts';
import { type Database, lockKey } from '@puffy/db';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Deps } from '../../deps';
import type { AuditActor } from '../../platform/audit';
import { BadInput, Conflict } from '../../platform/errors';
import { seasonCloseJob } from '../../season/close';
import { frozenPage, seasonOut, seasonRow } from '../../season/seasons';
import { audited } from '../audited';

type SeasonDeps = Pick<Deps, 'db' | 'clock' | 'jobs'>;

/**
 * Seasons may not overlap, so a credit falls in one season at most. Checked under one lock on the
 * name "seasons", so two operators saving overlapping seasons at once cannot both pass.
 */
async function refuseOverlap(
  deps: SeasonDeps,
  tx: Database,
  window: { startsAt: Date; endsAt: Date },
  self?: number,
) {
  const { seasons } = deps.db.t;
  await lockKey(deps.db, tx, 'seasons');
  const [other] = await tx
    .select({ name: seasons.name })
    .from(seasons)
    .where(
      and(
        lt(seasons.startsAt, window.endsAt),
        gt(seasons.endsAt, window.startsAt),
        self === undefined ? undefined : ne(seasons.id, self),
      ),
    )
    .limit(1);
  if (other)
    throw new BadInput(
      `These dates overlap the season "${other.name}"; seasons follow one another.`,
      {
        startsAt: ['Overlaps another season'],
      },
      'season_overlap',
    );
}

const windowOf = (fields: TSeasonFields) => ({
  name: fields.name,
  startsAt: new Date(fields.startsAt),
  endsAt: new Date(fields.endsAt),
});

/** The close runs at the end; a moved end queues a job of its own (the old one finds nothing due). */
const queueClose = (deps: SeasonDeps, tx: Database, seasonId: number, endsAt: Date) =>
  deps.jobs.queue.enqueue(
    seasonCloseJob,
    { seasonId },
    { tx, startAfter: endsAt, singletonKey: `season-close:${seasonId}:${endsAt.getTime()}` },
  );

/** `admin.seasons.create`. */
export function createSeason(deps: SeasonDeps, actor: AuditActor, fields: TSeasonFields): Promise<TSeason> {
  const values = windowOf(fields);
  if (values.endsAt <= deps.clock.now())
    throw new BadInput('A new season ends in the future.', { endsAt: ['Already past'] }, 'season_end_past');
  return audited(deps, actor, async (tx) => {
    await refuseOverlap(deps, tx, values);
    const now = deps.clock.now();
    const [row] = await tx
      .insert(deps.db.t.seasons)
      .values({ ...values, createdAt: now, updatedAt: now })
      .returning();
    if (!row) throw new Error('the season insert returned no row');
    await queueClose(deps, tx, row.id, row.endsAt);
    const season = seasonOut(row);
    return {
      audit: {
        action: 'season.create',
        targetType: 'season',
        targetId: String(row.id),
        before: null,
        after: season,
      },
      result: season,
    };
  });
}

/**
 * `admin.seasons.update`: name and dates of a season that is still open. A started season keeps its
 * start (points already counted for it), and its end may not be set in the past.
 */
export function updateSeason(deps: SeasonDeps, actor: AuditActor, input: TSeasonEdit): Promise<TSeason> {
  const values = windowOf(input.fields);
  return audited(deps, actor, async (tx) => {
    await lockKey(deps.db, tx, `season:${input.seasonId}`);
    const before = await seasonRow(deps, tx, input.seasonId);
    const now = deps.clock.now();
    if (before.status !== 'open')
      throw new Conflict('This season is closed; its standings are frozen.', 'season_closed');
    if (before.startsAt <= now && values.startsAt.getTime() !== before.startsAt.getTime())
      throw new BadInput(
        'This season has started; its start stays as it is.',
        { startsAt: ['Already started'] },
        'season_started',
      );
    if (values.endsAt <= now)
      throw new BadInput(
        'The end of an open season is in the future.',
        { endsAt: ['Already past'] },
        'season_end_past',
      );
    await refuseOverlap(deps, tx, values, input.seasonId);
    const [row] = await tx
      .update(deps.db.t.seasons)
      .set({ ...values, updatedAt: now })
      .where(and(eq(deps.db.t.seasons.id, input.seasonId), eq(deps.db.t.seasons.status, 'open')))
      .returning();
    if (!row) throw new Conflict('This season is closed; its standings are frozen.', 'season_closed');
    if (row.endsAt.getTime() !== before.endsAt.getTime()) await queueClose(deps, tx, row.id, row.endsAt);
    const season = seasonOut(row);
    return {
      audit: {
        action: 'season.update',
        targetType: 'season',
        targetId: String(row.id),
        before: seasonOut(before),
        after: season,
      },
      result: season,
    };
  });
}

/** `admin.seasons.standings`: a closed season's frozen standings, in the order prizes go by. */
export async function seasonStandings(
  deps: Pick<Deps, 'db'>,
  input: TSeasonStandingsInput,
): Promise<TPage<TSeasonStanding>> {
  await seasonRow(deps, deps.db.db, input.seasonId);
  const page = await frozenPage(deps, input.seasonId, input);
  return {
    items: page.rows.map((row) => ({ ...row, reachedAt: row.reachedAt.toISOString() })),
    nextCursor: page.nextCursor,
  };
}
