import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, lockRows, type QueryCounter, rawRows } from '../src/index';
import { type TestDatabase, testDatabases } from '../src/testing';
import { uniq } from './support/database';

// The load test's statement counts come from this counter: a statement it misses, or a transaction
// it counts twice, would make a step look cheaper or dearer than it is.
describe.each(testDatabases())('the query counter on $label', ({ create }) => {
  let h: TestDatabase;
  let counted: ReturnType<typeof createDb>;
  const counter: QueryCounter = { statements: 0, transactions: 0 };
  beforeAll(async () => {
    h = await create();
    counted = createDb({ url: h.url, pool: { max: 2 }, counter });
  });
  afterAll(async () => {
    await counted?.close();
    await h?.drop();
  });

  const since = async (work: () => Promise<unknown>) => {
    const before = { ...counter };
    await work();
    return {
      statements: counter.statements - before.statements,
      transactions: counter.transactions - before.transactions,
    };
  };

  it('counts each statement, in and out of transactions, raw ones included, and each outermost transaction once', async () => {
    const { t, db } = counted;
    const key = uniq();
    expect(await since(() => db.insert(t.settings).values({ key, value: 1 }))).toEqual({
      statements: 1,
      transactions: 0,
    });
    const inTransaction = await since(() =>
      counted.withTransaction(async (tx) => {
        await lockRows(counted, tx, t.settings, eq(t.settings.key, key));
        await tx.update(t.settings).set({ value: 2 }).where(eq(t.settings.key, key));
        // A nested call joins the open transaction: no second one.
        await counted.withTransaction((inner) =>
          inner.select().from(t.settings).where(eq(t.settings.key, key)),
        );
      }),
    );
    // SQLite has no row locks: lockRows sends nothing there.
    expect(inTransaction.transactions).toBe(1);
    expect(inTransaction.statements).toBe(counted.dialect === 'postgres' ? 3 : 2);
    expect(await since(() => rawRows(counted, sql`select 1 as one`, db))).toEqual({
      statements: 1,
      transactions: 0,
    });
  });

  it('counts nothing on a database opened without a counter', async () => {
    const before = { ...counter };
    await h.db.db.select().from(h.db.t.settings).limit(1);
    expect(counter).toEqual(before);
  });
});
