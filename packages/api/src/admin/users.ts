import type { TAdminUserRow } from '@puffy/contracts';
import { containsInsensitive } from '@puffy/db';
import { and, eq, or, type SQL } from 'drizzle-orm';
import type { Deps } from '../deps';
import { afterCursor, newestFirst, toPage } from '../platform/cursor';

type UserRow = Deps['db']['t']['users']['$inferSelect'];

export function toAdminUserRow(row: UserRow): TAdminUserRow {
  return {
    id: row.id,
    walletAddress: row.walletAddress,
    chain: row.walletChain,
    role: row.role,
    scopes: row.adminScopes,
    name: row.name,
    email: row.email,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Members by wallet, email, X handle, name or id (case-insensitive substring), newest first. */
export async function searchUsers(
  deps: Pick<Deps, 'db'>,
  input: { query?: string; role?: 'user' | 'admin'; cursor?: string; limit: number },
) {
  const { db, t } = deps.db;
  const filters: Array<SQL | undefined> = [afterCursor(input.cursor, t.users.createdAt, t.users.id)];
  if (input.role) filters.push(eq(t.users.role, input.role));
  if (input.query) {
    const q = input.query;
    filters.push(
      or(
        eq(t.users.id, q),
        containsInsensitive(deps.db, t.users.walletAddress, q),
        containsInsensitive(deps.db, t.users.email, q),
        containsInsensitive(deps.db, t.users.twitterHandle, q),
        containsInsensitive(deps.db, t.users.name, q),
      ),
    );
  }
  const rows = await db
    .select()
    .from(t.users)
    .where(and(...filters))
    .orderBy(...newestFirst(t.users.createdAt, t.users.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, toAdminUserRow);
}
