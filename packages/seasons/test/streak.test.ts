import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckIn, checkIn, localDay, NO_STREAK, type StreakState } from '../src';

const at = (iso: string) => new Date(iso);
function counted(result: CheckIn) {
  if (result.kind !== 'counted') throw new Error('expected a counted check-in');
  return result;
}

describe('daily check-in streaks', () => {
  it('counts days in the member’s time zone, not in UTC', () => {
    // 23:30 and 00:30 in Berlin are two days there, one day in UTC.
    const first = counted(checkIn(NO_STREAK, at('2026-12-06T22:30:00Z'), 'Europe/Berlin'));
    expect(first.state.lastDay).toBe('2026-12-06');
    const second = counted(checkIn(first.state, at('2026-12-06T23:30:00Z'), 'Europe/Berlin'));
    expect(second.state).toMatchObject({ lastDay: '2026-12-07', length: 2 });
    // The same two instants in New York fall on one day.
    const ny = counted(checkIn(NO_STREAK, at('2026-12-06T22:30:00Z'), 'America/New_York'));
    expect(checkIn(ny.state, at('2026-12-06T23:30:00Z'), 'America/New_York').kind).toBe('already');
  });

  it('forgives one missed day per streak, then starts again after a second gap', () => {
    let state: StreakState = NO_STREAK;
    for (const day of ['01', '02', '03'])
      state = counted(checkIn(state, at(`2026-12-${day}T10:00:00Z`), 'UTC')).state;
    const afterGap = counted(checkIn(state, at('2026-12-05T10:00:00Z'), 'UTC'));
    expect(afterGap).toMatchObject({
      forgiven: true,
      restarted: false,
      state: { length: 4, graceUsed: true },
    });
    const secondGap = counted(checkIn(afterGap.state, at('2026-12-07T10:00:00Z'), 'UTC'));
    expect(secondGap).toMatchObject({
      forgiven: false,
      restarted: true,
      state: { length: 1, graceUsed: false, longest: 4 },
    });
  });

  it('pays a milestone bonus exactly when the streak reaches it', () => {
    let state: StreakState = NO_STREAK;
    const bonuses: Array<[number, number]> = [];
    for (let day = 1; day <= 30; day += 1) {
      const result = counted(
        checkIn(state, at(`2026-11-${String(day).padStart(2, '0')}T12:00:00Z`), 'Asia/Tokyo'),
      );
      if (result.bonus > 0) bonuses.push([result.state.length, result.bonus]);
      state = result.state;
    }
    expect(bonuses).toEqual([
      [3, 10],
      [7, 30],
      [14, 70],
      [30, 200],
    ]);
  });

  it('counts once a day however often and in whatever order the check-ins arrive', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 * 24 * 60 }), { minLength: 1, maxLength: 60 }),
        (minutes) => {
          const start = Date.parse('2026-12-01T00:00:00Z');
          let state: StreakState = NO_STREAK;
          let countedDays = 0;
          for (const m of minutes) {
            const result = checkIn(state, new Date(start + m * 60_000), 'UTC');
            if (result.kind === 'counted') countedDays += 1;
            state = result.state;
          }
          const distinctDays = new Set(minutes.map((m) => localDay(new Date(start + m * 60_000), 'UTC')))
            .size;
          expect(countedDays).toBeLessThanOrEqual(distinctDays);
          expect(state.length).toBeLessThanOrEqual(countedDays);
          expect(state.longest).toBeGreaterThanOrEqual(state.length);
        },
      ),
    );
  });

  it('refuses a time zone that does not exist', () => {
    expect(() => checkIn(NO_STREAK, new Date(), 'Mars/Olympus')).toThrow(/not a time zone/);
  });
});
