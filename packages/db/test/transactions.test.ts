import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, lockRows } from '../src/index';
import { type TestDatabase, testDatabases } from '../src/testing';
import { gate, settingKeysLike, sleep, uniq } from './support/database';

describe.each(testDatabases())('withTransaction on $label', ({ name, create }) => {
  let h: TestDatabase;
  beforeAll(async () => {
    h = await create();
  });
  afterAll(async () => {
    await h?.drop();
  });

  it('commits and returns the callback result', async () => {
    const prefix = uniq();
    const result = await h.db.withTransaction(async (tx) => {
      await tx.insert(h.db.t.settings).values({ key: `${prefix}-a`, value: 1 });
      await sleep(2);
      await tx.insert(h.db.t.settings).values({ key: `${prefix}-b`, value: 2 });
      return 'done';
    });
    expect(result).toBe('done');
    expect(await settingKeysLike(h.db, prefix)).toEqual([`${prefix}-a`, `${prefix}-b`]);
  });

  it('runs a query the callback returns unawaited (a query builder) inside the transaction', async () => {
    const prefix = uniq();
    const { t } = h.db;
    await h.db.db.insert(t.settings).values({ key: `${prefix}-x`, value: 'x' });
    // A builder only runs when awaited; on SQLite it once ran outside the transaction's lock and waited
    // for it forever. The race turns a hang into a failure.
    const rows = await Promise.race([
      h.db.withTransaction((tx) =>
        tx
          .select()
          .from(t.settings)
          .where(eq(t.settings.key, `${prefix}-x`)),
      ),
      sleep(5_000).then(() => 'hung' as const),
    ]);
    expect(rows).toEqual([expect.objectContaining({ key: `${prefix}-x`, value: 'x' })]);
    // And the connection is free afterwards.
    expect(await settingKeysLike(h.db, prefix)).toEqual([`${prefix}-x`]);
  });

  it('a thrown error rolls back every write, including the ones after awaits', async () => {
    const prefix = uniq();
    const { t } = h.db;
    await h.db.db.insert(t.settings).values({ key: `${prefix}-kept`, value: 'before' });
    let seenInside: string[] = [];
    const failed = h.db.withTransaction(async (tx) => {
      await tx.insert(t.settings).values({ key: `${prefix}-1`, value: 1 });
      await sleep(5);
      await tx.insert(t.settings).values({ key: `${prefix}-2`, value: 2 });
      await sleep(5);
      await tx
        .update(t.settings)
        .set({ value: 'changed' })
        .where(eq(t.settings.key, `${prefix}-kept`));
      seenInside = (await tx.select({ key: t.settings.key }).from(t.settings))
        .map((r) => r.key)
        .filter((k) => k.startsWith(prefix));
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    expect(seenInside.sort()).toEqual([`${prefix}-1`, `${prefix}-2`, `${prefix}-kept`]);
    expect(await settingKeysLike(h.db, prefix)).toEqual([`${prefix}-kept`]);
    const [kept] = await h.db.db
      .select()
      .from(t.settings)
      .where(eq(t.settings.key, `${prefix}-kept`));
    expect(kept?.value).toBe('before');
  });

  it('two concurrent transactions do not see each other’s uncommitted writes', async () => {
    const prefix = uniq();
    const { t } = h.db;
    const aWrote = gate();
    const a = h.db.withTransaction(async (tx) => {
      await tx.insert(t.settings).values({ key: `${prefix}-a`, value: 'a' });
      aWrote.open();
      await sleep(60);
      throw new Error('a rolls back');
    });
    // Watched from the start: on a slow machine `a` can fail before `b` is done, and an unwatched
    // rejection in between is reported as an error of the run.
    const aRolledBack = expect(a).rejects.toThrow('a rolls back');
    await aWrote.promise;
    const bSaw = await h.db.withTransaction(async (tx) => {
      await tx.insert(t.settings).values({ key: `${prefix}-b`, value: 'b' });
      const rows = await tx.select({ key: t.settings.key }).from(t.settings);
      return rows.map((r) => r.key).filter((k) => k.startsWith(prefix));
    });
    await aRolledBack;
    expect(bSaw).toEqual([`${prefix}-b`]);
    expect(await settingKeysLike(h.db, prefix)).toEqual([`${prefix}-b`]);
  });

  it('a query from outside an open transaction is not rolled back with it', async () => {
    const prefix = uniq();
    const { t } = h.db;
    const events: string[] = [];
    const inside = gate();
    const finish = gate();
    const tx = h.db
      .withTransaction(async (txDb) => {
        await txDb.insert(t.settings).values({ key: `${prefix}-inside`, value: 1 });
        inside.open();
        await finish.promise;
        events.push('transaction ending');
        throw new Error('rolled back');
      })
      .catch(() => events.push('transaction rolled back'));
    await inside.promise;
    const outside = h.db.db
      .insert(t.settings)
      .values({ key: `${prefix}-outside`, value: 2 })
      .then(() => events.push('outside written'));
    // On SQLite the one connection belongs to the open transaction: the outside write waits for it.
    // On Postgres it runs at once on another pooled connection.
    await Promise.race([outside, sleep(name === 'sqlite' ? 40 : 5_000)]);
    expect(events).toEqual(name === 'sqlite' ? [] : ['outside written']);
    finish.open();
    await Promise.all([tx, outside]);
    const order = events.filter((e) => e !== 'transaction rolled back');
    expect(order).toEqual(
      name === 'sqlite'
        ? ['transaction ending', 'outside written']
        : ['outside written', 'transaction ending'],
    );
    expect(await settingKeysLike(h.db, prefix)).toEqual([`${prefix}-outside`]);
  });

  it('a nested withTransaction joins the open one: it sees its writes and rolls back with it', async () => {
    const prefix = uniq();
    const { t } = h.db;
    let innerSaw: string[] = [];
    const outer = h.db.withTransaction(async (tx) => {
      await tx.insert(t.settings).values({ key: `${prefix}-outer`, value: 1 });
      innerSaw = await h.db.withTransaction(async (inner) => {
        await inner.insert(t.settings).values({ key: `${prefix}-inner`, value: 2 });
        const rows = await inner.select({ key: t.settings.key }).from(t.settings);
        return rows.map((r) => r.key).filter((k) => k.startsWith(prefix));
      });
      throw new Error('outer fails after the inner one returned');
    });
    await expect(outer).rejects.toThrow('outer fails');
    expect(innerSaw.sort()).toEqual([`${prefix}-inner`, `${prefix}-outer`]);
    expect(await settingKeysLike(h.db, prefix)).toEqual([]);
  });

  it('read-modify-write under lockRows loses no update across 20 concurrent transactions', async () => {
    const key = uniq('counter');
    const { t } = h.db;
    await h.db.db.insert(t.settings).values({ key, value: 0 });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        h.db.withTransaction(async (tx) => {
          await lockRows(h.db, tx, t.settings, eq(t.settings.key, key));
          const [row] = await tx.select().from(t.settings).where(eq(t.settings.key, key));
          await sleep(1);
          await tx
            .update(t.settings)
            .set({ value: Number(row?.value) + 1 })
            .where(eq(t.settings.key, key));
        }),
      ),
    );
    const [row] = await h.db.db.select().from(t.settings).where(eq(t.settings.key, key));
    expect(row?.value).toBe(20);
  });

  it('interleaved transactions (half failing) and plain writes each keep exactly their own outcome', async () => {
    const prefix = uniq();
    const { t } = h.db;
    const work = Array.from({ length: 30 }, (_, i) => {
      const plain = h.db.db.insert(t.settings).values({ key: `${prefix}-plain-${i}`, value: i });
      const transaction = h.db
        .withTransaction(async (tx) => {
          await tx.insert(t.settings).values({ key: `${prefix}-tx-${i}-a`, value: i });
          await sleep(i % 3);
          await tx.insert(t.settings).values({ key: `${prefix}-tx-${i}-b`, value: i });
          if (i % 2 === 1) throw new Error('odd transactions fail');
        })
        .catch(() => undefined);
      return Promise.all([plain, transaction]);
    });
    await Promise.all(work);
    const keys = await settingKeysLike(h.db, prefix);
    const expected = Array.from({ length: 30 }, (_, i) => [
      `${prefix}-plain-${i}`,
      ...(i % 2 === 0 ? [`${prefix}-tx-${i}-a`, `${prefix}-tx-${i}-b`] : []),
    ]).flat();
    expect(keys).toEqual(expected.sort());
  });
});

describe('SQLite transaction handle', () => {
  const sqlite = testDatabases(undefined)[0];

  it('two handles on one file in one process share the lock: overlapping transactions both complete', async () => {
    const created = await sqlite?.create();
    if (!created) throw new Error('no sqlite');
    const other = createDb({ url: created.url });
    try {
      const prefix = uniq();
      const { t } = created.db;
      const aStarted = gate();
      const a = created.db.withTransaction(async (tx) => {
        await tx.insert(t.settings).values({ key: `${prefix}-a1`, value: 1 });
        aStarted.open();
        await sleep(50);
        await tx.insert(t.settings).values({ key: `${prefix}-a2`, value: 2 });
      });
      await aStarted.promise;
      const b = other.withTransaction(async (tx) => {
        await tx.insert(other.t.settings).values({ key: `${prefix}-b`, value: 3 });
        const rows = await tx.select({ key: other.t.settings.key }).from(other.t.settings);
        return rows.map((r) => r.key).filter((k) => k.startsWith(prefix));
      });
      await a;
      // b ran after a committed, never inside it.
      expect((await b).sort()).toEqual([`${prefix}-a1`, `${prefix}-a2`, `${prefix}-b`]);
    } finally {
      await other.close();
      await created.drop();
    }
  });
  it('refuses drizzle’s own transaction, which would bypass the connection lock', async () => {
    const created = await sqlite?.create();
    try {
      expect(() => created?.db.db.transaction(async () => undefined)).toThrow(/withTransaction/);
    } finally {
      await created?.drop();
    }
  });
});
