import { ZSeasonStatus } from '@puffy/contracts';
import { enumValues, rawCheck } from '../enums';
import type { ColumnKit } from './kit';
import type { Parents } from './links';

/** Seasons and their frozen standings (docs/product/seasons.md). */
export function seasonTables(k: ColumnKit, { users }: Parents<'users'>) {
  /**
   * A named period with its own points: while a season is open the ledger also adds each credit to
   * the member's `season:<id>` total in user_points, in the credit's own transaction.
   */
  const seasons = k.table(
    'seasons',
    {
      id: k.serialId(),
      name: k.text('name').notNull(),
      startsAt: k.time('starts_at').notNull(),
      endsAt: k.time('ends_at').notNull(),
      status: k
        .text('status', { enum: enumValues(ZSeasonStatus) })
        .notNull()
        .default('open'),
      closedAt: k.time('closed_at'),
      ...k.timestamps(),
    },
    (t) => [
      k.index('seasons_window_idx').on(t.status, t.startsAt),
      k.check('seasons_window_check', rawCheck('"ends_at" > "starts_at"')),
    ],
  );

  /**
   * A closed season's standings as they were at its end, one row per member with points: `place` is
   * the order prizes go by (points, then who reached them first), `rank` the shared competition rank.
   */
  const seasonStandings = k.table(
    'season_standings',
    {
      seasonId: k.partOfSerial('season_id', seasons),
      ...k.belongsToMember(users),
      place: k.integer('place').notNull(),
      rank: k.integer('rank').notNull(),
      points: k.integer('points').notNull(),
      reachedAt: k.time('reached_at').notNull(),
    },
    (t) => [
      k.primaryKey({ name: 'season_standings_pk', columns: [t.seasonId, t.userId] }),
      k.unique('season_standings_place_unique').on(t.seasonId, t.place),
      k.index('season_standings_user_idx').on(t.userId),
    ],
  );

  return { seasons, seasonStandings };
}

export type SeasonTables = ReturnType<typeof seasonTables>;
