/** Total XP needed to reach each level, from level 1 (docs/product/seasons.md). */
export const LEVEL_THRESHOLDS: readonly number[] = [
  0, 100, 250, 500, 1000, 2000, 3500, 5500, 8000, 11_000, 15_000,
];

export interface Level {
  level: number;
  xp: number;
  /** XP at which this level began, and at which the next begins (null at the top level). */
  floor: number;
  next: number | null;
  /** 0 to 1 of the way to the next level (1 at the top). */
  progress: number;
}

export function levelOf(xp: number): Level {
  if (!Number.isFinite(xp) || xp < 0) throw new RangeError('XP is zero or more');
  let index = 0;
  while (index + 1 < LEVEL_THRESHOLDS.length && xp >= (LEVEL_THRESHOLDS[index + 1] as number)) index += 1;
  const floor = LEVEL_THRESHOLDS[index] as number;
  const next = LEVEL_THRESHOLDS[index + 1] ?? null;
  return { level: index + 1, xp, floor, next, progress: next === null ? 1 : (xp - floor) / (next - floor) };
}
