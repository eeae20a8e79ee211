export interface Standing {
  memberId: string;
  points: number;
  /** Standard competition ranking: equal points share a rank, the next rank skips (1, 2, 2, 4). */
  rank: number;
}

/**
 * A season's frozen standings: by points, then by who reached them first (earlier `reachedAt` wins
 * the tie-break for prizes), ranks shared on equal points. Pure, so a snapshot taken at the season's
 * end can be recomputed and checked.
 */
export function rankStandings(
  rows: ReadonlyArray<{ memberId: string; points: number; reachedAt: Date }>,
): Standing[] {
  const sorted = [...rows].sort(
    (a, b) =>
      b.points - a.points ||
      a.reachedAt.getTime() - b.reachedAt.getTime() ||
      (a.memberId < b.memberId ? -1 : 1),
  );
  let rank = 0;
  return sorted.map((row, index) => {
    if (index === 0 || row.points !== sorted[index - 1]?.points) rank = index + 1;
    return { memberId: row.memberId, points: row.points, rank };
  });
}

export type TicketRule =
  | { kind: 'per-member' }
  | { kind: 'by-points'; pointsPerTicket: number; maxTickets: number };

/** Raffle tickets for an eligible member under the raffle's rule (docs/product/raffles.md). */
export function ticketsFor(points: number, rule: TicketRule): number {
  if (rule.kind === 'per-member') return 1;
  if (!(rule.pointsPerTicket > 0) || !(rule.maxTickets >= 1))
    throw new RangeError('a ticket costs some points and a member may hold at least one');
  return Math.min(rule.maxTickets, Math.floor(Math.max(0, points) / rule.pointsPerTicket));
}
