import { join, resolve } from 'node:path';
import { createPostgresDb } from './postgres/client';
import { createSqliteDb } from './sqlite/client';
import type { Db, DbOptions } from './types';

export const DEFAULT_SQLITE_FILE = 'puffy.sqlite';

/** Opens the database the URL names: absent or `file:` → SQLite, `postgres(ql)://` → Postgres. */
export function createDb(options: DbOptions): Db {
  const url = options.url?.trim() || undefined;
  if (url === undefined)
    return createSqliteDb(resolve(join(options.dataDir ?? './data', DEFAULT_SQLITE_FILE)), options.counter);
  if (url.startsWith('file:')) return createSqliteDb(sqlitePath(url), options.counter);
  if (url.startsWith('postgres://') || url.startsWith('postgresql://'))
    return createPostgresDb(url, options.pool, options.counter);
  throw new Error('database URL must be file:<path>, postgres:// or postgresql://');
}

/** `file:relative/x.sqlite`, `file:/abs/x.sqlite`, `file:///abs/x.sqlite`, or `file::memory:`. */
function sqlitePath(url: string): string {
  const rest = url.slice('file:'.length).split('?')[0] ?? '';
  if (rest === ':memory:') return ':memory:';
  if (rest.startsWith('//')) return decodeURIComponent(new URL(url).pathname);
  return resolve(rest);
}
