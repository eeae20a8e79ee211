import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKeyedLoad } from '../src/index';
import { type TestDatabase, testDatabases } from '../src/testing';
import { createCampaign } from './support/database';

describe.each(testDatabases())('keyed load on $label', ({ create }) => {
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

  const open = (snapshotId: string) => {
    const { t } = h.db;
    return openKeyedLoad(h.db, {
      table: t.snapshotHolders,
      group: { column: t.snapshotHolders.snapshotId, value: snapshotId },
      key: t.snapshotHolders.address,
      columns: [t.snapshotHolders.address, t.snapshotHolders.amount],
    });
  };

  const stored = async (snapshotId: string) => {
    const { db, t } = h.db;
    const rows = await db
      .select({ address: t.snapshotHolders.address, amount: t.snapshotHolders.amount })
      .from(t.snapshotHolders)
      .where(eq(t.snapshotHolders.snapshotId, snapshotId));
    return new Map(rows.map((r) => [r.address, r.amount]));
  };

  it('tells each batch which keys are new and stores every row once, in its group, after finish', async () => {
    const snapshotId = await newSnapshot();
    const other = await newSnapshot();
    const load = await open(snapshotId);
    try {
      // 25,000 rows: SQLite moves its staged rows in chunks of 10,000, so three chunks, the last short.
      const first = Array.from({ length: 15_000 }, (_, i) => [`addr-${i}`, String(i)]);
      const second = [
        ['addr-3', 'again'],
        ...Array.from({ length: 10_000 }, (_, i) => [`addr-${15_000 + i}`, null]),
        ['addr-14999', 'again'],
      ];
      expect(await h.db.withTransaction((tx) => load.add(first, tx))).toHaveLength(15_000);
      const added = await h.db.withTransaction((tx) => load.add(second, tx));
      expect(added).toHaveLength(10_000);
      expect(added).not.toContain('addr-3');
      expect(added).not.toContain('addr-14999');
      expect(await load.add([], h.db.db)).toEqual([]);
      await load.finish();
    } finally {
      await load.close();
    }
    const rows = await stored(snapshotId);
    expect(rows.size).toBe(25_000);
    expect(rows.get('addr-3')).toBe('3');
    expect(rows.get('addr-14999')).toBe('14999');
    expect(rows.get('addr-24999')).toBeNull();
    expect((await stored(other)).size).toBe(0);
  });

  it('two loads at once keep their rows apart; a closed load leaves nothing behind', async () => {
    const [a, b] = [await newSnapshot(), await newSnapshot()];
    const [loadA, loadB] = [await open(a), await open(b)];
    try {
      expect(await loadA.add([['x', '1']], h.db.db)).toEqual(['x']);
      expect(await loadB.add([['x', '2']], h.db.db)).toEqual(['x']);
      expect(await loadA.add([['x', '3']], h.db.db)).toEqual([]);
      await loadA.finish();
      await loadB.finish();
    } finally {
      await loadA.close();
      await loadB.close();
    }
    expect([...(await stored(a))]).toEqual([['x', '1']]);
    expect([...(await stored(b))]).toEqual([['x', '2']]);

    const abandoned = await newSnapshot();
    const load = await open(abandoned);
    await load.add([['y', null]], h.db.db);
    await load.close();
    await load.close();
    expect((await stored(abandoned)).size).toBe(h.db.dialect === 'postgres' ? 1 : 0);
  });
});
