import { inputTime, text, ZId } from '@puffy/contracts';
import { and, type Column, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { BadInput } from './errors';

/**
 * Keyset pagination over (created_at, id), newest first: stable while rows are added, and an index
 * seek rather than an OFFSET scan. The cursor is opaque to clients (base64url of the last row's keys).
 */
// The contracts' rules for times, text and ids: a forged cursor must not carry what a column refuses.
const ZCursor = z.tuple([inputTime(), text().min(1).max(64)]);

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [iso, id] = ZCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { createdAt: new Date(iso), id };
  } catch {
    throw new BadInput(
      'This page link is no longer valid; start from the first page.',
      {
        cursor: ['Not a cursor this list gave out'],
      },
      'cursor_invalid',
    );
  }
}

/** The WHERE part that continues after the cursor, or undefined on the first page. */
export function afterCursor(cursor: string | undefined, createdAt: Column, id: Column): SQL | undefined {
  if (!cursor) return undefined;
  const at = decodeCursor(cursor);
  return or(lt(createdAt, at.createdAt), and(eq(createdAt, at.createdAt), lt(id, at.id)));
}

export const newestFirst = (createdAt: Column, id: Column) => [desc(createdAt), desc(id)];

/** Cuts the one extra row a query fetched (limit + 1) into a page and the next cursor. */
export function toPage<R extends { createdAt: Date; id: string }, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept.at(-1);
  return { items: kept.map(map), nextCursor: more && last ? encodeCursor(last) : null };
}

/** A SELECT ... FROM (with its joins) from `.$dynamic()`: not yet narrowed, ordered or cut. */
export interface OpenSelect<R> {
  where(where: SQL | undefined): { orderBy(...order: SQL[]): { limit(limit: number): PromiseLike<R[]> } };
}

type Keyed = { createdAt: Date; id: string };

/**
 * One page of `select` over a table's (created_at, id) `keys`, newest first: the rows after `cursor`
 * that pass every filter, cut by `toPage` into `limit` items and the next cursor.
 */
export async function newestPage<S extends OpenSelect<Keyed> & PromiseLike<Keyed[]>, T>(
  select: S,
  keys: { createdAt: Column; id: Column },
  input: { cursor?: string; limit: number; filters?: Array<SQL | undefined> },
  map: (row: Awaited<S>[number]) => T,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const rows = await select
    .where(and(afterCursor(input.cursor, keys.createdAt, keys.id), ...(input.filters ?? [])))
    .orderBy(...newestFirst(keys.createdAt, keys.id))
    .limit(input.limit + 1);
  // With `.$dynamic()` each step hands back the same query, so the rows are the ones `select` reads.
  return toPage(rows as Awaited<S>[number][], input.limit, map);
}

/** A cursor carrying the sort keys of a page's last row, for keysets other than (created_at, id). */
export function encodeKeys(keys: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

/** The keys `encodeKeys` wrote, checked against their shape; a forged or stale one is bad input. */
export function decodeKeys<T>(schema: z.ZodType<T>, cursor: string): T {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new BadInput(
      'This page link is no longer valid; start from the first page.',
      {
        cursor: ['Not a cursor this list gave out'],
      },
      'cursor_invalid',
    );
  }
}

const ZIdKey = z.tuple([ZId]);

/**
 * Keyset pagination over one ascending integer key, for lists in a fixed order rather than newest
 * first (a campaign's activities). Zero starts the list; the keys are positive.
 */
export function afterIdCursor(cursor: string | undefined): number {
  return cursor === undefined ? 0 : decodeKeys(ZIdKey, cursor)[0];
}

/** `toPage` for lists keyed by `afterIdCursor`. */
export function toIdPage<R, T>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => number,
  map: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept.at(-1);
  return { items: kept.map(map), nextCursor: more && last ? encodeKeys([keyOf(last)]) : null };
}
