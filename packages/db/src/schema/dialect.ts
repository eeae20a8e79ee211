/** The builders both dialects spell alike: same name, same arguments. */
interface SharedBuilders {
  text: unknown;
  integer: unknown;
  check: unknown;
  index: unknown;
  primaryKey: unknown;
  unique: unknown;
}

/**
 * The builders a kit takes from its drizzle core module (pg-core, sqlite-core) as they are; each kit
 * spells itself only what really differs between the dialects (./pg/kit.ts, ./sqlite/kit.ts).
 */
export function sameInBothDialects<Core extends SharedBuilders>(
  core: Core,
): Pick<Core, keyof SharedBuilders> {
  const { text, integer, check, index, primaryKey, unique } = core;
  return { text, integer, check, index, primaryKey, unique };
}
