import type { Database } from '@puffy/db';
import { and, eq, ne } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Deps } from '../deps';

/**
 * The named columns of one member's users row, or undefined when there is no such member. `q` is the
 * open transaction's handle, or `deps.db.db` outside one. Drizzle's types cannot follow a select of
 * columns not known yet, so the row is typed from the columns asked for.
 */
export async function memberColumns<F extends SelectedFields>(
  deps: Pick<Deps, 'db'>,
  q: Database,
  userId: string,
  columns: F,
): Promise<SelectResultFields<F> | undefined> {
  const { t } = deps.db;
  const rows = await q
    .select(columns as SelectedFields)
    .from(t.users)
    .where(eq(t.users.id, userId))
    .limit(1);
  return (rows as unknown[] as SelectResultFields<F>[])[0];
}

/** The users columns that name an outside account, which only one member may hold. */
type HeldAccount = 'email' | 'twitterId' | 'discordId' | 'telegramId';

/** Whether a member other than `userId` already holds the account (an email, an X, Discord or Telegram id). */
export async function heldByAnother(
  deps: Pick<Deps, 'db'>,
  q: Database,
  userId: string,
  account: HeldAccount,
  value: string,
): Promise<boolean> {
  const { t } = deps.db;
  const [other] = await q
    .select({ id: t.users.id })
    .from(t.users)
    .where(and(eq(t.users[account], value), ne(t.users.id, userId)))
    .limit(1);
  return other !== undefined;
}
