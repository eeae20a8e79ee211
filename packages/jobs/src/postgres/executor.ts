import { type Database, type Db, rawRows } from '@puffy/db';
import { type SQL, sql } from 'drizzle-orm';

/** pg-boss's database adapter: the `db` constructor option and the `db` option of send/complete/fail. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Runs pg-boss's SQL through the app's own postgres.js pool (via drizzle), on `q`: the pool's handle
 * (`db.db`), or a caller's transaction, in which a job sent with that executor is inserted and exists
 * only if it commits. pg-boss therefore needs no connection of its own, nor the database URL.
 */
export function sqlExecutor(db: Db, q: Database): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      try {
        const body = transactionBody(text);
        if (body === null) return { rows: await rawRows(db, bindPositional(text, values), q) };
        if (values.length > 0) throw new Error('a transaction script takes no values');
        // On the pool a transaction of its own; in a caller's transaction a savepoint, so a failure
        // (pg-boss expects "already exists" when two instances install at once) does not abort it.
        const run = (inner: Database) => rawRows(db, sql.raw(body), inner);
        await q.transaction(run);
        return { rows: [] };
      } catch (error) {
        throw driverError(error);
      }
    },
  };
}

/**
 * pg-boss wraps its migrations and maintenance in `BEGIN; … COMMIT;` (for its transaction-scoped
 * advisory lock). postgres.js refuses a BEGIN sent on a pooled connection, since the next query could go
 * to another connection; so the script runs, without them, in a transaction the driver manages. Drizzle's
 * own `transaction` is right here: this is Postgres only, and it must not join a caller's transaction.
 */
function transactionBody(text: string): string | null {
  const match = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/i.exec(text);
  return match?.[1] ?? null;
}

/**
 * pg-boss matches driver messages ("already exists" when two instances create its schema at once);
 * drizzle wraps them in "Failed query: …" with the parameters, which may hold payloads.
 */
function driverError(error: unknown): unknown {
  return error instanceof Error && error.message.startsWith('Failed query:') && error.cause instanceof Error
    ? error.cause
    : error;
}

/**
 * Turns `text` with `$1…$n` placeholders (node-postgres style) into a drizzle query whose values are
 * bound as parameters, never spliced into the text. Placeholders inside string literals, quoted
 * identifiers, dollar-quoted bodies and comments are left alone. Text without values goes as is (the
 * driver then sends it in one simple-protocol message, which is how pg-boss's multi-statement
 * migrations run).
 */
export function bindPositional(text: string, values: readonly unknown[]): SQL {
  if (values.length === 0) return sql.raw(text);
  const chunks: SQL[] = [];
  let from = 0;
  let i = 0;
  while (i < text.length) {
    const skipped = skipQuoted(text, i);
    if (skipped > i) {
      i = skipped;
      continue;
    }
    const placeholder = /^\$(\d+)/.exec(text.slice(i, i + 12));
    if (placeholder?.[1] === undefined) {
      i += 1;
      continue;
    }
    const index = Number(placeholder[1]) - 1;
    if (index < 0 || index >= values.length) throw new Error(`no value for $${index + 1}`);
    chunks.push(sql.raw(text.slice(from, i)), sql`${sql.param(driverValue(values[index]))}`);
    i += placeholder[0].length;
    from = i;
  }
  chunks.push(sql.raw(text.slice(from)));
  return sql.join(chunks);
}

/** Where the quoted run starting at `i` ends, or `i` when none starts there. */
function skipQuoted(text: string, i: number): number {
  const rest = text.slice(i);
  if (rest.startsWith("'")) return closing(text, i + 1, "'", true);
  if (rest.startsWith('"')) return closing(text, i + 1, '"', true);
  if (rest.startsWith('--')) return closing(text, i + 2, '\n', false);
  if (rest.startsWith('/*')) return closing(text, i + 2, '*/', false);
  const tag = /^\$[A-Za-z_]*\$/.exec(rest.slice(0, 64));
  if (tag) return closing(text, i + tag[0].length, tag[0], false);
  return i;
}

/** Past the first `end` from `from` (a doubled quote is an escaped one); the text's end if unclosed. */
function closing(text: string, from: number, end: string, doubledEscapes: boolean): number {
  let at = from;
  for (;;) {
    const found = text.indexOf(end, at);
    if (found < 0) return text.length;
    if (doubledEscapes && text.startsWith(end, found + 1)) {
      at = found + 2;
      continue;
    }
    return found + end.length;
  }
}

/**
 * Values as node-postgres would send them, for pg-boss's sake: objects as JSON text (the app's
 * postgres.js client passes json parameters through untouched), dates as ISO text. Arrays, booleans,
 * numbers and strings go to the driver as they are.
 */
function driverValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) || value instanceof Uint8Array) return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}
