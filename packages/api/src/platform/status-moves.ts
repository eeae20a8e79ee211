import type { Conflict } from './errors';

/**
 * A status graph's guard: `can` says whether a status may move to another, `assert` refuses any move
 * the graph does not list with the domain's own CONFLICT (its words and reason code).
 */
export function statusMoves<S extends string>(
  moves: Readonly<Record<S, readonly S[]>>,
  refusal: (from: S, to: S) => Conflict,
) {
  const can = (from: S, to: S): boolean => moves[from].includes(to);
  return {
    can,
    assert(from: S, to: S): void {
      if (!can(from, to)) throw refusal(from, to);
    },
  };
}
