import { sql } from 'drizzle-orm';
import { type Db, rawRows } from '../../src/index';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const uniq = (prefix = 'k') => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/** A resolvable promise, for holding one side of a race open while the other side acts. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** The message of an error and of every cause under it: drizzle wraps the driver's error. */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(' <- ');
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

export async function createUser(db: Db, overrides: Partial<typeof db.t.users.$inferInsert> = {}) {
  const [user] = await db.db
    .insert(db.t.users)
    .values({ walletAddress: uniq('wallet'), walletChain: 'sol', ...overrides })
    .returning();
  if (!user) throw new Error('no user');
  return user;
}

export async function createCampaign(db: Db, overrides: Partial<typeof db.t.campaigns.$inferInsert> = {}) {
  const [campaign] = await db.db
    .insert(db.t.campaigns)
    .values({
      slug: uniq('campaign'),
      name: 'Test campaign',
      network: 'sol',
      vmType: 'svm',
      nftGasFeeLamports: 0n,
      ...overrides,
    })
    .returning();
  if (!campaign) throw new Error('no campaign');
  return campaign;
}

export async function settingKeysLike(db: Db, prefix: string): Promise<string[]> {
  const rows = await db.db.select({ key: db.t.settings.key }).from(db.t.settings);
  return rows
    .map((r) => r.key)
    .filter((k) => k.startsWith(prefix))
    .sort();
}

/**
 * Everything the database says about our schema (tables, columns, constraints, indexes, triggers),
 * minus the migration bookkeeping, in a stable order: equal snapshots mean equal schemas.
 */
export async function introspect(db: Db): Promise<Record<string, unknown[]>> {
  if (db.dialect === 'sqlite') {
    return {
      objects: await rawRows(
        db,
        sql.raw(
          `select type, name, tbl_name, sql from sqlite_master
           where name not like 'sqlite_%' and tbl_name <> 'puffy_migrations' order by type, name`,
        ),
        db.db,
      ),
    };
  }
  const query = (text: string) => rawRows(db, sql.raw(text), db.db);
  return {
    // By name, not position: Postgres never reuses a dropped column's position, so a migration that adds a
    // column puts it one place further along after its down file and a second up, the same schema.
    columns: await query(
      `select table_name, column_name, data_type, is_nullable, column_default, is_identity
       from information_schema.columns where table_schema = current_schema() and table_name <> 'puffy_migrations'
       order by table_name, column_name`,
    ),
    constraints: await query(
      `select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as definition
       from pg_constraint where connamespace = current_schema()::regnamespace order by 1, 2`,
    ),
    indexes: await query(
      `select tablename, indexname, indexdef from pg_indexes
       where schemaname = current_schema() and tablename <> 'puffy_migrations' order by 1, 2`,
    ),
    triggers: await query(
      `select tgrelid::regclass::text as table_name, tgname, pg_get_triggerdef(oid) as definition
       from pg_trigger where not tgisinternal order by 1, 2`,
    ),
    functions: await query(
      `select proname, pg_get_functiondef(oid) as definition from pg_proc
       where pronamespace = current_schema()::regnamespace order by 1`,
    ),
    sequences: await query(
      `select sequence_name from information_schema.sequences where sequence_schema = current_schema() order by 1`,
    ),
  };
}
