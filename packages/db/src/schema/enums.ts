import { type SQL, sql } from 'drizzle-orm';

/**
 * Value sets that only the database knows about yet. They belong in @puffy/contracts as zod enums the
 * moment an API shape carries them; until then they are spelled once, here, for both dialects.
 */
export const userActivityStatuses = ['completed', 'pending_review', 'rejected', 'revoked'] as const;
/** Who asked for a check of a checked task (the member, the retry after throttling, a re-check), and what the service said. */
export const activityCheckTriggers = ['member', 'retry', 'recheck'] as const;
export const activityCheckOutcomes = ['passed', 'failed', 'throttled'] as const;
export const referralOutcomes = ['accepted', 'refused'] as const;
export const botSecretStatuses = ['active', 'grace', 'revoked'] as const;
export const mintPaths = ['gas', 'direct'] as const;
export const entitlementSources = ['wl_nft', 'admin', 'activity'] as const;
export const passUseActions = ['use', 'release'] as const;
/** A reported payment: waiting for the chain, paid what it named, or paid nothing for the reporter. */
export const paymentReportStatuses = ['pending', 'settled', 'refused'] as const;
export const notificationStatuses = ['pending', 'sent', 'failed'] as const;

/** drizzle wants a non-empty tuple for `{ enum }`; zod 4's `.options` is a plain array. */
export function enumValues<T extends string>(schema: { options: readonly T[] }): [T, ...T[]] {
  const [first, ...rest] = schema.options;
  if (first === undefined) throw new Error('an enum column needs at least one value');
  return [first, ...rest];
}

/**
 * The CHECK body for an enum column, spelled with the bare column name: both dialects accept it, and
 * drizzle-kit writes it verbatim into each migration.
 */
export function enumCheck(column: { name: string }, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
  return sql.raw(`"${column.name}" in (${list})`);
}

/** A CHECK body over bare column names (no bound parameters, so migrations carry it as written). */
export function rawCheck(body: string): SQL {
  return sql.raw(body);
}
