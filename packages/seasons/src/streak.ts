import { daysBetween, isTimeZone, localDay } from './local-day';

export interface StreakState {
  /** The member's local day of the last check-in (YYYY-MM-DD), null before the first. */
  lastDay: string | null;
  /** Consecutive days, counting a day forgiven by the grace day. */
  length: number;
  /** Whether this streak has already used its grace day. */
  graceUsed: boolean;
  longest: number;
}

export const NO_STREAK: StreakState = { lastDay: null, length: 0, graceUsed: false, longest: 0 };

/** Bonus points when a streak reaches these lengths (docs/product/seasons.md). */
export const MILESTONES: ReadonlyArray<{ days: number; bonus: number }> = [
  { days: 3, bonus: 10 },
  { days: 7, bonus: 30 },
  { days: 14, bonus: 70 },
  { days: 30, bonus: 200 },
  { days: 60, bonus: 450 },
  { days: 100, bonus: 1000 },
];

export type CheckIn =
  | { kind: 'already'; state: StreakState }
  | {
      kind: 'counted';
      state: StreakState;
      bonus: number;
      milestone: number | null;
      forgiven: boolean;
      restarted: boolean;
    };

/**
 * A daily check-in (docs/product/seasons.md): once per local day; the next day extends the streak;
 * one missed day is forgiven once per streak (the grace day); a longer gap starts again at 1. A clock
 * that goes back (a check-in dated before the last one) is refused as already done, never a restart.
 */
export function checkIn(previous: StreakState, at: Date, timeZone: string): CheckIn {
  if (!isTimeZone(timeZone)) throw new RangeError(`"${timeZone}" is not a time zone`);
  const today = localDay(at, timeZone);
  if (previous.lastDay !== null && daysBetween(previous.lastDay, today) <= 0)
    return { kind: 'already', state: previous };
  const gap = previous.lastDay === null ? null : daysBetween(previous.lastDay, today);
  const forgiven = gap === 2 && !previous.graceUsed;
  const continues = gap === 1 || forgiven;
  const length = continues ? previous.length + 1 : 1;
  const milestone = MILESTONES.find((m) => m.days === length) ?? null;
  const state: StreakState = {
    lastDay: today,
    length,
    graceUsed: continues ? previous.graceUsed || forgiven : false,
    longest: Math.max(previous.longest, length),
  };
  return {
    kind: 'counted',
    state,
    bonus: milestone?.bonus ?? 0,
    milestone: milestone?.days ?? null,
    forgiven,
    restarted: previous.lastDay !== null && !continues,
  };
}
