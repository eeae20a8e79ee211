import { z } from 'zod';

/*
 * One rule for the times members and operators send. zod's ISO datetime takes any four-digit year
 * and any offset, but Postgres cannot give every such instant back: year 0 is refused, 9999-12-31
 * with a negative offset is year 10000 in UTC and refused too, and years 1 to 99 come back from the
 * driver as 1950-2049. Input times are therefore instants from 1970 (the Unix epoch, which clients
 * use as "from the beginning" in searches; nothing in the product is older) to the end of 9999
 * (the last year ISO writes with four digits, so "no end" stays expressible), measured in UTC.
 */

export const EARLIEST_INPUT_TIME = Date.UTC(1970, 0, 1);
export const LATEST_INPUT_TIME = Date.UTC(10000, 0, 1) - 1;

/** True when the ISO time, taken in UTC, falls in the years 1970 to 9999. */
export function isInputTimeInRange(iso: string): boolean {
  const at = Date.parse(iso);
  return at >= EARLIEST_INPUT_TIME && at <= LATEST_INPUT_TIME;
}

/** An ISO time a member or operator sends; `offset` also takes `+02:00` style offsets besides `Z`. */
export const inputTime = (options: { offset?: boolean } = {}) =>
  z.iso
    .datetime({
      ...options,
      message: options.offset
        ? 'Enter a time like 2025-01-31T12:00:00Z or 2025-01-31T14:00:00+02:00.'
        : 'Enter a time in UTC like 2025-01-31T12:00:00Z.',
    })
    // Only a well-formed time has a year to judge: one refusal per mistake.
    .refine(isInputTimeInRange, {
      message: 'Choose a time between the years 1970 and 9999.',
      when: (payload) => payload.issues.length === 0,
    });
