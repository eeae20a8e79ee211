import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertManySkippingConflicts } from '../src/index';
import { type TestDatabase, testDatabases } from '../src/testing';
import { createCampaign } from './support/database';

describe.each(testDatabases())('bulk insert on $label', ({ create }) => {
  let h: TestDatabase;
  beforeAll(async () => {
    h = await create();
  });
  afterAll(async () => {
    await h?.drop();
  });

  async function newSnapshot(): Promise<string> {
    const { db, t } = h.db;
    const campaign = await createCampaign(h.db);
    const id = crypto.randomUUID();
    await db.insert(t.holderSnapshots).values({
      id,
      campaignId: campaign.id,
      network: 'sol',
      status: 'importing',
      version: 1,
      createdAt: new Date(),
    });
    return id;
  }

  it('writes every row past both drivers’ parameter limits, keeps nulls and quotes, returns the keys', async () => {
    const { db, t } = h.db;
    const snapshotId = await newSnapshot();
    const columns = [t.snapshotHolders.snapshotId, t.snapshotHolders.address, t.snapshotHolders.amount];
    // 30,000 rows × 3 values is past SQLite's 32,766 bound values and Postgres' 65,535.
    const rows = Array.from({ length: 30_000 }, (_, i) => [
      snapshotId,
      `addr-${i}`,
      i % 3 === 0 ? null : i === 1 ? `it's "quoted", \\ and ünicode` : String(i),
    ]);
    const inserted = await h.db.withTransaction((tx) =>
      insertManySkippingConflicts(h.db, tx, {
        table: t.snapshotHolders,
        columns,
        rows,
        key: t.snapshotHolders.address,
      }),
    );
    expect(inserted).toHaveLength(30_000);
    const stored = await db
      .select()
      .from(t.snapshotHolders)
      .where(eq(t.snapshotHolders.snapshotId, snapshotId));
    expect(stored).toHaveLength(30_000);
    const byAddress = new Map(stored.map((r) => [r.address, r.amount]));
    expect(byAddress.get('addr-0')).toBeNull();
    expect(byAddress.get('addr-1')).toBe(`it's "quoted", \\ and ünicode`);
    expect(byAddress.get('addr-29999')).toBe('29999');
  });

  it('skips rows that conflict with a stored key and returns only the inserted ones', async () => {
    const { t } = h.db;
    const snapshotId = await newSnapshot();
    const columns = [t.snapshotHolders.snapshotId, t.snapshotHolders.address, t.snapshotHolders.amount];
    const insert = (addresses: string[]) =>
      insertManySkippingConflicts(h.db, h.db.db, {
        table: t.snapshotHolders,
        columns,
        rows: addresses.map((a) => [snapshotId, a, '1']),
        key: t.snapshotHolders.address,
      });
    expect((await insert(['a', 'b'])).sort()).toEqual(['a', 'b']);
    expect((await insert(['b', 'c', 'a', 'd'])).sort()).toEqual(['c', 'd']);
    expect(await insert(['c'])).toEqual([]);
    expect(await insert([])).toEqual([]);
  });
});
