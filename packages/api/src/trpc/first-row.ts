/**
 * Lookups by a key, which find one row or none. They belong beside the database helpers; they live
 * here because every domain folder (admin, payment, snapshot, ...) reads rows this way.
 */

/** A query that can still be cut to its first row (a drizzle select before `.limit`). */
interface Limitable<R> {
  limit(limit: number): PromiseLike<R[]>;
}

/** The first row `query` finds, or undefined when it finds none; the query reads one row at most. */
export async function firstRow<R>(query: Limitable<R>): Promise<R | undefined> {
  const [row] = await query.limit(1);
  return row;
}

/** The first row `query` finds; when there is none, the error `missing` makes (a NotFound, usually). */
export async function findOrThrow<R>(query: Limitable<R>, missing: () => Error): Promise<R> {
  const row = await firstRow(query);
  if (row === undefined) throw missing();
  return row;
}
