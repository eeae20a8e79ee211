import { describe, expect, it } from 'vitest';
import { levelOf, rankStandings, ticketsFor } from '../src';

describe('levels', () => {
  it('finds the level and the way to the next from total XP', () => {
    expect(levelOf(0)).toMatchObject({ level: 1, floor: 0, next: 100, progress: 0 });
    expect(levelOf(175)).toMatchObject({ level: 2, floor: 100, next: 250, progress: 0.5 });
    expect(levelOf(15_000)).toMatchObject({ level: 11, next: null, progress: 1 });
    expect(() => levelOf(-1)).toThrow(RangeError);
  });
});

describe('season standings', () => {
  it('ranks by points, shares a rank on equal points, and orders ties by who got there first', () => {
    const t = (m: number) => new Date(Date.UTC(2026, 11, 1, 0, m));
    const standings = rankStandings([
      { memberId: 'c', points: 50, reachedAt: t(5) },
      { memberId: 'a', points: 90, reachedAt: t(9) },
      { memberId: 'b', points: 50, reachedAt: t(1) },
      { memberId: 'd', points: 10, reachedAt: t(0) },
    ]);
    expect(standings).toEqual([
      { memberId: 'a', points: 90, rank: 1 },
      { memberId: 'b', points: 50, rank: 2 },
      { memberId: 'c', points: 50, rank: 2 },
      { memberId: 'd', points: 10, rank: 4 },
    ]);
  });
});

describe('raffle tickets', () => {
  it('gives one ticket per eligible member, or tickets by points up to a cap', () => {
    expect(ticketsFor(0, { kind: 'per-member' })).toBe(1);
    const rule = { kind: 'by-points', pointsPerTicket: 100, maxTickets: 5 } as const;
    expect([0, 99, 100, 450, 10_000].map((p) => ticketsFor(p, rule))).toEqual([0, 0, 1, 4, 5]);
    expect(() => ticketsFor(10, { kind: 'by-points', pointsPerTicket: 0, maxTickets: 1 })).toThrow(
      RangeError,
    );
  });
});
