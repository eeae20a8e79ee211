import { z } from 'zod';
import { ZLeaderboardEntry } from './activity';
import { ZId } from './ids';
import { pageOf, ZPageInput } from './pagination';
import { text } from './text';
import { inputTime } from './time';

/** A season is open until its end; the close job then freezes its standings (docs/product/seasons.md). */
export const ZSeasonStatus = z.enum(['open', 'closed']);
export type TSeasonStatus = z.infer<typeof ZSeasonStatus>;

export const ZSeason = z.object({
  id: z.number().int(),
  name: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: ZSeasonStatus,
  closedAt: z.string().nullable(),
});
export type TSeason = z.infer<typeof ZSeason>;

/** What an operator sets on a season; the same shape creates and edits one. */
export const ZSeasonFields = z
  .object({
    name: text().trim().min(1, 'Give the season a name').max(120),
    startsAt: inputTime({ offset: true }),
    endsAt: inputTime({ offset: true }),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
    message: 'A season ends after it starts',
    path: ['endsAt'],
  });
export type TSeasonFields = z.infer<typeof ZSeasonFields>;

export const ZSeasonEdit = z.object({ seasonId: ZId, fields: ZSeasonFields });
export type TSeasonEdit = z.infer<typeof ZSeasonEdit>;

export const ZSeasonBoardInput = ZPageInput.extend({ seasonId: ZId });
export type TSeasonBoardInput = z.infer<typeof ZSeasonBoardInput>;

/** A season's board: live while it is open, its frozen snapshot once closed. */
export const ZSeasonBoardOutput = pageOf(ZLeaderboardEntry).extend({
  season: ZSeason,
  me: z.object({ rank: z.number().int().positive().nullable(), points: z.number().int() }).nullable(),
});
export type TSeasonBoardOutput = z.infer<typeof ZSeasonBoardOutput>;

/** One row of a closed season's frozen standings, as operators see them (prizes are paid from these). */
export const ZSeasonStanding = z.object({
  place: z.number().int().positive(),
  rank: z.number().int().positive(),
  points: z.number().int(),
  userId: z.string(),
  walletAddress: z.string(),
  name: z.string().nullable(),
  reachedAt: z.string(),
});
export type TSeasonStanding = z.infer<typeof ZSeasonStanding>;

export const ZSeasonStandingsInput = ZPageInput.extend({ seasonId: ZId });
export type TSeasonStandingsInput = z.infer<typeof ZSeasonStandingsInput>;
